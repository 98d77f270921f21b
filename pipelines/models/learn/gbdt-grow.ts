// Grows one tree leaf-wise (LightGBM style): always split the leaf whose best split gains most,
// until maxLeaves, maxDepth or no split gains enough. Rows live in one index array; a node owns
// a contiguous range of it and splitting partitions that range stably (rows stay in ascending
// order, which keeps reads of the packed bins and of the scores close to sequential).
import type { GbdtDataset } from './gbdt-dataset.ts';
import {
  HistogramPool,
  buildHistogram,
  histogramLayout,
  subtractHistogram,
} from './gbdt-histograms.ts';
import type { HistogramLayout } from './gbdt-histograms.ts';
import { leafBudget } from './gbdt-params.ts';
import type { GbdtParams } from './gbdt-params.ts';
import { findBestSplit } from './gbdt-split.ts';
import type { NodeTotals, SplitCandidate, SplitRules } from './gbdt-split.ts';
import { ROUTE_WIDTH, TreeBuilder } from './gbdt-tree.ts';

/** Buffers and settings shared by every tree of one fit. */
export interface GrowContext {
  readonly data: GbdtDataset;
  readonly layout: HistogramLayout;
  readonly rules: SplitRules;
  readonly maxLeaves: number;
  readonly maxDepth: number;
  readonly learningRate: number;
  readonly pool: HistogramPool;
  readonly builder: TreeBuilder;
  /** Partition scratch (the right side is staged here). */
  readonly tmpIdx: Uint32Array;
  readonly tmpG: Float64Array;
  readonly tmpH: Float64Array;
  /** Row range [leafStart, leafEnd) of each leaf node, in the index array after growing. */
  readonly leafStart: Int32Array;
  readonly leafEnd: Int32Array;
}

export function growContext(data: GbdtDataset, params: GbdtParams, stride: 2 | 3): GrowContext {
  const layout = histogramLayout(data.nBins, stride);
  const maxLeaves = leafBudget(params);
  const capacity = 2 * maxLeaves - 1;
  return {
    data,
    layout,
    rules: params,
    maxLeaves,
    maxDepth: params.maxDepth,
    learningRate: params.learningRate,
    pool: new HistogramPool(layout.size),
    builder: new TreeBuilder(capacity),
    tmpIdx: new Uint32Array(data.rows),
    tmpG: new Float64Array(data.rows),
    tmpH: new Float64Array(data.rows),
    leafStart: new Int32Array(capacity),
    leafEnd: new Int32Array(capacity),
  };
}

interface LeafState {
  readonly node: number;
  readonly start: number;
  readonly end: number;
  readonly depth: number;
  readonly totals: NodeTotals;
  hist: Float64Array | null;
  split: SplitCandidate | null;
}

/**
 * Grows a tree on rows idx[0, m) with gradients og / oh (same order; all three are reordered).
 * Leaves get -G / (H + l2) * learningRate and cover = rows; the result stays in ctx.builder
 * and ctx.leafStart / leafEnd until the next call.
 */
export function growTree(
  ctx: GrowContext,
  idx: Uint32Array,
  og: Float64Array,
  oh: Float64Array,
  m: number,
  selected: Int32Array,
): void {
  ctx.builder.reset();
  const root = ctx.builder.addLeaf();
  let g = 0;
  let h = 0;
  for (let i = 0; i < m; i++) {
    g += og[i] as number;
    h += oh[i] as number;
  }
  const totals = { g, h, c: m };
  let hist: Float64Array | null = null;
  if (canSplit(ctx, totals, 0)) {
    hist = ctx.pool.take();
    buildHistogram(hist, ctx.pool.spares, ctx.layout, ctx.data.packed, idx, og, oh, 0, m, selected);
  }
  const leaves: LeafState[] = [leafState(ctx, root, 0, m, 0, totals, hist, selected)];
  while (leaves.length < ctx.maxLeaves) {
    const i = bestLeaf(leaves);
    if (i < 0) break;
    splitLeaf(ctx, leaves, i, idx, og, oh, selected);
  }
  for (const leaf of leaves) {
    if (leaf.hist) ctx.pool.release(leaf.hist);
    const t = leaf.totals;
    ctx.builder.value[leaf.node] = (-t.g / (t.h + ctx.rules.l2)) * ctx.learningRate;
    ctx.builder.cover[leaf.node] = leaf.end - leaf.start;
    ctx.leafStart[leaf.node] = leaf.start;
    ctx.leafEnd[leaf.node] = leaf.end;
  }
}

function canSplit(ctx: GrowContext, t: NodeTotals, depth: number): boolean {
  return (
    depth < ctx.maxDepth &&
    t.c >= 2 * ctx.rules.minSamplesLeaf &&
    t.h >= 2 * ctx.rules.minHessianLeaf
  );
}

/** A leaf with its best split found, or with its histogram released when it cannot split. */
function leafState(
  ctx: GrowContext,
  node: number,
  start: number,
  end: number,
  depth: number,
  totals: NodeTotals,
  hist: Float64Array | null,
  selected: Int32Array,
): LeafState {
  const split = hist
    ? findBestSplit(hist, ctx.layout, ctx.data.categorical, selected, totals, ctx.rules)
    : null;
  if (hist && !split) {
    ctx.pool.release(hist);
    hist = null;
  }
  return { node, start, end, depth, totals, hist, split };
}

function bestLeaf(leaves: readonly LeafState[]): number {
  let best = -1;
  let gain = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < leaves.length; i++) {
    const split = (leaves[i] as LeafState).split;
    if (split && split.gain > gain) {
      gain = split.gain;
      best = i;
    }
  }
  return best;
}

function splitLeaf(
  ctx: GrowContext,
  leaves: LeafState[],
  i: number,
  idx: Uint32Array,
  og: Float64Array,
  oh: Float64Array,
  selected: Int32Array,
): void {
  const leaf = leaves[i] as LeafState;
  const split = leaf.split as SplitCandidate;
  const [l, r] = ctx.builder.split(leaf.node, split, ctx.data.nBins[split.feature] as number);
  const mid = partition(
    ctx,
    idx,
    og,
    oh,
    leaf.start,
    leaf.end,
    split.feature,
    leaf.node * ROUTE_WIDTH,
  );
  const depth = leaf.depth + 1;
  const lTotals = { g: split.left.g, h: split.left.h, c: mid - leaf.start };
  const rTotals = { g: split.right.g, h: split.right.h, c: leaf.end - mid };
  // Children need histograms only if they may split again (the last split's children never do).
  const room = leaves.length + 1 < ctx.maxLeaves;
  const needL = room && canSplit(ctx, lTotals, depth);
  const needR = room && canSplit(ctx, rTotals, depth);
  const leftSmaller = lTotals.c <= rTotals.c;
  let small: Float64Array | null = null;
  let large: Float64Array | null = null;
  const parent = leaf.hist as Float64Array;
  if (needL || needR) {
    small = ctx.pool.take();
    const [s, e] = leftSmaller ? [leaf.start, mid] : [mid, leaf.end];
    buildHistogram(
      small,
      ctx.pool.spares,
      ctx.layout,
      ctx.data.packed,
      idx,
      og,
      oh,
      s,
      e,
      selected,
    );
    if (leftSmaller ? needR : needL) {
      subtractHistogram(parent, small, ctx.layout, selected);
      large = parent;
    }
  }
  if (large !== parent) ctx.pool.release(parent);
  if (small && !(leftSmaller ? needL : needR)) {
    ctx.pool.release(small);
    small = null;
  }
  const lHist = leftSmaller ? small : large;
  const rHist = leftSmaller ? large : small;
  leaves[i] = leafState(ctx, l, leaf.start, mid, depth, lTotals, lHist, selected);
  leaves.push(leafState(ctx, r, mid, leaf.end, depth, rTotals, rHist, selected));
}

/** Stable partition of idx[start, end) (with og / oh) by the node's routing table. */
function partition(
  ctx: GrowContext,
  idx: Uint32Array,
  og: Float64Array,
  oh: Float64Array,
  start: number,
  end: number,
  feature: number,
  routeBase: number,
): number {
  const column = ctx.data.columns[feature] as Uint8Array;
  const route = ctx.builder.route;
  const { tmpIdx, tmpG, tmpH } = ctx;
  let l = start;
  let k = 0;
  for (let i = start; i < end; i++) {
    const row = idx[i] as number;
    if (route[routeBase + (column[row] as number)]) {
      idx[l] = row;
      og[l] = og[i] as number;
      oh[l] = oh[i] as number;
      l++;
    } else {
      tmpIdx[k] = row;
      tmpG[k] = og[i] as number;
      tmpH[k] = oh[i] as number;
      k++;
    }
  }
  idx.set(tmpIdx.subarray(0, k), l);
  og.set(tmpG.subarray(0, k), l);
  oh.set(tmpH.subarray(0, k), l);
  return l;
}
