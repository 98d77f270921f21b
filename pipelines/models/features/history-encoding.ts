/**
 * As-of target encoding: for each row, the mean outcome of earlier rows of the same group whose
 * outcome was known before this row's time, shrunk toward the running global mean with `k`
 * pseudo-rows (empirical Bayes with a fixed prior strength). Rows never see their own outcome or
 * any outcome from their future, so the feature is safe on time-ordered splits.
 */
export function historyEncoding(
  time: Float64Array,
  knownAt: Float64Array,
  y: Float64Array,
  groups: Int32Array,
  options: { k?: number } = {},
): { mean: Float64Array; count: Float64Array } {
  const k = options.k ?? 10;
  const n = time.length;
  const byTime = Int32Array.from(time.keys()).sort((a, b) => (time[a] ?? 0) - (time[b] ?? 0));
  const known = Int32Array.from(knownAt.keys())
    .filter((i) => Number.isFinite(knownAt[i]) && Number.isFinite(y[i]))
    .sort((a, b) => (knownAt[a] ?? 0) - (knownAt[b] ?? 0));
  const sums = new Map<number, { s: number; c: number }>();
  let globalSum = 0;
  let globalCount = 0;
  const mean = new Float64Array(n);
  const count = new Float64Array(n);
  let j = 0;
  for (const i of byTime) {
    const t = time[i] ?? 0;
    // Absorb every outcome known strictly before this row's time.
    while (j < known.length && (knownAt[known[j] ?? 0] ?? 0) < t) {
      const r = known[j++] ?? 0;
      const g = groups[r] ?? -1;
      const v = y[r] ?? 0;
      const cell = sums.get(g) ?? { s: 0, c: 0 };
      cell.s += v;
      cell.c += 1;
      sums.set(g, cell);
      globalSum += v;
      globalCount += 1;
    }
    const prior = globalCount > 0 ? globalSum / globalCount : 0;
    const cell = sums.get(groups[i] ?? -1);
    const c = cell?.c ?? 0;
    mean[i] = ((cell?.s ?? 0) + k * prior) / (c + k);
    count[i] = c;
  }
  return { mean, count };
}
