import type { DuckDBConnection } from '@duckdb/node-api';
import { planCube, type CubeRow } from '../cube/cube-query.ts';
import type { CohortTable, CohortTableQuery } from '../schema/cohorts.ts';
import { queryRows } from '../warehouse/query.ts';
import { cohortRow } from './cohort-row.ts';
import { dataAsOf } from './data-as-of.ts';
import type { BrandScope } from './filter-sql.ts';

/** The page of a cohort query's groups, with the number of groups in all. */
export const pagedSql = (cube: string) => `
SELECT *, count(*) OVER ()::INTEGER AS total FROM (${cube}) g
ORDER BY k1 NULLS LAST, k2 NULLS LAST
LIMIT $limit OFFSET $offset`;

/** KPIs grouped by one or two dimensions (cohort month or quarter, brand, partner, ...). */
export async function cohortTable(
  conn: DuckDBConnection,
  query: CohortTableQuery,
  scope: BrandScope = null,
): Promise<CohortTable> {
  const plan = planCube({ filters: query, scope, by: query.by });
  const rows = await queryRows<CubeRow & { total: number }>(conn, pagedSql(plan.sql), {
    ...plan.params,
    limit: query.limit,
    offset: query.offset,
  });
  return {
    asOf: await dataAsOf(conn, scope),
    by: query.by,
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => cohortRow(r, query.by)),
  };
}
