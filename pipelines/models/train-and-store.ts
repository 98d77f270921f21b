import type { DuckDBConnection } from '@duckdb/node-api';
import { dataAsOf } from '../kpi/data-as-of.ts';
import { queryRow } from '../warehouse/query.ts';
import { snapshotForecasts } from './ledger.ts';
import { forecastRows, openRows } from './predict/milestone-forecasts.ts';
import { productModelFrom, trainProductModel } from './product-model.ts';
import { saveModel } from './registry.ts';

export interface TrainSummary {
  version: number;
  asOf: string;
  rows: number;
  seconds: number;
  /** Open milestones whose forecasts went to the ledger. */
  snapshotted: number;
}

/** Trains on the whole warehouse as of its data date (or `asOf`) and stores the next version. */
export async function trainAndStore(
  conn: DuckDBConnection,
  options: { asOf?: string; clock?: () => Date; onStep?: (s: string) => void } = {},
): Promise<TrainSummary> {
  const clock = options.clock ?? (() => new Date());
  const asOf = options.asOf ?? (await dataAsOf(conn));
  if (!asOf) throw new Error('the warehouse has no data yet: import or create the demo first');
  const started = performance.now();
  const trained = await trainProductModel(conn, {
    asOf,
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  const dv = await queryRow<{ v: string | null }>(
    conn,
    `SELECT max(finished_at)::VARCHAR || '/' || count(*)::VARCHAR AS v FROM loads WHERE status = 'succeeded'`,
  );
  // The model and its first ledger entries land together or not at all.
  await conn.run('BEGIN TRANSACTION');
  try {
    const version = await saveModel(
      conn,
      {
        scope: 'all',
        trainFrom: trained.window.trainFrom,
        trainTo: trained.window.trainTo,
        calibrationFrom: trained.window.calibrationFrom,
        calibrationTo: trained.window.calibrationTo,
        rowsTrained: trained.rows,
        features: [...trained.params.numeric, ...trained.params.categorical.map((c) => c.name)],
        params: trained.params,
        metrics: { trainSeconds: seconds },
        dataVersion: dv?.v ?? null,
      },
      clock(),
    );
    // The first entries of the forecast ledger: every open milestone as forecast today.
    const model = productModelFrom(trained.params);
    const issued = forecastRows(model, trained.table, openRows(trained.table), asOf);
    await snapshotForecasts(conn, issued, { asOf, version, issuedAt: clock() });
    await conn.run('COMMIT');
    return { version, asOf, rows: trained.rows, seconds, snapshotted: issued.length };
  } catch (err) {
    await conn.run('ROLLBACK');
    throw err;
  }
}
