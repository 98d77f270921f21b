import type { CubeRow } from '../cube/cube-query.ts';
import type { CohortDimension } from '../cube/dimensions.ts';
import type { CohortRow } from '../schema/cohorts.ts';
import { rate } from './rate.ts';

/** One aggregated group as the cohort table shows it; every rate with its counts. */
export function cohortRow(r: CubeRow, by: readonly CohortDimension[]): CohortRow {
  const keys: Record<string, string | null> = {};
  if (by[0]) keys[by[0]] = r.k1;
  if (by[1]) keys[by[1]] = r.k2;
  return {
    keys,
    milestones: r.milestones,
    completed: r.completed,
    open: r.open,
    submitted: r.submitted,
    disputed: r.disputed,
    onTimeRate: rate(r.on_time, r.completed),
    disputeRate: rate(r.disputed, r.submitted),
    slipDays: {
      p50: r.slip_p50,
      p80: r.slip_p80,
      p90: r.slip_p90,
      mean: r.slip_mean,
      count: r.completed,
    },
    paymentLagDays: { median: r.pay_p50, mean: r.pay_mean, count: r.pay_count },
    value: {
      amount: Math.round(r.value * 100) / 100,
      currency: r.value_currency,
      unconverted: r.value_unconverted,
    },
  };
}
