import type { DuckDBConnection } from '@duckdb/node-api';
import { DOUBLE, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import type { BrandScope } from '../kpi/filter-sql.ts';
import { queryRows } from '../warehouse/query.ts';
import type { OpenMilestoneForecast } from './predict/milestone-forecasts.ts';

/**
 * Writes the forecasts issued on asOf by a model version to the ledger (once per milestone,
 * model version and as-of date), so they can be scored later against what happened.
 */
export async function snapshotForecasts(
  conn: DuckDBConnection,
  forecasts: readonly OpenMilestoneForecast[],
  meta: { asOf: string; version: number; issuedAt: Date },
): Promise<number> {
  if (forecasts.length === 0) return 0;
  const col = <T>(f: (x: OpenMilestoneForecast) => T) => listValue(forecasts.map(f) as never[]);
  await conn.run(
    `INSERT OR IGNORE INTO forecast_ledger
     SELECT $issuedAt::TIMESTAMP, $asOf::DATE, $version, u.id, u.brand, u.due::DATE,
            u.p10::DATE, u.p50::DATE, u.p80::DATE, u.p90::DATE, u.p95::DATE, u.late, u.dispute
     FROM (SELECT unnest($ids::VARCHAR[]) AS id, unnest($brands::VARCHAR[]) AS brand,
                  unnest($dues::VARCHAR[]) AS due, unnest($p10::VARCHAR[]) AS p10,
                  unnest($p50::VARCHAR[]) AS p50, unnest($p80::VARCHAR[]) AS p80,
                  unnest($p90::VARCHAR[]) AS p90, unnest($p95::VARCHAR[]) AS p95,
                  unnest($late::DOUBLE[]) AS late, unnest($dispute::DOUBLE[]) AS dispute) u`,
    {
      issuedAt: meta.issuedAt.toISOString().replace('T', ' ').replace('Z', ''),
      asOf: meta.asOf,
      version: meta.version,
      ids: col((f) => f.milestoneId),
      brands: col((f) => f.brandId),
      dues: col((f) => f.baselineDue),
      p10: col((f) => f.delivery.p10),
      p50: col((f) => f.delivery.p50),
      p80: col((f) => f.delivery.p80),
      p90: col((f) => f.delivery.p90),
      p95: col((f) => f.delivery.p95),
      late: col((f) => f.pLate),
      dispute: col((f) => f.pDispute),
    },
    // Explicit types: a list's type is otherwise guessed from its first value (0.5 vs 1).
    {
      ...Object.fromEntries(
        ['ids', 'brands', 'dues', 'p10', 'p50', 'p80', 'p90', 'p95'].map((k) => [k, LIST(VARCHAR)]),
      ),
      late: LIST(DOUBLE),
      dispute: LIST(DOUBLE),
    },
  );
  return forecasts.length;
}

export interface LedgerScore {
  asOf: string;
  modelVersion: number;
  issued: number;
  delivered: number;
  coverageP50: number | null;
  coverageP80: number | null;
  coverageP90: number | null;
  brierLate: number | null;
}

/**
 * Past forecasts scored against what has happened since (within a scope). A quantile date counts
 * once it has passed on `now` (the data's as-of date): delivered on or before it is a hit, still
 * open is a miss, so slow milestones are not left out of the score.
 */
export async function scoreLedger(
  conn: DuckDBConnection,
  scope: BrandScope,
  now: string,
): Promise<LedgerScore[]> {
  return queryRows<LedgerScore>(
    conn,
    `SELECT l.as_of::VARCHAR AS "asOf", l.model_version AS "modelVersion", count(*)::INTEGER AS issued,
            count(f.approved_date)::INTEGER AS delivered,
            avg(CASE WHEN l.p50 < $now::DATE THEN coalesce(f.approved_date <= l.p50, false)::INTEGER END) AS "coverageP50",
            avg(CASE WHEN l.p80 < $now::DATE THEN coalesce(f.approved_date <= l.p80, false)::INTEGER END) AS "coverageP80",
            avg(CASE WHEN l.p90 < $now::DATE THEN coalesce(f.approved_date <= l.p90, false)::INTEGER END) AS "coverageP90",
            avg(CASE WHEN f.approved_date IS NOT NULL
                     THEN power(l.p_late - (f.approved_date > l.baseline_due)::INTEGER, 2) END) AS "brierLate"
     FROM forecast_ledger l LEFT JOIN milestone_facts f USING (milestone_id)
     WHERE $scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], l.brand_id)
     GROUP BY l.as_of, l.model_version ORDER BY l.as_of, l.model_version`,
    { scope: scope ? listValue([...scope]) : null, now },
  );
}
