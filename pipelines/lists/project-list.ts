import type { DuckDBConnection } from '@duckdb/node-api';
import type { BrandScope } from '../kpi/filter-sql.ts';
import type { ProjectList, ProjectListQuery, ProjectRow } from '../schema/lists.ts';
import { queryRow, queryRows } from '../warehouse/query.ts';
import { listFilter, type ListFilter } from './list-filter.ts';

// Projects with at least one milestone in the filter, with counts over those milestones.

const sortColumn: Record<ProjectListQuery['sort'], string> = {
  name: 'name',
  startDate: '"startDate"',
  milestones: 'milestones',
  onTimeRate: '"onTimeRate"',
  lastDue: '"lastDue"',
  projectId: '"projectId"',
};

const perProject = (where: string) => `
WITH per AS (
  SELECT project_id, count(*)::INTEGER AS milestones,
    count(*) FILTER (WHERE completed)::INTEGER AS completed,
    count(*) FILTER (WHERE completed AND slip_days <= $tolerance)::INTEGER AS on_time,
    count(*) FILTER (WHERE submitted AND disputed)::INTEGER AS disputed,
    sum(amount)::DOUBLE AS amount, min(baseline_due) AS first_due, max(baseline_due) AS last_due
  FROM milestone_facts WHERE ${where}
  GROUP BY project_id
)`;

export const projectColumns = `
  per.project_id AS "projectId", pr.name, pr.brand_id AS "brandId", c.partner_id AS "partnerId",
  pr.contract_id AS "contractId", c.pricing_model AS "pricingModel", pr.start_date AS "startDate",
  per.first_due AS "firstDue", per.last_due AS "lastDue", per.milestones, per.completed,
  per.on_time AS "onTime", per.on_time / nullif(per.completed, 0)::DOUBLE AS "onTimeRate",
  per.disputed, round(per.amount, 2)::DOUBLE AS amount, c.currency`;

/** The projects of the filter in list order, one page or (exports) all of them. */
export function projectListSql(q: ProjectListQuery, filter: ListFilter, paged: boolean): string {
  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  return `${perProject(filter.where)}
SELECT ${projectColumns}
FROM per JOIN projects pr USING (project_id) JOIN contracts c ON c.contract_id = pr.contract_id
ORDER BY ${sortColumn[q.sort]} ${dir} NULLS LAST, "projectId"${paged ? '\nLIMIT $limit OFFSET $offset' : ''}`;
}

export async function projectList(
  conn: DuckDBConnection,
  q: ProjectListQuery,
  scope: BrandScope = null,
): Promise<ProjectList> {
  const filter = listFilter(q, scope);
  const total = await queryRow<{ n: number }>(
    conn,
    `SELECT count(DISTINCT project_id)::INTEGER AS n FROM milestone_facts WHERE ${filter.where}`,
    filter.params,
  );
  const projects = await queryRows<ProjectRow>(conn, projectListSql(q, filter, true), {
    ...filter.params,
    limit: q.limit,
    offset: q.offset,
  });
  return { total: total?.n ?? 0, projects };
}
