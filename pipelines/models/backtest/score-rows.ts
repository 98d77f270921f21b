import type { DuckDBConnection } from '@duckdb/node-api';

/** One score of one model on one split of one source. */
export interface ScoreRow {
  source: string;
  split: string;
  model: string;
  metric: string;
  value: number | null;
  n: number;
  details?: unknown;
}

/** A point of a calibration curve: predicted probability (or quantile level) against what happened. */
export interface CalibrationPoint {
  model: string;
  target: string;
  nominal: number;
  observed: number | null;
  n: number;
}

export interface BacktestRun {
  runId: string;
  runAt: Date;
  scores: ScoreRow[];
  calibration: CalibrationPoint[];
}

/** Stores a run's scores and calibration points (appends; older runs stay for comparison). */
export async function saveBacktest(conn: DuckDBConnection, run: BacktestRun): Promise<void> {
  const at = run.runAt.toISOString().replace('T', ' ').replace('Z', '');
  await conn.run('BEGIN TRANSACTION');
  try {
    for (const s of run.scores) {
      await conn.run(
        `INSERT INTO backtest_scores VALUES ($run, $at::TIMESTAMP, $source, $split, $model, $metric,
           $value, $n, $details::JSON)`,
        {
          run: run.runId,
          at,
          source: s.source,
          split: s.split,
          model: s.model,
          metric: s.metric,
          value: s.value !== null && Number.isFinite(s.value) ? s.value : null,
          n: s.n,
          details: JSON.stringify(s.details ?? null),
        },
      );
    }
    for (const p of run.calibration) {
      await conn.run(
        `INSERT INTO calibration_points VALUES ($run, $model, $target, $nominal, $observed, $n)`,
        {
          run: run.runId,
          model: p.model,
          target: p.target,
          nominal: p.nominal,
          observed: p.observed,
          n: p.n,
        },
      );
    }
    await conn.run('COMMIT');
  } catch (err) {
    await conn.run('ROLLBACK');
    throw err;
  }
}
