// A fitted tree as flat typed arrays (node i's fields at index i, children after parents).
// Every internal node carries a 256-entry routing table (bin -> left?), so numeric thresholds,
// the learned side for missing values and categorical level sets are all one lookup when
// predicting. The table is derived from threshold / missingLeft / leftBins and is not stored.
import type { SplitCandidate } from './gbdt-split.ts';

export interface GbdtTree {
  readonly nodeCount: number;
  /** Feature index of the split; -1 for a leaf. */
  readonly feature: Int32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Numeric split: the last bin sent left. Categorical split and leaf: -1. */
  readonly threshold: Int32Array;
  readonly missingLeft: Uint8Array;
  /** Categorical split: the bins sent left. */
  readonly leftBins: readonly (Int32Array | null)[];
  /** Leaf: its output (learning rate applied). Internal: the cover-weighted mean of its leaves. */
  readonly value: Float64Array;
  /** Training weight (rows when unweighted) of the sampled rows that reached the node. */
  readonly cover: Float64Array;
  /** Loss reduction of the split; 0 for leaves. */
  readonly gain: Float64Array;
  /** route[node * 256 + bin] = 1 when that bin goes left. */
  readonly route: Uint8Array;
  /**
   * Numeric split: the missing bin when missing values go left, else -1. With it a numeric node
   * routes by `bin <= threshold || bin === leftMissingBin` from two small arrays, which keeps
   * prediction out of the (much larger) routing tables except at categorical nodes.
   */
  readonly leftMissingBin: Int32Array;
}

/** Routing-table entries per node (one per possible bin). Hot loops write `node << 8`. */
export const ROUTE_WIDTH = 256;

/** Fills one node's routing table. `nBins` counts the missing bin, which is the last. */
export function fillRoute(
  route: Uint8Array,
  node: number,
  nBins: number,
  threshold: number,
  missingLeft: boolean,
  leftBins: Int32Array | null,
): void {
  const base = node * ROUTE_WIDTH;
  route.fill(0, base, base + ROUTE_WIDTH);
  if (leftBins) {
    for (const b of leftBins) route[base + b] = 1;
    return;
  }
  for (let b = 0; b <= threshold; b++) route[base + b] = 1;
  route[base + nBins - 1] = missingLeft ? 1 : 0;
}

export function missingBinIfLeft(nBins: number, threshold: number, missingLeft: boolean): number {
  return threshold >= 0 && missingLeft ? nBins - 1 : -1;
}

/** Grows a tree node by node into preallocated arrays. */
export class TreeBuilder {
  nodeCount = 0;
  readonly feature: Int32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly threshold: Int32Array;
  readonly missingLeft: Uint8Array;
  readonly leftBins: (Int32Array | null)[];
  readonly value: Float64Array;
  readonly cover: Float64Array;
  readonly gain: Float64Array;
  readonly route: Uint8Array;
  readonly leftMissingBin: Int32Array;

  constructor(readonly capacity: number) {
    this.feature = new Int32Array(capacity);
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.threshold = new Int32Array(capacity);
    this.missingLeft = new Uint8Array(capacity);
    this.leftBins = new Array<Int32Array | null>(capacity).fill(null);
    this.value = new Float64Array(capacity);
    this.cover = new Float64Array(capacity);
    this.gain = new Float64Array(capacity);
    this.route = new Uint8Array(capacity * ROUTE_WIDTH);
    this.leftMissingBin = new Int32Array(capacity);
  }

  reset(): void {
    this.nodeCount = 0;
  }

  addLeaf(): number {
    const node = this.nodeCount++;
    this.feature[node] = -1;
    this.left[node] = -1;
    this.right[node] = -1;
    this.threshold[node] = -1;
    this.missingLeft[node] = 0;
    this.leftBins[node] = null;
    this.value[node] = 0;
    this.cover[node] = 0;
    this.gain[node] = 0;
    this.leftMissingBin[node] = -1;
    return node;
  }

  /** Turns a leaf into a split with two new leaves; returns [left, right]. */
  split(node: number, split: SplitCandidate, nBins: number): [number, number] {
    const l = this.addLeaf();
    const r = this.addLeaf();
    this.feature[node] = split.feature;
    this.left[node] = l;
    this.right[node] = r;
    this.threshold[node] = split.threshold;
    this.missingLeft[node] = split.missingLeft ? 1 : 0;
    this.leftBins[node] = split.leftBins;
    this.gain[node] = split.gain;
    fillRoute(this.route, node, nBins, split.threshold, split.missingLeft, split.leftBins);
    this.leftMissingBin[node] = missingBinIfLeft(nBins, split.threshold, split.missingLeft);
    return [l, r];
  }

  /** A copy of the grown tree, internal values filled in. */
  finish(): GbdtTree {
    const n = this.nodeCount;
    const tree: GbdtTree = {
      nodeCount: n,
      feature: this.feature.slice(0, n),
      left: this.left.slice(0, n),
      right: this.right.slice(0, n),
      threshold: this.threshold.slice(0, n),
      missingLeft: this.missingLeft.slice(0, n),
      leftBins: this.leftBins.slice(0, n),
      value: this.value.slice(0, n),
      cover: this.cover.slice(0, n),
      gain: this.gain.slice(0, n),
      route: this.route.slice(0, n * ROUTE_WIDTH),
      leftMissingBin: this.leftMissingBin.slice(0, n),
    };
    fillInternalValues(tree);
    return tree;
  }
}

/**
 * Internal node value = cover-weighted mean of its children (so of its leaves). Saabas
 * attributions are differences of these values along a path, which makes them sum exactly to
 * leaf - root. Children have higher indices than parents, so one backward pass suffices.
 */
export function fillInternalValues(tree: GbdtTree): void {
  for (let node = tree.nodeCount - 1; node >= 0; node--) {
    if ((tree.feature[node] as number) < 0) continue;
    const l = tree.left[node] as number;
    const r = tree.right[node] as number;
    const cl = tree.cover[l] as number;
    const cr = tree.cover[r] as number;
    const c = cl + cr;
    tree.cover[node] = c;
    tree.value[node] =
      c > 0
        ? ((tree.value[l] as number) * cl + (tree.value[r] as number) * cr) / c
        : ((tree.value[l] as number) + (tree.value[r] as number)) / 2;
  }
}

/** Leaf reached by the row whose bins start at packed[base]. */
export function leafOf(tree: GbdtTree, packed: Uint8Array, base: number): number {
  const { feature, threshold, leftMissingBin, left, right, route } = tree;
  let node = 0;
  let f = feature[0] as number;
  while (f >= 0) {
    const b = packed[base + f] as number;
    const t = threshold[node] as number;
    // node << 8 = node * ROUTE_WIDTH; categorical nodes (t = -1) use the routing table.
    const goLeft = t >= 0 ? b <= t || b === leftMissingBin[node] : route[(node << 8) + b] === 1;
    node = goLeft ? (left[node] as number) : (right[node] as number);
    f = feature[node] as number;
  }
  return node;
}
