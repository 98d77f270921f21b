/** A histogram of whole days: value -> how many milestones had it. */
export type DayHistogram = ReadonlyMap<number, number>;

/** Adds histograms: the histogram of the union of their milestones. */
export function mergeHistograms(parts: Iterable<DayHistogram>): Map<number, number> {
  const out = new Map<number, number>();
  for (const h of parts) for (const [d, n] of h) out.set(d, (out.get(d) ?? 0) + n);
  return out;
}

/**
 * The q-quantile of the values a histogram counts, by quantile_cont's rule (position (N - 1) q,
 * linear between the two ranks either side), so it equals DuckDB's quantile_cont over the values
 * themselves. Null for an empty histogram.
 */
export function histogramQuantile(h: DayHistogram, q: number): number | null {
  const days = [...h.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = days.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const pos = (total - 1) * q;
  const lo = Math.floor(pos);
  const at = (rank: number): number => {
    let cum = 0;
    for (const [d, n] of days) {
      cum += n;
      if (cum > rank) return d;
    }
    return days[days.length - 1]?.[0] ?? 0;
  };
  const a = at(lo);
  return a + (pos - lo) * (at(Math.min(lo + 1, total - 1)) - a);
}
