import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRow } from '../warehouse/query.ts';
import type { BrandScope } from './filter-sql.ts';
import { scopeParam } from './scope-param.ts';

/**
 * The status date of the data: the as-of date of the newest successful load the caller may see
 * (its brands' loads and loads without one brand, such as the demo). Another brand's load date
 * says when that brand last sent data, so it stays out of a scoped answer.
 */
export async function dataAsOf(
  conn: DuckDBConnection,
  scope: BrandScope = null,
): Promise<string | null> {
  const row = await queryRow<{ as_of: string | null }>(
    conn,
    `SELECT max(as_of_date) AS as_of FROM loads WHERE status = 'succeeded'
       AND (brand_id IS NULL OR $scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], brand_id))`,
    { scope: scopeParam(scope) },
  );
  return row?.as_of ?? null;
}
