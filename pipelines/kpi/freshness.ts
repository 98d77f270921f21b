import type { DuckDBConnection } from '@duckdb/node-api';
import type { Freshness } from '../schema/freshness.ts';
import { readDataVersion } from '../warehouse/data-version.ts';
import { modelVersion } from '../warehouse/model-version.ts';
import { queryRow } from '../warehouse/query.ts';
import { dataAsOf } from './data-as-of.ts';
import type { BrandScope } from './filter-sql.ts';
import { scopeParam } from './scope-param.ts';

// Loads of other brands stay out of a scoped answer, as in data-as-of.ts.
const lastLoadSql = `
SELECT load_id AS "loadId", source, status, strftime(started_at, '%Y-%m-%d %H:%M:%S.%g') AS "startedAt",
  strftime(finished_at, '%Y-%m-%d %H:%M:%S.%g') AS "finishedAt", as_of_date AS "asOf"
FROM loads
WHERE status = 'succeeded'
  AND (brand_id IS NULL OR $scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], brand_id))
ORDER BY finished_at DESC NULLS LAST, started_at DESC
LIMIT 1`;

/** How fresh the data is: last load, as-of date, data version, marts and model versions. */
export async function freshness(
  conn: DuckDBConnection,
  scope: BrandScope = null,
): Promise<Freshness> {
  const lastLoad = await queryRow<NonNullable<Freshness['lastLoad']>>(conn, lastLoadSql, {
    scope: scopeParam(scope),
  });
  const refreshed = await queryRow<{ v: string | null }>(
    conn,
    `SELECT json_extract_string(value, '$') AS v FROM dataset_facts WHERE key = 'marts_refreshed_at'`,
  );
  return {
    asOf: await dataAsOf(conn, scope),
    dataVersion: await readDataVersion(conn),
    martsRefreshedAt: refreshed?.v ?? null,
    modelVersion: await modelVersion(conn),
    lastLoad: lastLoad ?? null,
  };
}
