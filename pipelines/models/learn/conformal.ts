// Conformal corrections fitted on a calibration window (recent completed milestones the models
// did not train on). Pass log durations and log predictions: the shift is then additive on the
// log scale, i.e. a multiplicative stretch of the predicted duration.
//
// One-sided (a predicted quantile q): scores s = y - pred; the shift is the k-th smallest score
// with k = ceil((n + 1) q), so that P(y <= pred + shift) >= q for a new exchangeable row (the
// finite-sample correction). With weights (e.g. IPCW) the new row's mass is the mean weight
// (weighted conformal prediction, Tibshirani et al. 2019), which reduces to the same k when all
// weights are equal. Two-sided (CQR, Romano et al. 2019): s = max(lower - y, y - upper) and both
// ends move by the ceil((n + 1)(1 - a))-th score.
//
// Cohorts (e.g. milestone type) get their own shift when they have at least `minCount`
// calibration rows; others use the global shift.

type Values = ArrayLike<number>;

export interface ShiftEstimate {
  readonly shift: number;
  readonly count: number;
}

export interface ConformalCorrection {
  readonly kind: 'quantile' | 'interval';
  /** q for a quantile, the target coverage for an interval. */
  readonly level: number;
  readonly minCount: number;
  readonly global: ShiftEstimate;
  readonly cohorts: Readonly<Record<string, ShiftEstimate>>;
}

export interface ConformalOptions {
  /** Cohort key per calibration row. */
  readonly cohorts?: readonly string[];
  /** Minimum calibration rows for a cohort of its own. Default 50. */
  readonly minCount?: number;
  readonly weights?: Values;
}

/**
 * The smallest score s with sum(w of scores <= s) >= level * (W + mean w), i.e. the finite-
 * sample conformal quantile. When not even all scores reach it (too few rows for the level),
 * the largest score: the best the window can give, flagged by a small count.
 */
export function conformalQuantile(scores: Values, level: number, weights?: Values): number {
  const order = Array.from({ length: scores.length }, (_, i) => i)
    .filter(
      (i) => Number.isFinite(scores[i] as number) && (weights ? (weights[i] as number) > 0 : true),
    )
    .sort((a, b) => (scores[a] as number) - (scores[b] as number));
  if (order.length === 0) return Number.NaN;
  const w = (i: number): number => (weights ? (weights[i] as number) : 1);
  const total = order.reduce((s, i) => s + w(i), 0);
  const target = level * (total + total / order.length);
  let cum = 0;
  for (const i of order) {
    cum += w(i);
    // Relative slack: with unit weights cum and target are exact integers only up to rounding.
    if (cum >= target * (1 - 1e-12)) return scores[i] as number;
  }
  return scores[order[order.length - 1] as number] as number;
}

function fitShifts(
  scores: Float64Array,
  kind: ConformalCorrection['kind'],
  level: number,
  options: ConformalOptions,
): ConformalCorrection {
  const minCount = options.minCount ?? 50;
  const w = options.weights;
  const global = { shift: conformalQuantile(scores, level, w), count: scores.length };
  const cohorts: Record<string, ShiftEstimate> = {};
  if (options.cohorts) {
    if (options.cohorts.length !== scores.length) throw new RangeError('one cohort key per row');
    const rowsOf = new Map<string, number[]>();
    options.cohorts.forEach((key, i) => {
      const rows = rowsOf.get(key);
      if (rows) rows.push(i);
      else rowsOf.set(key, [i]);
    });
    for (const [key, rows] of [...rowsOf].sort(([a], [b]) => a.localeCompare(b))) {
      if (rows.length < minCount) continue;
      const sub = rows.map((i) => scores[i] as number);
      const subW = w ? rows.map((i) => w[i] as number) : undefined;
      cohorts[key] = { shift: conformalQuantile(sub, level, subW), count: rows.length };
    }
  }
  return { kind, level, minCount, global, cohorts };
}

/** Shift for a predicted q-quantile so that calibration coverage P(y <= pred + shift) = q. */
export function fitQuantileCorrection(
  y: Values,
  pred: Values,
  q: number,
  options: ConformalOptions = {},
): ConformalCorrection {
  if (y.length !== pred.length) throw new RangeError('y and pred must have the same length');
  const scores = Float64Array.from(
    { length: y.length },
    (_, i) => (y[i] as number) - (pred[i] as number),
  );
  return fitShifts(scores, 'quantile', q, options);
}

/** CQR: widen (or narrow, if negative) [lower, upper] on both ends to reach `coverage`. */
export function fitIntervalCorrection(
  y: Values,
  lower: Values,
  upper: Values,
  coverage: number,
  options: ConformalOptions = {},
): ConformalCorrection {
  if (y.length !== lower.length || y.length !== upper.length)
    throw new RangeError('lengths differ');
  const scores = Float64Array.from({ length: y.length }, (_, i) => {
    const v = y[i] as number;
    return Math.max((lower[i] as number) - v, v - (upper[i] as number));
  });
  return fitShifts(scores, 'interval', coverage, options);
}

/** The cohort's shift when it had enough calibration rows, else the global one. */
export function shiftFor(correction: ConformalCorrection, cohort?: string): ShiftEstimate {
  return (cohort !== undefined ? correction.cohorts[cohort] : undefined) ?? correction.global;
}

export function applyQuantileCorrection(
  correction: ConformalCorrection,
  pred: Values,
  cohorts?: readonly string[],
): Float64Array {
  return Float64Array.from(
    { length: pred.length },
    (_, i) => (pred[i] as number) + shiftFor(correction, cohorts?.[i]).shift,
  );
}

export function applyIntervalCorrection(
  correction: ConformalCorrection,
  lower: Values,
  upper: Values,
  cohorts?: readonly string[],
): { lower: Float64Array; upper: Float64Array } {
  const shift = (i: number): number => shiftFor(correction, cohorts?.[i]).shift;
  return {
    lower: Float64Array.from({ length: lower.length }, (_, i) => (lower[i] as number) - shift(i)),
    upper: Float64Array.from({ length: upper.length }, (_, i) => (upper[i] as number) + shift(i)),
  };
}
