// A milestone's forecast as quantiles of x = log(actual / planned duration). Between knots the
// quantile function is linear in the level (so the density is flat and the CDF linear); the
// outer knots are first extended to P0.01 / P0.99 in normal-score space (the tails keep the
// spacing a Gaussian would have), then closed either linearly or with exponential tails whose
// density matches the outermost segment. An exponential tail in x is a Pareto tail in the ratio.
import { normalQuantile } from './normal.ts';

export interface QuantileDistribution {
  /** Knot levels, strictly increasing in [0, 1]. */
  readonly levels: Float64Array;
  /** log duration ratio at each knot, non-decreasing. */
  readonly values: Float64Array;
  /** Scale of the exponential tail below the first knot; 0 means no tail (mass stops there). */
  readonly lowerScale: number;
  /** Scale of the exponential tail above the last knot; 0 means no tail. */
  readonly upperScale: number;
}

export type TailKind = 'exponential' | 'linear';

export interface QuantileOptions {
  /**
   * 'exponential' (default): unbounded tails beyond P0.01 / P0.99. 'linear': the outer segments
   * continue to levels 0 and 1, so the support is bounded.
   */
  tail?: TailKind;
}

/** Levels the outer knots are extended to before the tails close them. */
export const TAIL_LOW = 0.01;
export const TAIL_HIGH = 0.99;

/** Pool-adjacent-violators: the closest non-decreasing sequence in least squares. */
export function repairMonotone(values: readonly number[]): number[] {
  const means: number[] = [];
  const sizes: number[] = [];
  for (const v of values) {
    let mean = v;
    let size = 1;
    while (means.length > 0 && means[means.length - 1]! > mean) {
      const s = sizes.pop()!;
      mean = (means.pop()! * s + mean * size) / (s + size);
      size += s;
    }
    means.push(mean);
    sizes.push(size);
  }
  return means.flatMap((m, i) => new Array<number>(sizes[i]!).fill(m));
}

function sortedKnots(levels: readonly number[], values: readonly number[]): [number[], number[]] {
  if (levels.length !== values.length || levels.length < 2) {
    throw new RangeError('a quantile distribution needs at least two levels, one value each');
  }
  const idx = levels.map((_, i) => i).sort((a, b) => levels[a]! - levels[b]!);
  const lv = idx.map((i) => levels[i]!);
  const vs = idx.map((i) => values[i]!);
  lv.forEach((l, i) => {
    if (!(l > 0 && l < 1)) throw new RangeError(`quantile level must be in (0, 1), got ${l}`);
    if (i > 0 && l === lv[i - 1]) throw new RangeError(`quantile level ${l} given twice`);
    if (!Number.isFinite(vs[i])) throw new RangeError(`quantile at level ${l} is not finite`);
  });
  return [lv, repairMonotone(vs)];
}

// Extends the outer segment to `target` with the slope it has in normal scores.
function probitExtend(l0: number, v0: number, l1: number, v1: number, target: number): number {
  const slope = (v1 - v0) / (normalQuantile(l1) - normalQuantile(l0));
  return v1 + slope * (normalQuantile(target) - normalQuantile(l1));
}

function withOuterKnots(lv: number[], vs: number[]): void {
  if (lv[0]! > TAIL_LOW) {
    vs.unshift(probitExtend(lv[1]!, vs[1]!, lv[0]!, vs[0]!, TAIL_LOW));
    lv.unshift(TAIL_LOW);
  }
  const k = lv.length - 1;
  if (lv[k]! < TAIL_HIGH) {
    vs.push(probitExtend(lv[k - 1]!, vs[k - 1]!, lv[k]!, vs[k]!, TAIL_HIGH));
    lv.push(TAIL_HIGH);
  }
}

/** Builds a distribution from quantiles of log(actual / planned) at `levels` in (0, 1). */
export function quantileDistribution(
  levels: readonly number[],
  logRatios: readonly number[],
  options: QuantileOptions = {},
): QuantileDistribution {
  const [lv, vs] = sortedKnots(levels, logRatios);
  withOuterKnots(lv, vs);
  const k = lv.length - 1;
  // Both tails use the outermost density: as a scale (exponential) or as the last stretch (linear).
  const lowerScale = (lv[0]! * (vs[1]! - vs[0]!)) / (lv[1]! - lv[0]!);
  const upperScale = ((1 - lv[k]!) * (vs[k]! - vs[k - 1]!)) / (lv[k]! - lv[k - 1]!);
  if (options.tail === 'linear') {
    lv.unshift(0);
    vs.unshift(vs[0]! - lowerScale);
    lv.push(1);
    vs.push(vs[vs.length - 1]! + upperScale);
    return {
      levels: Float64Array.from(lv),
      values: Float64Array.from(vs),
      lowerScale: 0,
      upperScale: 0,
    };
  }
  return { levels: Float64Array.from(lv), values: Float64Array.from(vs), lowerScale, upperScale };
}

/** The same, from quantiles of the ratio itself (each must be > 0). */
export function ratioDistribution(
  levels: readonly number[],
  ratios: readonly number[],
  options: QuantileOptions = {},
): QuantileDistribution {
  if (ratios.some((r) => !(r > 0))) throw new RangeError('duration ratios must be > 0');
  return quantileDistribution(levels, ratios.map(Math.log), options);
}

/** A point mass: every draw gives exactly `ratio` (1 = as planned). */
export function fixedRatio(ratio = 1): QuantileDistribution {
  if (!(ratio > 0)) throw new RangeError('duration ratio must be > 0');
  const x = Math.log(ratio);
  return {
    levels: Float64Array.of(0, 1),
    values: Float64Array.of(x, x),
    lowerScale: 0,
    upperScale: 0,
  };
}

/** Inverse CDF: the log ratio at level u in [0, 1]. */
export function quantileAt(d: QuantileDistribution, u: number): number {
  return knotQuantile(d.levels, d.values, d.levels.length, d.lowerScale, d.upperScale, u);
}

/**
 * quantileAt over the first `n` knots of `L` (levels) and `V` (values): the same arithmetic for
 * callers that keep their knots in reused arrays (conditioned-quantile.ts) instead of a
 * QuantileDistribution.
 */
export function knotQuantile(
  L: ArrayLike<number>,
  V: ArrayLike<number>,
  n: number,
  lowerScale: number,
  upperScale: number,
  u: number,
): number {
  const k = n - 1;
  if (u <= L[0]!) {
    return lowerScale > 0 ? V[0]! - lowerScale * Math.log(L[0]! / u) : V[0]!;
  }
  if (u >= L[k]!) {
    return upperScale > 0 ? V[k]! + upperScale * Math.log((1 - L[k]!) / (1 - u)) : V[k]!;
  }
  let i = 0;
  while (L[i + 1]! < u) i++;
  const t = (u - L[i]!) / (L[i + 1]! - L[i]!);
  return V[i]! + (V[i + 1]! - V[i]!) * t;
}

/** The duration ratio (not its log) drawn by the uniform u. */
export function sampleRatio(d: QuantileDistribution, u: number): number {
  return Math.exp(quantileAt(d, u));
}

/** P(log ratio <= x), right-continuous. */
export function cdfAt(d: QuantileDistribution, x: number): number {
  return knotCdf(d.levels, d.values, d.levels.length, d.lowerScale, d.upperScale, x);
}

/** cdfAt over the first `n` knots (see knotQuantile). */
export function knotCdf(
  L: ArrayLike<number>,
  V: ArrayLike<number>,
  n: number,
  lowerScale: number,
  upperScale: number,
  x: number,
): number {
  const k = n - 1;
  if (x < V[0]!) return lowerScale > 0 ? L[0]! * Math.exp(-(V[0]! - x) / lowerScale) : 0;
  let i = k;
  while (V[i]! > x) i--;
  if (i === k) {
    return upperScale > 0 ? 1 - (1 - L[k]!) * Math.exp(-(x - V[k]!) / upperScale) : 1;
  }
  return L[i]! + ((L[i + 1]! - L[i]!) * (x - V[i]!)) / (V[i + 1]! - V[i]!);
}

/**
 * The distribution of R given R > age (age as a ratio of the planned duration): an open milestone
 * that has run `age` without delivery. Knots above the cut are re-levelled; the exponential upper
 * tail is memoryless and keeps its scale. A cut inside the lower tail is linearised (< 1% mass).
 * When no mass is left above the age (bounded support), delivery is taken as imminent.
 */
export function conditionOnSurvival(d: QuantileDistribution, age: number): QuantileDistribution {
  if (!(age > 0)) return d;
  const n = d.levels.length;
  const [L, V] = [new Float64Array(n + 1), new Float64Array(n + 1)];
  const c = conditionKnots(d.levels, d.values, n, d.lowerScale, d.upperScale, Math.log(age), L, V);
  if (!c) return d;
  return {
    levels: L.slice(0, c.n),
    values: V.slice(0, c.n),
    lowerScale: 0,
    upperScale: c.upperScale,
  };
}

/**
 * The knots of conditionOnSurvival at log age `xa`, over the first `n` knots of `L`/`V` (see
 * knotQuantile), written into `outL`/`outV` (room for n + 1): how many, and the upper tail's scale
 * (the lower tail is gone). Undefined when there is no mass below the cut: nothing changes.
 */
export function conditionKnots(
  L: ArrayLike<number>,
  V: ArrayLike<number>,
  n: number,
  lowerScale: number,
  upperScale: number,
  xa: number,
  outL: Float64Array,
  outV: Float64Array,
): { n: number; upperScale: number } | undefined {
  const f = knotCdf(L, V, n, lowerScale, upperScale, xa);
  if (f <= 0 && lowerScale === 0) return undefined;
  let m = 0;
  outL[m] = 0;
  outV[m++] = xa;
  if (f < 1) {
    for (let i = 0; i < n; i++) {
      if (L[i]! > f) {
        outL[m] = (L[i]! - f) / (1 - f);
        outV[m++] = Math.max(xa, V[i]!);
      }
    }
  }
  if (m === 1 && upperScale === 0) {
    outL[m] = 1;
    outV[m++] = xa;
  }
  return { n: m, upperScale: outL[m - 1] === 1 ? 0 : upperScale };
}

/** Moves every log ratio by `delta` (e.g. log(old / new planned) to keep delivery days fixed). */
export function shiftLogRatio(d: QuantileDistribution, delta: number): QuantileDistribution {
  return { ...d, values: d.values.map((v) => v + delta) };
}

/** Ratio quantiles at `levels` (e.g. of R | R > age after conditionOnSurvival). */
export function ratioQuantiles(d: QuantileDistribution, levels: readonly number[]): number[] {
  return levels.map((u) => Math.exp(quantileAt(d, u)));
}
