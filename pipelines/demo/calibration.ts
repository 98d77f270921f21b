// Calibration figures of a warehouse, measured from milestone_facts with the domain's metric
// definitions (approval date = delivery date), beside the ranges the demo data is tuned to:
// real planned-vs-actual data sets (../shared/data/README.md) have median actual/planned
// duration ratios of 1.0-1.4, P80 of 1.4-1.9, and 30-90% of work finishing late.
import type { DuckDBConnection } from '@duckdb/node-api';

export interface CalibrationFigures {
  readonly completed: number;
  readonly submitted: number;
  readonly medianDurationRatio: number | null;
  readonly p80DurationRatio: number | null;
  readonly p90DurationRatio: number | null;
  /** Completed milestones approved after their baseline due date (slip_days > 0). */
  readonly shareLate: number | null;
  /** Completed milestones approved on or before their baseline due date. */
  readonly onTimeRate: number | null;
  /** Submitted milestones with a dispute. */
  readonly disputeRate: number | null;
}

/** The ranges the generator promises at its default size (README.md). */
export const calibrationTargets = {
  medianDurationRatio: [1.0, 1.3],
  p80DurationRatio: [1.3, 1.9],
  shareLate: [0.35, 0.7],
} as const;

const SQL = `
SELECT
  count(*) FILTER (WHERE completed)::INTEGER AS completed,
  count(*) FILTER (WHERE submitted)::INTEGER AS submitted,
  quantile_cont(duration_ratio, 0.5) FILTER (WHERE completed)::DOUBLE AS median_ratio,
  quantile_cont(duration_ratio, 0.8) FILTER (WHERE completed)::DOUBLE AS p80_ratio,
  quantile_cont(duration_ratio, 0.9) FILTER (WHERE completed)::DOUBLE AS p90_ratio,
  avg(CASE WHEN slip_days > 0 THEN 1 ELSE 0 END) FILTER (WHERE completed)::DOUBLE AS share_late,
  avg(CASE WHEN slip_days <= 0 THEN 1 ELSE 0 END) FILTER (WHERE completed)::DOUBLE AS on_time_rate,
  avg(CASE WHEN disputed THEN 1 ELSE 0 END) FILTER (WHERE submitted)::DOUBLE AS dispute_rate
FROM milestone_facts`;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export async function measureCalibration(conn: DuckDBConnection): Promise<CalibrationFigures> {
  const reader = await conn.runAndReadAll(SQL);
  const [row] = reader.getRowObjectsJS();
  return {
    completed: Number(row?.completed ?? 0),
    submitted: Number(row?.submitted ?? 0),
    medianDurationRatio: num(row?.median_ratio),
    p80DurationRatio: num(row?.p80_ratio),
    p90DurationRatio: num(row?.p90_ratio),
    shareLate: num(row?.share_late),
    onTimeRate: num(row?.on_time_rate),
    disputeRate: num(row?.dispute_rate),
  };
}

/** Names of the figures outside their target range (empty when the data is calibrated). */
export function outsideTargets(f: CalibrationFigures): string[] {
  return (Object.keys(calibrationTargets) as (keyof typeof calibrationTargets)[]).filter((key) => {
    const value = f[key];
    const [lo, hi] = calibrationTargets[key];
    return value === null || value < lo || value > hi;
  });
}
