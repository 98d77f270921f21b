import type { DuckDBConnection } from '@duckdb/node-api';
import type { BrandScope } from '../kpi/filter-sql.ts';
import type { MilestoneRow, ProjectDetail, ProjectRow } from '../schema/lists.ts';
import { queryRow, queryRows } from '../warehouse/query.ts';
import { listFilter } from './list-filter.ts';
import { projectHistory } from './project-detail-history.ts';
import { milestoneListSql } from './milestone-list.ts';
import { projectListSql } from './project-list.ts';

/**
 * A project with its counts, milestones and history (events, payments, disputes); null when
 * unknown or outside the caller's brands.
 */
export async function projectDetail(
  conn: DuckDBConnection,
  id: string,
  scope: BrandScope = null,
): Promise<ProjectDetail | null> {
  const filter = listFilter({}, scope, { project: id });
  const project = await queryRow<ProjectRow>(
    conn,
    projectListSql(
      { sort: 'projectId', order: 'asc', limit: 1, offset: 0, tolerance: 0 },
      filter,
      false,
    ),
    { ...filter.params },
  );
  if (!project) return null;
  const query = {
    sort: 'baselineDue',
    order: 'asc',
    limit: 1000,
    offset: 0,
    tolerance: 0,
  } as const;
  const milestones = await queryRows<MilestoneRow>(conn, milestoneListSql(query, filter, true), {
    ...filter.params,
    limit: query.limit,
    offset: query.offset,
  });
  return { project, milestones, ...(await projectHistory(conn, id, scope)) };
}
