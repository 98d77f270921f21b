import type { DuckDBConnection } from '@duckdb/node-api';
import type { Freshness } from '../schema/freshness.ts';
import { modelVersion } from '../warehouse/model-version.ts';
import { martsState } from '../warehouse/refresh-marts.ts';
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

// The as-of date the marts stand at while they are behind: the newest load they include.
const martsAsOfSql = `
SELECT max(as_of_date) AS as_of FROM loads
WHERE status = 'succeeded'
  AND finished_at <= (SELECT finished_at FROM loads WHERE load_id = $martsLoad)
  AND (brand_id IS NULL OR $scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], brand_id))`;

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
  const asOf = await dataAsOf(conn, scope);
  const marts = await martsState(conn);
  return {
    asOf,
    // The same read of dataset_facts as martsCurrent: the version and its state agree.
    dataVersion: marts.dataVersion,
    martsRefreshedAt: refreshed?.v ?? null,
    martsCurrent: !marts.behind,
    martsAsOf: marts.behind ? await behindAsOf(conn, marts.marts, scope) : asOf,
    modelVersion: await modelVersion(conn),
    lastLoad: lastLoad ?? null,
  };
}

/** The marts' as-of while they miss the newest load(s); null when they include no recorded load. */
async function behindAsOf(
  conn: DuckDBConnection,
  martsLoad: string | null,
  scope: BrandScope,
): Promise<string | null> {
  if (martsLoad === null) return null;
  const row = await queryRow<{ as_of: string | null }>(conn, martsAsOfSql, {
    martsLoad,
    scope: scopeParam(scope),
  });
  return row?.as_of ?? null;
}
