// Seeded synthetic problems for the learning-library tests.
import {
  categoricalFeature,
  featureMatrix,
  numericFeature,
} from '../../../../pipelines/models/learn/feature-matrix.ts';
import type { FeatureMatrix } from '../../../../pipelines/models/learn/feature-matrix.ts';
import { rngFor } from '../../../../pipelines/random/prng.ts';

export interface Problem {
  readonly x: FeatureMatrix;
  readonly y: Float64Array;
}

/** Labels from an XOR of two signs (plus 10% label noise) and three noise columns. */
export function xorProblem(rows: number, seed: number): Problem {
  const rng = rngFor(seed, 1);
  const cols = Array.from({ length: 5 }, () => new Float64Array(rows));
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (const c of cols) c[i] = rng.uniform(-1, 1);
    const xor = cols[0]![i]! > 0 !== cols[1]![i]! > 0 ? 1 : 0;
    y[i] = rng.chance(0.1) ? 1 - xor : xor;
  }
  return { x: featureMatrix(cols.map((c, j) => numericFeature(`x${j}`, c))), y };
}

/**
 * y = x0 + noise with sd = 0.2 + |x1| (heteroscedastic), plus a categorical shift and noise
 * columns: a quantile model must widen its interval with |x1|.
 */
export function heteroscedasticProblem(
  rows: number,
  seed: number,
): Problem & { sd: Float64Array; truth: (alpha: number) => Float64Array } {
  const rng = rngFor(seed, 2);
  const x0 = new Float64Array(rows);
  const x1 = new Float64Array(rows);
  const x2 = new Float64Array(rows);
  const cat = new Int32Array(rows);
  const y = new Float64Array(rows);
  const sd = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    x0[i] = rng.uniform(0, 4);
    x1[i] = rng.uniform(-2, 2);
    x2[i] = rng.normal();
    cat[i] = rng.int(0, 3);
    sd[i] = 0.2 + Math.abs(x1[i]!);
    y[i] = x0[i]! + (cat[i] === 2 ? 1 : 0) + sd[i]! * rng.normal();
  }
  const x = featureMatrix([
    numericFeature('x0', x0),
    numericFeature('x1', x1),
    numericFeature('x2', x2),
    categoricalFeature('kind', cat, ['a', 'b', 'c', 'd']),
  ]);
  const mean = Float64Array.from(x0, (v, i) => v + (cat[i] === 2 ? 1 : 0));
  const truth = (alpha: number) => mean.map((m, i) => m + sd[i]! * normalQuantile(alpha));
  return { x, y, sd, truth };
}

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.6968302866538, 220.946098424521, -275.928510446969, 138.357751867269, -30.6647980661472,
    2.50662827745924,
  ];
  const b = [
    -54.4760987982241, 161.585836858041, -155.698979859887, 66.8013118877197, -13.2806815528857,
  ];
  const c = [
    -0.00778489400243029, -0.322396458041136, -2.40075827716184, -2.54973253934373,
    4.37466414146497, 2.93816398269878,
  ];
  const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
  const q = p < 0.5 ? p : 1 - p;
  let x: number;
  if (q < 0.02425) {
    const t = Math.sqrt(-2 * Math.log(q));
    x =
      (((((c[0]! * t + c[1]!) * t + c[2]!) * t + c[3]!) * t + c[4]!) * t + c[5]!) /
      ((((d[0]! * t + d[1]!) * t + d[2]!) * t + d[3]!) * t + 1);
  } else {
    const t = q - 0.5;
    const r = t * t;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * t) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  }
  // Both branches give the lower-tail value (negative); mirror it for the upper half.
  return p < 0.5 ? x : -x;
}
