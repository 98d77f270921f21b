// Quantiles used across the library. Two definitions, each where it is conventional:
// - `quantileSorted`: linear interpolation between order statistics (Hyndman-Fan type 7, the
//   default of R and NumPy) for plain empirical quantiles of unweighted data;
// - the weighted "lower" quantile: the smallest value whose cumulative weight reaches p * total
//   (scikit-learn's `_weighted_percentile`), which is what the quantile-loss leaf refit, the
//   weighted reference classes and IPCW-weighted summaries need.

/** Type-7 quantile of ascending-sorted values; NaN for an empty list. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo + 1 >= n) return a;
  return a + (h - lo) * ((sorted[lo + 1] as number) - a);
}

/** Weighted lower quantile of values (not modified); NaN when the total weight is 0. */
export function weightedQuantile(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  p: number,
): number {
  const v = Float64Array.from(values);
  const w = weights ? Float64Array.from(weights) : null;
  return selectWeightedQuantile(v, w, 0, v.length, p);
}

/**
 * Weighted lower quantile of `values[start, end)` by quickselect: expected linear time, which
 * matters because the quantile-loss GBDT calls it for every leaf of every tree. Reorders
 * `values` (and `weights` alongside) inside the range. `weights = null` means all ones.
 */
export function selectWeightedQuantile(
  values: Float64Array,
  weights: Float64Array | null,
  start: number,
  end: number,
  p: number,
): number {
  let total = 0;
  if (weights) for (let i = start; i < end; i++) total += weights[i] as number;
  else total = end - start;
  if (!(total > 0)) return Number.NaN;
  let need = Math.min(1, Math.max(0, p)) * total;
  let lo = start;
  let hi = end;
  let pivot = values[start] as number;
  while (lo < hi) {
    pivot = medianOfThree(
      values[lo] as number,
      values[(lo + hi) >>> 1] as number,
      values[hi - 1] as number,
    );
    // Three-way partition (Dijkstra): [lo, lt) < pivot, [lt, gt) == pivot, [gt, hi) > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    let wLess = 0;
    let wEqual = 0;
    while (i < gt) {
      const v = values[i] as number;
      const w = weights ? (weights[i] as number) : 1;
      if (v < pivot) {
        swap(values, weights, i, lt);
        wLess += w;
        lt++;
        i++;
      } else if (v > pivot) {
        gt--;
        swap(values, weights, i, gt);
      } else {
        wEqual += w;
        i++;
      }
    }
    if (need <= wLess && lt > lo && wLess > 0) {
      hi = lt;
    } else if (need <= wLess + wEqual || gt >= hi) {
      return pivot;
    } else {
      need -= wLess + wEqual;
      lo = gt;
    }
  }
  return pivot;
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

function swap(values: Float64Array, weights: Float64Array | null, i: number, j: number): void {
  const v = values[i] as number;
  values[i] = values[j] as number;
  values[j] = v;
  if (weights) {
    const w = weights[i] as number;
    weights[i] = weights[j] as number;
    weights[j] = w;
  }
}
