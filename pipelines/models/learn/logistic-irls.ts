// L2-penalised logistic regression by Newton's method (IRLS): the explainable baseline for the
// risk classifiers. Columns are standardised inside (so the penalty treats them alike and
// Newton is well conditioned); coefficients are reported on the original scale. Missing values
// are imputed with the column mean, i.e. they contribute nothing. Numeric features only: encode
// categories as 0/1 columns first (the caller chooses the reference level).
//
// Objective: mean weighted log loss + (l2 / 2) * |beta|^2 over the standardised slopes (the
// intercept is not penalised). Each step solves the (p + 1)^2 Newton system by Cholesky; the
// O(n p^2) Hessian is built row by row from the row-major standardised matrix (logistic-rows.ts),
// which reads it once per step, in the same order of additions as column dot products.
import type { FeatureMatrix } from './feature-matrix.ts';
import { accumulateRows, linearPredictor } from './logistic-rows.ts';

export interface LogisticModel {
  readonly featureNames: readonly string[];
  /** Column means (of non-missing values): the centring and the imputed value. */
  readonly means: readonly number[];
  /** Column standard deviations (1 for a constant column). */
  readonly scales: readonly number[];
  /** On the original scale: logit = intercept + sum coefficients * x. */
  readonly intercept: number;
  readonly coefficients: readonly number[];
  /** Per standard deviation of the feature: comparable across features. */
  readonly standardizedCoefficients: readonly number[];
  /** Logit at the column means. */
  readonly centredIntercept: number;
  readonly l2: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface LogisticOptions {
  /** Default 1e-4. */
  readonly l2?: number;
  /** Default 50. */
  readonly maxIterations?: number;
  /** Stop when no standardised coefficient moves more than this. Default 1e-8. */
  readonly tolerance?: number;
}

interface Standardised {
  /** Row-major n x p: row i's standardised values at i * p .. i * p + p - 1. */
  readonly z: Float64Array;
  readonly p: number;
  readonly means: number[];
  readonly scales: number[];
}

function standardise(matrix: FeatureMatrix): Standardised {
  const p = matrix.features.length;
  const z = new Float64Array(matrix.rows * p);
  const means: number[] = [];
  const scales: number[] = [];
  matrix.features.forEach((f, j) => {
    if (f.kind !== 'numeric')
      throw new Error(`${f.name}: logistic regression needs numeric features (one-hot encode)`);
    let n = 0;
    let sum = 0;
    for (const v of f.values) {
      if (v !== v) continue; // NaN = missing
      n++;
      sum += v;
    }
    const mean = n > 0 ? sum / n : 0;
    let ss = 0;
    for (const v of f.values) if (v === v) ss += (v - mean) ** 2;
    const sd = n > 1 && ss > 0 ? Math.sqrt(ss / n) : 1;
    const values = f.values;
    for (let i = 0; i < matrix.rows; i++) {
      const v = values[i] as number;
      z[i * p + j] = v === v ? (v - mean) / sd : 0;
    }
    means.push(mean);
    scales.push(sd);
  });
  return { z, p, means, scales };
}

export function fitLogistic(
  matrix: FeatureMatrix,
  labels: ArrayLike<number>,
  options: LogisticOptions = {},
): LogisticModel {
  const n = matrix.rows;
  if (labels.length !== n) throw new RangeError(`labels: ${labels.length} rows, expected ${n}`);
  const y = Float64Array.from(labels);
  for (const v of y) if (v !== 0 && v !== 1) throw new RangeError('labels must be 0 or 1');
  const l2 = options.l2 ?? 1e-4;
  const tol = options.tolerance ?? 1e-8;
  const z = standardise(matrix);
  const { means, scales } = z;
  const w = matrix.weights ?? null;
  const total = w ? w.reduce((s, v) => s + v, 0) : n;
  const state = newtonState(z.p, n);
  const rate =
    (w ? y.reduce((s, v, i) => s + v * (w[i] as number), 0) : y.reduce((s, v) => s + v, 0)) / total;
  state.beta[0] = Math.log(Math.max(1e-12, rate) / Math.max(1e-12, 1 - rate));
  let converged = false;
  let iterations = 0;
  while (iterations < (options.maxIterations ?? 50) && !converged) {
    iterations++;
    converged = newtonStep(state, z, y, w, total, l2) <= tol;
  }
  const beta = state.beta;
  const coefficients = scales.map((sd, j) => (beta[j + 1] as number) / sd);
  const centredIntercept = beta[0] as number;
  return {
    featureNames: matrix.features.map((f) => f.name),
    means,
    scales,
    intercept: centredIntercept - coefficients.reduce((s, c, j) => s + c * (means[j] as number), 0),
    coefficients,
    standardizedCoefficients: [...beta.subarray(1)],
    centredIntercept,
    l2,
    iterations,
    converged,
  };
}

interface NewtonState {
  readonly beta: Float64Array;
  readonly eta: Float64Array;
  readonly h: Float64Array;
  readonly dir: Float64Array;
}

function newtonState(p: number, n: number): NewtonState {
  return {
    beta: new Float64Array(p + 1),
    eta: new Float64Array(n),
    h: new Float64Array(n),
    dir: new Float64Array(n),
  };
}

/** One damped Newton step; returns the largest coefficient change. */
function newtonStep(
  s: NewtonState,
  z: Standardised,
  y: Float64Array,
  w: Float64Array | null,
  total: number,
  l2: number,
): number {
  const p = z.p;
  linearPredictor(s.beta, z.z, z.p, s.eta);
  const { grad, hess } = gradientAndHessian(s, z, y, w, total, l2);
  const delta = solveCholesky(hess, grad, p + 1).map((v) => -v);
  linearPredictor(delta, z.z, z.p, s.dir);
  // Backtracking on the objective along the Newton direction (rarely needs a half step).
  const objective = (t: number): number => {
    let loss = 0;
    for (let i = 0; i < y.length; i++) {
      const f = (s.eta[i] as number) + t * (s.dir[i] as number);
      const l = Math.max(f, 0) + Math.log1p(Math.exp(-Math.abs(f))) - (y[i] as number) * f;
      loss += w ? (w[i] as number) * l : l;
    }
    let pen = 0;
    for (let j = 1; j <= p; j++) pen += ((s.beta[j] as number) + t * (delta[j] as number)) ** 2;
    return loss / total + 0.5 * l2 * pen;
  };
  const start = objective(0);
  let t = 1;
  while (t > 1e-8 && objective(t) > start) t /= 2;
  let change = 0;
  for (let j = 0; j <= p; j++) {
    s.beta[j] = (s.beta[j] as number) + t * (delta[j] as number);
    change = Math.max(change, Math.abs(t * (delta[j] as number)));
  }
  return change;
}

/** Per-row residual and Hessian weight (both over `total`), into s.dir and s.h. */
function rowWeights(s: NewtonState, y: Float64Array, w: Float64Array | null, total: number) {
  const resid = s.dir; // free until the direction is computed
  for (let i = 0; i < y.length; i++) {
    const e = s.eta[i] as number;
    const pi = e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e));
    const wi = w ? (w[i] as number) : 1;
    resid[i] = (wi * (pi - (y[i] as number))) / total;
    s.h[i] = (wi * pi * (1 - pi)) / total;
  }
  return resid;
}

/** Gradient and the (p + 1)^2 Hessian of the penalised objective (row-major passes over z). */
function gradientAndHessian(
  s: NewtonState,
  z: Standardised,
  y: Float64Array,
  w: Float64Array | null,
  total: number,
  l2: number,
): { grad: Float64Array; hess: Float64Array } {
  const { z: x, p } = z;
  const d = p + 1;
  const grad = new Float64Array(d);
  const hess = new Float64Array(d * d);
  accumulateRows(x, p, rowWeights(s, y, w, total), s.h, grad, hess);
  for (let a = 0; a < d; a++) {
    if (a > 0) grad[a] = (grad[a] as number) + l2 * (s.beta[a] as number);
    for (let b = a; b < d; b++) {
      const v = (hess[a * d + b] as number) + (a === b && a > 0 ? l2 : 0);
      hess[a * d + b] = v;
      hess[b * d + a] = v;
    }
  }
  return { grad, hess };
}

/** Solves A x = b for symmetric positive definite A (d x d, row-major) by Cholesky. */
export function solveCholesky(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * d + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * d + k] as number) * (l[j * d + k] as number);
      if (i === j) l[i * d + i] = Math.sqrt(Math.max(sum, 1e-300));
      else l[i * d + j] = sum / (l[j * d + j] as number);
    }
  }
  const x = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * d + k] as number) * (x[k] as number);
    x[i] = sum / (l[i * d + i] as number);
  }
  for (let i = d - 1; i >= 0; i--) {
    let sum = x[i] as number;
    for (let k = i + 1; k < d; k++) sum -= (l[k * d + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * d + i] as number);
  }
  return x;
}

/** Logits for new rows (missing values count as the column mean). */
export function predictLogit(model: LogisticModel, matrix: FeatureMatrix): Float64Array {
  const c = logisticContributions(model, matrix);
  const k = model.featureNames.length;
  return Float64Array.from({ length: matrix.rows }, (_, r) => {
    let s = c.bias;
    for (let j = 0; j < k; j++) s += c.values[r * k + j] as number;
    return s;
  });
}

export function predictLogistic(model: LogisticModel, matrix: FeatureMatrix): Float64Array {
  return predictLogit(model, matrix).map((e) =>
    e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e)),
  );
}

/** coefficient * (x - mean) per feature (row-major); logit = bias + their sum. */
export function logisticContributions(
  model: LogisticModel,
  matrix: FeatureMatrix,
): { bias: number; features: readonly string[]; values: Float64Array } {
  const byName = new Map(matrix.features.map((f) => [f.name, f]));
  const k = model.featureNames.length;
  const values = new Float64Array(matrix.rows * k);
  model.featureNames.forEach((name, j) => {
    const f = byName.get(name);
    if (!f || f.kind !== 'numeric')
      throw new Error(`Numeric feature ${name} is missing from the matrix`);
    const coef = model.coefficients[j] as number;
    const mean = model.means[j] as number;
    for (let r = 0; r < matrix.rows; r++) {
      const x = f.values[r] as number;
      values[r * k + j] = x === x ? coef * (x - mean) : 0;
    }
  });
  return { bias: model.centredIntercept, features: model.featureNames, values };
}
