import type { DuckDBConnection } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import type { BrandScope } from '../kpi/filter-sql.ts';
import type { ModelQuality } from '../schema/forecasts.ts';
import { queryRows } from '../warehouse/query.ts';
import { dataAsOf } from '../kpi/data-as-of.ts';
import { scoreLedger } from './ledger.ts';
import { listModels } from './registry.ts';

/** Sources that are public datasets: their scores reveal no brand's data. */
export const publicSources = ['sip', 'adb', 'nyc'];

/**
 * The newest backtest run of each source with its scores and calibration points, and the model
 * in service. Scores on the warehouse's own data aggregate every brand, so only an unscoped
 * caller (admin) sees them; everyone sees the public-dataset backtests.
 */
export async function modelQuality(
  conn: DuckDBConnection,
  scope: BrandScope,
): Promise<ModelQuality> {
  const [model] = await listModels(conn);
  const params = { scoped: scope !== null, pub: listValue(publicSources) };
  const visible = `(NOT $scoped OR list_contains($pub::VARCHAR[], source) OR source LIKE 'delayed-issues%')`;
  const latest = `SELECT source, arg_max(run_id, run_at) AS run_id FROM backtest_scores
                  WHERE ${visible} GROUP BY source`;
  const scores = await queryRows<ModelQuality['scores'][number]>(
    conn,
    `SELECT s.run_id AS "runId", s.source, s.split, s.model, s.metric, s.value, s.n
     FROM backtest_scores s JOIN (${latest}) l USING (source, run_id)
     ORDER BY s.source, s.split, s.metric, s.model`,
    params,
  );
  const calibration = await queryRows<ModelQuality['calibration'][number]>(
    conn,
    `SELECT c.run_id AS "runId", c.model, c.target, c.nominal, c.observed, c.n
     FROM calibration_points c WHERE c.run_id IN (SELECT run_id FROM (${latest}))
     ORDER BY c.run_id, c.model, c.target, c.nominal`,
    params,
  );
  return {
    model: model
      ? {
          version: model.version,
          createdAt: model.createdAt,
          trainFrom: model.trainFrom,
          trainTo: model.trainTo,
          // The training rows of every brand: a brand-scoped caller gets null, like the metrics.
          rowsTrained: scope === null ? model.rowsTrained : null,
          metrics: scope === null ? model.metrics : {},
        }
      : null,
    scores,
    ledger: await scoreLedger(conn, scope, (await dataAsOf(conn, scope)) ?? '1970-01-01'),
    calibration,
  };
}
