// The row-major passes of the logistic baseline's Newton steps (learn/logistic-irls.ts): z is
// n x p, row i at i * p. Each sum adds the rows in order, the same additions column-by-column
// dot products made, so the fitted coefficients are the same, bit for bit; one sequential read
// of z per pass instead of one per pair of columns (at 1M rows x 38 columns, 741 of them).

/**
 * out = beta[0] + sum_j beta[j + 1] * z[j] per row (row-major: one sequential read of z; the
 * terms are added in the same order as column by column, so the sums are the same).
 */
export function linearPredictor(
  beta: ArrayLike<number>,
  x: Float64Array,
  p: number,
  out: Float64Array,
): void {
  const b0 = beta[0] as number;
  const b = Float64Array.from({ length: p }, (_, j) => beta[j + 1] as number);
  for (let i = 0; i < out.length; i++) {
    let e = b0;
    const base = i * p;
    for (let j = 0; j < p; j++) e += (b[j] as number) * (x[base + j] as number);
    out[i] = e;
  }
}

/**
 * Adds sum_i resid_i * (1, z_i) to grad and the upper triangle of sum_i h_i (1, z_i)(1, z_i)'
 * to hess ((p + 1) x (p + 1), row-major, intercept first).
 */
export function accumulateRows(
  x: Float64Array,
  p: number,
  resid: Float64Array,
  h: Float64Array,
  grad: Float64Array,
  hess: Float64Array,
): void {
  const n = resid.length;
  for (let i = 0; i < n; i++) {
    const r = resid[i] as number;
    const base = i * p;
    grad[0] = (grad[0] as number) + r;
    for (let a = 0; a < p; a++) grad[a + 1] = (grad[a + 1] as number) + r * (x[base + a] as number);
  }
  // Four rows per pass: each entry still adds row i, then i + 1, i + 2 and i + 3.
  const whole = n - (n % 4);
  for (let i = 0; i < whole; i += 4) hessianRows(hess, x, p, i, h.subarray(i, i + 4));
  for (let i = whole; i < n; i++) hessianRows(hess, x, p, i, h.subarray(i, i + 1));
}

/** Adds rows i, i + 1, ... (one per weight in hs, 1 or 4 of them) of h z z' to the upper triangle. */
function hessianRows(
  hess: Float64Array,
  x: Float64Array,
  p: number,
  i: number,
  hs: Float64Array,
): void {
  const d = p + 1;
  const [h0 = 0, h1 = 0, h2 = 0, h3 = 0] = hs;
  const [r0, r1, r2, r3] = [i * p, (i + 1) * p, (i + 2) * p, (i + 3) * p];
  if (hs.length === 1) {
    hess[0] = (hess[0] as number) + h0;
    for (let a = 0; a < p; a++) {
      const ha = h0 * (x[r0 + a] as number);
      hess[a + 1] = (hess[a + 1] as number) + ha;
      const row = (a + 1) * d + 1;
      for (let b = a; b < p; b++)
        hess[row + b] = (hess[row + b] as number) + ha * (x[r0 + b] as number);
    }
    return;
  }
  hess[0] = (hess[0] as number) + h0 + h1 + h2 + h3;
  for (let a = 0; a < p; a++) {
    const g0 = h0 * (x[r0 + a] as number);
    const g1 = h1 * (x[r1 + a] as number);
    const g2 = h2 * (x[r2 + a] as number);
    const g3 = h3 * (x[r3 + a] as number);
    hess[a + 1] = (hess[a + 1] as number) + g0 + g1 + g2 + g3;
    const row = (a + 1) * d + 1;
    for (let b = a; b < p; b++)
      hess[row + b] =
        (hess[row + b] as number) +
        g0 * (x[r0 + b] as number) +
        g1 * (x[r1 + b] as number) +
        g2 * (x[r2 + b] as number) +
        g3 * (x[r3 + b] as number);
  }
}
