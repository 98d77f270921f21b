import { fromDayNumber } from '../calendar/iso-date.ts';
import { mondayOf } from '../forecast/week-buckets.ts';
import { selectWeightedQuantile } from '../models/learn/quantile.ts';
import type { PaymentBasis } from './payment-basis.ts';

/** A payment split: deposit and retention in %, shares of the contract value in % (sum 100 - deposit). */
export interface SplitPoint {
  depositPct: number;
  retentionPct: number;
  sharesPct: number[];
}

/** Peaks over time of the brand's exposure (paid - delivered) and the partner's gap (cost - paid). */
export interface SplitMetrics {
  exposureMean: number;
  exposureP90: number;
  gapMean: number;
  gapP90: number;
}

export interface WeekFigures {
  weekStart: string;
  exposureMean: number;
  exposureP90: number;
  gapMean: number;
  gapP90: number;
}

/** The P90 across runs of a column, by quickselect (reorders `scratch`). */
const p90 = (scratch: Float64Array) =>
  selectWeightedQuantile(scratch, null, 0, scratch.length, 0.9);

/** Cumulative paid in week w of each run under a split, into `out` (hot loop: plain for). */
function paidInWeek(
  b: PaymentBasis,
  w: number,
  k: Coefficients,
  out: Float64Array,
  extra?: Float64Array,
) {
  const runs = out.length;
  const o = w * b.runs;
  const ret = b.retentionBy;
  for (let r = 0; r < runs; r++) out[r] = k.deposit + k.held * ret[o + r]!;
  for (let m = 0; m < k.milestone.length; m++) {
    const a = k.milestone[m]!;
    const by = b.paidBy[m]!;
    for (let r = 0; r < runs; r++) out[r]! += a * by[o + r]!;
  }
  if (extra) for (let r = 0; r < runs; r++) out[r]! += extra[o + r]!;
}

interface Coefficients {
  deposit: number;
  milestone: number[];
  held: number;
}

function coefficients(point: SplitPoint, value: number): Coefficients {
  const d = point.depositPct / 100;
  const rho = point.retentionPct / 100;
  return {
    deposit: d * value,
    milestone: point.sharesPct.map((s) => (s / 100) * (1 - rho) * value),
    held: rho * (1 - d) * value,
  };
}

/** The weeks scored: every `stride`-th and the last (where everything has been paid). */
export function scoredWeeks(weeks: number, stride: number): number[] {
  const out: number[] = [];
  for (let w = 0; w < weeks; w += Math.max(1, stride)) out.push(w);
  if (out.at(-1) !== weeks - 1) out.push(weeks - 1);
  return out;
}

type Figures = Omit<WeekFigures, 'weekStart'>;

/** Mean and P90 across runs of exposure and gap in week w, given what was paid (`paid`). */
function weekFigures(basis: PaymentBasis, w: number, paid: Float64Array, scratch: Float64Array[]) {
  const [e, g] = scratch as [Float64Array, Float64Array];
  const { delivered, cost } = basis;
  const runs = paid.length;
  const o = w * basis.runs;
  let se = 0;
  let sg = 0;
  for (let r = 0; r < runs; r++) {
    const x = paid[r]! - delivered[o + r]!;
    const y = cost[o + r]! - paid[r]!;
    e[r] = x;
    g[r] = y;
    se += x;
    sg += y;
  }
  return { exposureMean: se / runs, exposureP90: p90(e), gapMean: sg / runs, gapP90: p90(g) };
}

const peaks = (a: Figures, b: Figures): Figures => ({
  exposureMean: Math.max(a.exposureMean, b.exposureMean),
  exposureP90: Math.max(a.exposureP90, b.exposureP90),
  gapMean: Math.max(a.gapMean, b.gapMean),
  gapP90: Math.max(a.gapP90, b.gapP90),
});

/**
 * Scores a split on the basis draws: per week the mean and P90 across runs of exposure and gap;
 * the metrics are their peaks over the contract's life. `stride` scores every n-th week only
 * and `runs` the first n runs only (the optimiser's grid); `series` also returns the weeks.
 */
export function evaluateSplit(
  basis: PaymentBasis,
  point: SplitPoint,
  value: number,
  options: { series?: boolean; extraPaid?: Float64Array; stride?: number; runs?: number } = {},
): { metrics: SplitMetrics; weeks: WeekFigures[] } {
  // Runs are independent draws, so the first n of them are a sample of n.
  const runs = Math.min(basis.runs, options.runs ?? basis.runs);
  const k = coefficients(point, value);
  const paid = new Float64Array(runs);
  const scratch = [new Float64Array(runs), new Float64Array(runs)];
  let metrics: Figures = {
    exposureMean: -Infinity,
    exposureP90: -Infinity,
    gapMean: -Infinity,
    gapP90: -Infinity,
  };
  const series: WeekFigures[] = [];
  for (const w of scoredWeeks(basis.weeks, options.stride ?? 1)) {
    paidInWeek(basis, w, k, paid, options.extraPaid);
    const f = weekFigures(basis, w, paid, scratch);
    metrics = peaks(metrics, f);
    if (options.series)
      series.push({ weekStart: fromDayNumber(mondayOf(basis.firstDay) + 7 * w), ...f });
  }
  return { metrics, weeks: series };
}
