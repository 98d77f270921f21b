import type { SplitConstraints } from '../schema/advice.ts';
import type { SplitPoint } from './split-evaluate.ts';

const levels = (lo: number, hi: number, n: number) =>
  hi <= lo ? [lo] : Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

/** Tilts of the shares: < 0 pays earlier milestones more, > 0 later ones (0 = by value). */
export const TILTS = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5];

/**
 * Shares proportional to value x exp(tilt x z), z the milestone's expected finish scaled to
 * [-1, 1]; then shares under the minimum are raised to it and the rest rescaled (water-filling),
 * so they sum to 100 - deposit. Null when the minimum cannot be met.
 */
export function tiltedShares(
  values: readonly number[],
  order: readonly number[],
  tilt: number,
  total: number,
  minPct: number,
): number[] | null {
  if (minPct * values.length > total + 1e-9) return null;
  const raw = values.map((v, m) => Math.max(v, 1e-9) * Math.exp(tilt * order[m]!));
  const fixed = new Set<number>();
  let shares = raw;
  for (let pass = 0; pass <= values.length; pass++) {
    const free = raw.reduce((s, x, m) => (fixed.has(m) ? s : s + x), 0);
    const left = total - fixed.size * minPct;
    shares = raw.map((x, m) => (fixed.has(m) ? minPct : (x / free) * left));
    const low = shares.findIndex((s, m) => !fixed.has(m) && s < minPct - 1e-9);
    if (low < 0) break;
    shares.forEach((s, m) => s < minPct - 1e-9 && fixed.add(m));
  }
  return shares.map((s) => Math.round(s * 100) / 100);
}

/** Expected finish of each milestone scaled to [-1, 1] (earliest -1). */
export function finishOrder(p50: readonly number[]): number[] {
  const lo = Math.min(...p50);
  const hi = Math.max(...p50);
  return p50.map((d) => (hi > lo ? (2 * (d - lo)) / (hi - lo) - 1 : 0));
}

/** The grid the optimiser scores: deposits x retentions x tilts, within the constraints. */
export function splitCandidates(
  values: readonly number[],
  order: readonly number[],
  c: SplitConstraints,
): SplitPoint[] {
  const out: SplitPoint[] = [];
  for (const depositPct of levels(0, c.maxDepositPct, 6).map((x) => Math.round(x * 2) / 2))
    for (const retentionPct of levels(c.retentionMinPct, c.retentionMaxPct, 4).map(
      (x) => Math.round(x * 2) / 2,
    ))
      for (const tilt of TILTS) {
        const sharesPct = tiltedShares(values, order, tilt, 100 - depositPct, c.minSharePct);
        if (sharesPct) out.push({ depositPct, retentionPct, sharesPct });
      }
  return out;
}
