// Forecast scores (docs/domain.md, "Forecasts and their scores"). Every score takes optional
// weights, so IPCW-weighted completed milestones score like the full cohort would.

type Values = ArrayLike<number>;

function weightAt(w: Values | undefined, i: number): number {
  return w ? (w[i] as number) : 1;
}

function checkLengths(...arrays: (Values | undefined)[]): number {
  const n = (arrays[0] as Values).length;
  for (const a of arrays)
    if (a && a.length !== n) throw new RangeError(`length ${a.length}, expected ${n}`);
  return n;
}

/** Weighted mean of f(i) over rows; NaN when the total weight is 0. */
function weightedMean(n: number, w: Values | undefined, f: (i: number) => number): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const wi = weightAt(w, i);
    if (wi === 0) continue;
    sum += wi * f(i);
    total += wi;
  }
  return total > 0 ? sum / total : Number.NaN;
}

/** Pinball loss at q: mean of q(y - yq)+ + (1 - q)(yq - y)+. */
export function pinballLoss(y: Values, pred: Values, q: number, weights?: Values): number {
  const n = checkLengths(y, pred, weights);
  return weightedMean(n, weights, (i) => {
    const d = (y[i] as number) - (pred[i] as number);
    return d >= 0 ? q * d : (q - 1) * d;
  });
}

/** Mean of the pinball losses at several quantiles (each prediction at its own q). */
export function meanPinballLoss(
  y: Values,
  predictions: readonly { readonly q: number; readonly pred: Values }[],
  weights?: Values,
): number {
  if (predictions.length === 0) return Number.NaN;
  return (
    predictions.reduce((s, p) => s + pinballLoss(y, p.pred, p.q, weights), 0) / predictions.length
  );
}

/** Share of outcomes at or below the predicted quantile (a P80 should score 0.80). */
export function coverage(y: Values, upper: Values, weights?: Values): number {
  const n = checkLengths(y, upper, weights);
  return weightedMean(n, weights, (i) => ((y[i] as number) <= (upper[i] as number) ? 1 : 0));
}

/** Share of outcomes inside [lower, upper]. */
export function intervalCoverage(
  y: Values,
  lower: Values,
  upper: Values,
  weights?: Values,
): number {
  const n = checkLengths(y, lower, upper, weights);
  return weightedMean(n, weights, (i) => {
    const v = y[i] as number;
    return v >= (lower[i] as number) && v <= (upper[i] as number) ? 1 : 0;
  });
}

export function meanIntervalWidth(lower: Values, upper: Values, weights?: Values): number {
  const n = checkLengths(lower, upper, weights);
  return weightedMean(n, weights, (i) => (upper[i] as number) - (lower[i] as number));
}

/**
 * Area under the ROC curve by ranks: the (weighted) share of positive-negative pairs ordered
 * correctly, ties counting one half (the Mann-Whitney statistic). NaN without both classes.
 */
export function auc(labels: Values, scores: Values, weights?: Values): number {
  const n = checkLengths(labels, scores, weights);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  );
  let negBelow = 0;
  let pairs = 0;
  let posTotal = 0;
  for (let start = 0; start < n;) {
    let end = start;
    let pos = 0;
    let neg = 0;
    const s = scores[order[start] as number] as number;
    while (end < n && scores[order[end] as number] === s) {
      const i = order[end] as number;
      if ((labels[i] as number) > 0) pos += weightAt(weights, i);
      else neg += weightAt(weights, i);
      end++;
    }
    pairs += pos * (negBelow + 0.5 * neg);
    negBelow += neg;
    posTotal += pos;
    start = end;
  }
  return posTotal > 0 && negBelow > 0 ? pairs / (posTotal * negBelow) : Number.NaN;
}

export function brierScore(labels: Values, probs: Values, weights?: Values): number {
  const n = checkLengths(labels, probs, weights);
  return weightedMean(n, weights, (i) => ((probs[i] as number) - (labels[i] as number)) ** 2);
}

/** Mean negative log-likelihood; probabilities are clipped to [eps, 1 - eps]. */
export function logLoss(
  labels: Values,
  probs: Values,
  options: { weights?: Values; eps?: number } = {},
): number {
  const eps = options.eps ?? 1e-15;
  const n = checkLengths(labels, probs, options.weights);
  return weightedMean(n, options.weights, (i) => {
    const p = Math.min(1 - eps, Math.max(eps, probs[i] as number));
    return (labels[i] as number) > 0 ? -Math.log(p) : -Math.log(1 - p);
  });
}

export interface CalibrationBin {
  readonly meanPredicted: number;
  readonly observedRate: number;
  /** Rows in the bin. */
  readonly count: number;
  /** Their total weight (= count without weights). */
  readonly weight: number;
}

export interface CalibrationOptions {
  /** Default 10. */
  readonly bins?: number;
  /** 'uniform': bins of equal width on [0, 1]; 'quantile': bins of (about) equal count. */
  readonly strategy?: 'uniform' | 'quantile';
  readonly weights?: Values;
}

/** Reliability diagram points, in order of predicted probability; empty bins are left out. */
export function calibrationCurve(
  labels: Values,
  probs: Values,
  options: CalibrationOptions = {},
): CalibrationBin[] {
  const bins = options.bins ?? 10;
  const w = options.weights;
  const n = checkLengths(labels, probs, w);
  const binOf = new Int32Array(n);
  if (options.strategy === 'quantile') {
    // Equal counts by rank; rows with tied probabilities may straddle two bins.
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (probs[a] as number) - (probs[b] as number),
    );
    order.forEach((row, rank) => (binOf[row] = Math.min(bins - 1, Math.floor((rank * bins) / n))));
  } else {
    for (let i = 0; i < n; i++)
      binOf[i] = Math.min(bins - 1, Math.max(0, Math.floor((probs[i] as number) * bins)));
  }
  const sums = Array.from({ length: bins }, () => ({ p: 0, y: 0, w: 0, count: 0 }));
  for (let i = 0; i < n; i++) {
    const s = sums[binOf[i] as number] as { p: number; y: number; w: number; count: number };
    const wi = weightAt(w, i);
    s.p += wi * (probs[i] as number);
    s.y += wi * (labels[i] as number);
    s.w += wi;
    s.count += 1;
  }
  return sums
    .filter((s) => s.count > 0 && s.w > 0)
    .map((s) => ({
      meanPredicted: s.p / s.w,
      observedRate: s.y / s.w,
      count: s.count,
      weight: s.w,
    }));
}
