// The copula draws a standard normal z per milestone; its duration is planned x exp(Q(Phi(z))).
// That composite is monotone and smooth between knots, so it is tabulated once per milestone on a
// fixed grid of z and read back by linear interpolation: the hot loop then costs one uniform, one
// normal quantile and one table lookup per draw, with no exp, log or knot search.
import { normalCdf } from './normal.ts';
import type { QuantileDistribution } from './quantile-distribution.ts';
import { quantileAt } from './quantile-distribution.ts';

export const GRID = 1024;
/** Normal scores are clamped to +-Z_MAX (probability < 1e-10 either side). */
export const Z_MAX = 6.5;
export const INV_STEP = (GRID - 1) / (2 * Z_MAX);
/** Durations are capped at a century: a heavy Pareto tail must not overflow whole-day integers. */
export const MAX_DAYS = 36_525;

let gridLevels: Float64Array | undefined;

function levelsOfGrid(): Float64Array {
  if (!gridLevels) {
    gridLevels = new Float64Array(GRID);
    for (let g = 0; g < GRID; g++) gridLevels[g] = normalCdf(-Z_MAX + g / INV_STEP);
  }
  return gridLevels;
}

/** Writes planned x ratio at each grid score into out[offset .. offset + GRID). */
export function fillDurationTable(
  d: QuantileDistribution,
  plannedDays: number,
  out: Float64Array,
  offset: number,
): void {
  const u = levelsOfGrid();
  const { levels: L, values: V } = d;
  const last = L.length - 1;
  let i = 0;
  for (let g = 0; g < GRID; g++) {
    const ug = u[g]!;
    let x: number;
    if (ug <= L[0]! || ug >= L[last]!) x = quantileAt(d, ug);
    else {
      // Grid levels rise, so the knot cursor only moves forward.
      while (L[i + 1]! < ug) i++;
      x = V[i]! + ((V[i + 1]! - V[i]!) * (ug - L[i]!)) / (L[i + 1]! - L[i]!);
    }
    out[offset + g] = Math.min(MAX_DAYS, plannedDays * Math.exp(x));
  }
}

/** Duration (fractional days) for normal score z, from a table filled above. */
export function tableDuration(table: Float64Array, offset: number, z: number): number {
  let x = (z + Z_MAX) * INV_STEP;
  if (x < 0) x = 0;
  else if (x > GRID - 1.000001) x = GRID - 1.000001;
  const g = x | 0;
  const lo = table[offset + g]!;
  return lo + (table[offset + g + 1]! - lo) * (x - g);
}
