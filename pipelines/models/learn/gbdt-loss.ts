// Losses of the GBDT: starting score, gradients/hessians on the raw (link) scale, and the loss
// value used for early stopping. One loop per loss with the switch outside it, so the hot loop
// has no branch on the loss kind and no closure call per row.
//
// quantile: pinball loss with a constant hessian (scikit-learn's choice). Its gradient only says
// which side of the prediction a row is on, so tree structure comes from the gradients but each
// leaf's value is re-fitted afterwards as the weighted alpha-quantile of the leaf's residuals.
import type { GbdtLoss } from './gbdt-params.ts';
import { weightedQuantile } from './quantile.ts';

const MIN_HESSIAN = 1e-16;

export function checkTarget(loss: GbdtLoss, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v)) throw new RangeError(`target[${i}] = ${v} is not finite`);
    if (loss.kind === 'logistic' && v !== 0 && v !== 1) {
      throw new RangeError(`logistic target[${i}] = ${v}: labels must be 0 or 1`);
    }
  }
}

/** The constant score the boosting starts from. */
export function initialScore(loss: GbdtLoss, y: Float64Array, w: Float64Array | null): number {
  if (loss.kind === 'quantile') return weightedQuantile(y, w ?? undefined, loss.alpha);
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? (w[i] as number) : 1;
    sw += wi;
    swy += wi * (y[i] as number);
  }
  const mean = sw > 0 ? swy / sw : 0;
  if (loss.kind === 'squared') return mean;
  const p = Math.min(1 - 1e-12, Math.max(1e-12, mean));
  return Math.log(p / (1 - p));
}

/** Whether every row's hessian is 1, so a hessian sum is an exact row count. */
export function hessianIsCount(loss: GbdtLoss, w: Float64Array | null): boolean {
  return loss.kind !== 'logistic' && w === null;
}

/** Gradients and hessians of rows idx[0, m) into og / oh, in idx order. */
export function computeGradients(
  loss: GbdtLoss,
  y: Float64Array,
  raw: Float64Array,
  w: Float64Array | null,
  idx: Uint32Array,
  m: number,
  og: Float64Array,
  oh: Float64Array,
): void {
  if (loss.kind === 'logistic') {
    for (let i = 0; i < m; i++) {
      const r = idx[i] as number;
      const p = 1 / (1 + Math.exp(-(raw[r] as number)));
      const wi = w ? (w[r] as number) : 1;
      og[i] = wi * (p - (y[r] as number));
      oh[i] = wi * Math.max(p * (1 - p), MIN_HESSIAN);
    }
  } else if (loss.kind === 'squared') {
    for (let i = 0; i < m; i++) {
      const r = idx[i] as number;
      const wi = w ? (w[r] as number) : 1;
      og[i] = wi * ((raw[r] as number) - (y[r] as number));
      oh[i] = wi;
    }
  } else {
    const alpha = loss.alpha;
    for (let i = 0; i < m; i++) {
      const r = idx[i] as number;
      const wi = w ? (w[r] as number) : 1;
      og[i] = wi * ((y[r] as number) > (raw[r] as number) ? -alpha : 1 - alpha);
      oh[i] = wi;
    }
  }
}

/** Weighted mean loss (log loss, half squared error or pinball) of raw scores. */
export function meanLoss(
  loss: GbdtLoss,
  y: Float64Array,
  raw: Float64Array,
  w: Float64Array | null,
): number {
  let sum = 0;
  let sw = 0;
  const alpha = loss.kind === 'quantile' ? loss.alpha : 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i] as number;
    const f = raw[i] as number;
    let l: number;
    if (loss.kind === 'logistic') {
      // log(1 + e^f) - y f, written so large |f| does not overflow.
      l = Math.max(f, 0) + Math.log1p(Math.exp(-Math.abs(f))) - yi * f;
    } else if (loss.kind === 'squared') {
      l = 0.5 * (yi - f) * (yi - f);
    } else {
      l = yi >= f ? alpha * (yi - f) : (1 - alpha) * (f - yi);
    }
    const wi = w ? (w[i] as number) : 1;
    sum += wi * l;
    sw += wi;
  }
  return sw > 0 ? sum / sw : Number.NaN;
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
