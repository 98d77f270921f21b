// Seeded row and feature sampling for each tree. Rows are drawn by a Bernoulli coin per row
// (size varies slightly around subsample * n, as in LightGBM's bagging); drawn rows stay in
// ascending order, which the histogram loop's memory access likes. Nothing is shuffled: the
// data's time order is the caller's, and validation rows are never touched here.
import type { Rng } from '../../random/prng.ts';

/**
 * Fills idx with the drawn rows (ascending) and marks them in `inSample`; returns how many.
 * The rows not drawn go to `outIdx` (ascending; rows - drawn of them) when it is given.
 * With fraction 1 every row is drawn and no random numbers are used.
 */
export function sampleRows(
  rng: Rng,
  rows: number,
  fraction: number,
  idx: Uint32Array,
  inSample: Uint8Array,
  outIdx: Uint32Array | null = null,
): number {
  if (fraction >= 1) {
    for (let r = 0; r < rows; r++) idx[r] = r;
    inSample.fill(1);
    return rows;
  }
  const threshold = fraction * 4294967296;
  let m = 0;
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const drawn = rng.nextUint32() < threshold;
    inSample[r] = drawn ? 1 : 0;
    if (drawn) idx[m++] = r;
    else if (outIdx) outIdx[k++] = r;
  }
  return m;
}

/** max(1, round(fraction * count)) distinct feature indices, ascending. */
export function sampleFeatures(rng: Rng, count: number, fraction: number): Int32Array {
  const all = Int32Array.from({ length: count }, (_, i) => i);
  if (fraction >= 1) return all;
  const k = Math.max(1, Math.round(fraction * count));
  // Partial Fisher-Yates: the first k slots end up a uniform sample.
  for (let i = 0; i < k; i++) {
    const j = rng.int(i, count - 1);
    const t = all[i] as number;
    all[i] = all[j] as number;
    all[j] = t;
  }
  return all.slice(0, k).sort();
}

/**
 * Exactly min(max, rows.length) of `rows`, drawn uniformly without replacement and kept in their
 * given (time) order: selection sampling (Knuth's algorithm S), one pass, seeded. The list is
 * returned as is when it is short enough.
 */
export function sampleInOrder(rows: Int32Array, max: number, rng: Rng): Int32Array {
  const n = rows.length;
  if (n <= max) return rows;
  const out = new Int32Array(max);
  let k = 0;
  for (let i = 0; i < n && k < max; i++) {
    // Draw row i with probability (still needed) / (still available).
    if ((n - i) * rng.next() < max - k) out[k++] = rows[i] as number;
  }
  return out;
}
