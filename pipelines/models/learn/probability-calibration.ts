// Probability calibration on a calibration window: maps a classifier's scores to probabilities
// that match observed rates. Calibrators are plain JSON objects (store them next to the model).
//
// - Isotonic: the non-decreasing step function closest (weighted least squares) to the labels,
//   by pool adjacent violators; predictions interpolate linearly between block ends, as
//   scikit-learn does. Flexible; wants a few hundred rows or more.
// - Platt: sigmoid(a * score + b), fitted by Newton's method on Platt's smoothed targets
//   (N+ + 1) / (N+ + 2) and 1 / (N- + 2), which keep small windows from producing 0 or 1. Two
//   parameters, so it suits small windows. Pass log-odds (GBDT raw scores, or logit(p)).

type Values = ArrayLike<number>;

export interface IsotonicCalibrator {
  readonly kind: 'isotonic';
  /** Knots: x ascending, y non-decreasing. */
  readonly x: readonly number[];
  readonly y: readonly number[];
}

export interface PlattCalibrator {
  readonly kind: 'platt';
  readonly a: number;
  readonly b: number;
}

export type ProbabilityCalibrator = IsotonicCalibrator | PlattCalibrator;

interface Block {
  xMin: number;
  xMax: number;
  sumWy: number;
  sumW: number;
}

function sortedRows(scores: Values, labels: Values, weights?: Values): number[] {
  if (scores.length !== labels.length || (weights && weights.length !== scores.length)) {
    throw new RangeError('scores, labels and weights must have the same length');
  }
  return Array.from({ length: scores.length }, (_, i) => i)
    .filter(
      (i) => Number.isFinite(scores[i] as number) && (weights ? (weights[i] as number) > 0 : true),
    )
    .sort((a, b) => (scores[a] as number) - (scores[b] as number));
}

export function fitIsotonic(
  scores: Values,
  labels: Values,
  options: { weights?: Values } = {},
): IsotonicCalibrator {
  const w = options.weights;
  const blocks: Block[] = [];
  for (const i of sortedRows(scores, labels, w)) {
    const x = scores[i] as number;
    const wi = w ? (w[i] as number) : 1;
    const last = blocks[blocks.length - 1];
    // Equal scores must get equal outputs, so they start in one block.
    if (last && last.xMax === x) {
      last.sumWy += wi * (labels[i] as number);
      last.sumW += wi;
    } else {
      blocks.push({ xMin: x, xMax: x, sumWy: wi * (labels[i] as number), sumW: wi });
    }
    // Pool adjacent violators: merge backwards while the previous block's mean is higher.
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1] as Block;
      const a = blocks[blocks.length - 2] as Block;
      if (a.sumWy / a.sumW < b.sumWy / b.sumW) break;
      a.xMax = b.xMax;
      a.sumWy += b.sumWy;
      a.sumW += b.sumW;
      blocks.pop();
    }
  }
  if (blocks.length === 0) throw new RangeError('No rows to calibrate on');
  const x: number[] = [];
  const y: number[] = [];
  for (const b of blocks) {
    const v = b.sumWy / b.sumW;
    x.push(b.xMin);
    y.push(v);
    if (b.xMax > b.xMin) {
      x.push(b.xMax);
      y.push(v);
    }
  }
  return { kind: 'isotonic', x, y };
}

export function fitPlatt(
  scores: Values,
  labels: Values,
  options: { weights?: Values; maxIterations?: number } = {},
): PlattCalibrator {
  const w = options.weights;
  const rows = sortedRows(scores, labels, w);
  let pos = 0;
  let neg = 0;
  for (const i of rows) {
    const wi = w ? (w[i] as number) : 1;
    if ((labels[i] as number) > 0) pos += wi;
    else neg += wi;
  }
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const target = (i: number): number => ((labels[i] as number) > 0 ? hi : lo);
  const loss = (a: number, b: number): number =>
    rows.reduce((s, i) => {
      const f = a * (scores[i] as number) + b;
      // log(1 + e^f) - t f, stable for large |f|.
      const l = Math.max(f, 0) + Math.log1p(Math.exp(-Math.abs(f))) - target(i) * f;
      return s + (w ? (w[i] as number) : 1) * l;
    }, 0);
  let a = 0;
  let b = Math.log((pos + 1) / (neg + 1));
  let current = loss(a, b);
  for (let iter = 0; iter < (options.maxIterations ?? 100); iter++) {
    const [ga, gb, haa, hab, hbb] = plattDerivatives(rows, scores, w, target, a, b);
    // Newton step on the 2 x 2 system, a small ridge keeping it solvable.
    const det = (haa + 1e-12) * (hbb + 1e-12) - hab * hab;
    const da = -((hbb + 1e-12) * ga - hab * gb) / det;
    const db = -(-hab * ga + (haa + 1e-12) * gb) / det;
    let step = 1;
    while (
      step > 1e-10 &&
      loss(a + step * da, b + step * db) > current + 1e-4 * step * (ga * da + gb * db)
    )
      step /= 2;
    if (step <= 1e-10) break;
    a += step * da;
    b += step * db;
    const next = loss(a, b);
    const done = Math.abs(current - next) <= 1e-12 * Math.max(1, Math.abs(current));
    current = next;
    if (done) break;
  }
  return { kind: 'platt', a, b };
}

function plattDerivatives(
  rows: readonly number[],
  scores: Values,
  w: Values | undefined,
  target: (i: number) => number,
  a: number,
  b: number,
): [number, number, number, number, number] {
  let ga = 0;
  let gb = 0;
  let haa = 0;
  let hab = 0;
  let hbb = 0;
  for (const i of rows) {
    const s = scores[i] as number;
    const p = sigmoid(a * s + b);
    const wi = w ? (w[i] as number) : 1;
    const r = wi * (p - target(i));
    const h = wi * p * (1 - p);
    ga += r * s;
    gb += r;
    haa += h * s * s;
    hab += h * s;
    hbb += h;
  }
  return [ga, gb, haa, hab, hbb];
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Calibrated probabilities for the scores. */
export function calibrate(calibrator: ProbabilityCalibrator, scores: Values): Float64Array {
  if (calibrator.kind === 'platt') {
    return Float64Array.from({ length: scores.length }, (_, i) =>
      sigmoid(calibrator.a * (scores[i] as number) + calibrator.b),
    );
  }
  const { x, y } = calibrator;
  return Float64Array.from({ length: scores.length }, (_, i) =>
    interpolate(x, y, scores[i] as number),
  );
}

/** Linear interpolation between knots, flat beyond the ends. */
function interpolate(x: readonly number[], y: readonly number[], v: number): number {
  const n = x.length;
  if (v <= (x[0] as number)) return y[0] as number;
  if (v >= (x[n - 1] as number)) return y[n - 1] as number;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((x[mid] as number) <= v) lo = mid;
    else hi = mid;
  }
  const x0 = x[lo] as number;
  const x1 = x[hi] as number;
  const y0 = y[lo] as number;
  return x1 > x0 ? y0 + ((v - x0) / (x1 - x0)) * ((y[hi] as number) - y0) : y0;
}

/** Checks a stored calibrator (e.g. read back from the warehouse). */
export function parseCalibrator(json: unknown): ProbabilityCalibrator {
  const c = (json ?? {}) as { kind?: unknown; a?: unknown; b?: unknown; x?: unknown; y?: unknown };
  if (c.kind === 'platt' && isFiniteNumber(c.a) && isFiniteNumber(c.b))
    return { kind: 'platt', a: c.a, b: c.b };
  if (
    c.kind === 'isotonic' &&
    isAscending(c.x) &&
    isAscending(c.y) &&
    c.x.length === c.y.length &&
    c.x.length > 0
  ) {
    return { kind: 'isotonic', x: [...c.x], y: [...c.y] };
  }
  throw new Error('Not a valid probability calibrator');
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isAscending(v: unknown): v is number[] {
  return (
    Array.isArray(v) &&
    v.every((x, i) => isFiniteNumber(x) && (i === 0 || x >= (v[i - 1] as number)))
  );
}
