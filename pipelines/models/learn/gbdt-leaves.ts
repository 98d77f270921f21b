// What happens to a grown tree's leaves before it joins the model: quantile leaves re-fitted,
// covers weighted, and the sampled rows' scores updated straight from the leaves' row ranges.
import type { GrowContext } from './gbdt-grow.ts';
import type { GbdtTree } from './gbdt-tree.ts';
import { selectWeightedQuantile } from './quantile.ts';

function leafNodes(ctx: GrowContext): number[] {
  const out: number[] = [];
  for (let node = 0; node < ctx.builder.nodeCount; node++) {
    if ((ctx.builder.feature[node] as number) < 0) out.push(node);
  }
  return out;
}

/**
 * Leaf value = learningRate * weighted alpha-quantile of the residuals y - raw of the leaf's
 * rows (as scikit-learn): the pinball gradient only chose the splits.
 */
export function refitQuantileLeaves(
  ctx: GrowContext,
  idx: Uint32Array,
  y: Float64Array,
  raw: Float64Array,
  w: Float64Array | null,
  alpha: number,
): void {
  // The partition scratch is free once the tree is grown.
  const values = ctx.tmpG;
  const weights = w ? ctx.tmpH : null;
  for (const node of leafNodes(ctx)) {
    const start = ctx.leafStart[node] as number;
    const n = (ctx.leafEnd[node] as number) - start;
    for (let i = 0; i < n; i++) {
      const r = idx[start + i] as number;
      values[i] = (y[r] as number) - (raw[r] as number);
      if (weights && w) weights[i] = w[r] as number;
    }
    const q = selectWeightedQuantile(values, weights, 0, n, alpha);
    ctx.builder.value[node] = ctx.learningRate * (Number.isNaN(q) ? 0 : q);
  }
}

/** With sample weights a leaf's cover is its rows' weight, not their count. */
export function weightCovers(ctx: GrowContext, idx: Uint32Array, w: Float64Array): void {
  for (const node of leafNodes(ctx)) {
    let sum = 0;
    const end = ctx.leafEnd[node] as number;
    for (let i = ctx.leafStart[node] as number; i < end; i++) sum += w[idx[i] as number] as number;
    ctx.builder.cover[node] = sum;
  }
}

/** Sampled rows already sit in their leaves' ranges: no routing needed. */
export function addInSampleScores(
  ctx: GrowContext,
  tree: GbdtTree,
  idx: Uint32Array,
  raw: Float64Array,
): void {
  for (const node of leafNodes(ctx)) {
    const v = tree.value[node] as number;
    const end = ctx.leafEnd[node] as number;
    for (let i = ctx.leafStart[node] as number; i < end; i++) {
      const r = idx[i] as number;
      raw[r] = (raw[r] as number) + v;
    }
  }
}
