// Standard normal CDF and quantile. The copula needs both on the hot path, so they are rational
// approximations rather than series: Acklam's quantile (relative error < 1.2e-9) and the
// Chebyshev-fitted erfc of Numerical Recipes (relative error < 1.2e-7, also deep in the tails).

const A1 = -3.969683028665376e1;
const A2 = 2.209460984245205e2;
const A3 = -2.759285104469687e2;
const A4 = 1.38357751867269e2;
const A5 = -3.066479806614716e1;
const A6 = 2.506628277459239;
const B1 = -5.447609879822406e1;
const B2 = 1.615858368580409e2;
const B3 = -1.556989798598866e2;
const B4 = 6.680131188771972e1;
const B5 = -1.328068155288572e1;
const C1 = -7.784894002430293e-3;
const C2 = -3.223964580411365e-1;
const C3 = -2.400758277161838;
const C4 = -2.549732539343734;
const C5 = 4.374664141464968;
const C6 = 2.938163982698783;
const D1 = 7.784695709041462e-3;
const D2 = 3.224671290700398e-1;
const D3 = 2.445134137142996;
const D4 = 3.754408661907416;
const P_LOW = 0.02425;

function tailQuantile(p: number): number {
  const q = Math.sqrt(-2 * Math.log(p));
  return (
    (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) /
    ((((D1 * q + D2) * q + D3) * q + D4) * q + 1)
  );
}

/** z with Phi(z) = p, for p in (0, 1); -Infinity / Infinity at 0 / 1. */
export function normalQuantile(p: number): number {
  if (p > P_LOW && p < 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    return (
      ((((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q) /
      (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1)
    );
  }
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  return p < 0.5 ? tailQuantile(p) : -tailQuantile(1 - p);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(-z * z + poly);
  return x >= 0 ? value : 2 - value;
}

/** Phi(z), the standard normal CDF. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

// normalFromBits: a 32-bit uniform to a standard normal through a 4096-cell table of quantiles
// (top 12 bits pick the cell, the low 20 interpolate), twice as fast as the rational formula on
// the hot path. The outer 16 cells each side, where the quantile curves hardest, stay exact;
// elsewhere the interpolation error is below 2e-4 in z.
const CELLS = 4096;
const EDGE = 16;
const CELL_QUANTILES = new Float64Array(CELLS + 1);
for (let k = 1; k < CELLS; k++) CELL_QUANTILES[k] = normalQuantile(k / CELLS);

/** Standard normal from a uniform 32-bit integer (the value at u = (bits + 0.5) / 2^32). */
export function normalFromBits(bits: number): number {
  const cell = bits >>> 20;
  if (cell < EDGE || cell >= CELLS - EDGE) {
    return normalQuantile((bits + 0.5) * 2.3283064365386963e-10);
  }
  const lo = CELL_QUANTILES[cell]!;
  return lo + (CELL_QUANTILES[cell + 1]! - lo) * (((bits & 0xfffff) + 0.5) * 9.5367431640625e-7);
}
