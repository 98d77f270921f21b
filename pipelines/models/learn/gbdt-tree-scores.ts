// Adding one new tree's leaf values to many rows during a fit (the rows not drawn for the tree,
// and the validation rows). Instead of walking each row down the tree (a chain of dependent
// loads per level, and a mispredicted loop exit per row), the rows are partitioned node by node,
// as the tree was grown: each level is one pass over a byte column, with no dependency between
// rows. Each row still gets exactly one addition, of the same leaf value, so the scores are
// bit-identical to addForestScores.
import type { GbdtDataset } from './gbdt-dataset.ts';
import { ROUTE_WIDTH } from './gbdt-tree.ts';
import type { GbdtTree } from './gbdt-tree.ts';

/** Scratch for addTreeScores, sized for the dataset's rows. */
export interface TreeScoreScratch {
  readonly spill: Uint32Array;
  /** (node, start, end) triples still to route. */
  readonly stack: Int32Array;
}

export function treeScoreScratch(rows: number, maxNodes: number): TreeScoreScratch {
  return { spill: new Uint32Array(rows), stack: new Int32Array(3 * (maxNodes + 1)) };
}

/**
 * scores[r] += the tree's leaf value for row r, for the rows rowList[0, count). rowList is
 * reordered (stably within each leaf: ascending lists stay ascending per leaf).
 */
export function addTreeScores(
  tree: GbdtTree,
  ds: GbdtDataset,
  scores: Float64Array,
  rowList: Uint32Array,
  count: number,
  scratch: TreeScoreScratch,
): void {
  const { feature, left, value } = tree;
  const { stack } = scratch;
  stack[0] = 0;
  stack[1] = 0;
  stack[2] = count;
  let top = 3;
  while (top > 0) {
    top -= 3;
    const node = stack[top] as number;
    const start = stack[top + 1] as number;
    const end = stack[top + 2] as number;
    const f = feature[node] as number;
    if (f < 0) {
      const v = value[node] as number;
      for (let i = start; i < end; i++) {
        const r = rowList[i] as number;
        scores[r] = (scores[r] as number) + v;
      }
      continue;
    }
    const mid = partitionRows(
      tree,
      ds.columns[f] as Uint8Array,
      node,
      rowList,
      start,
      end,
      scratch,
    );
    const l = left[node] as number;
    stack[top] = l;
    stack[top + 1] = start;
    stack[top + 2] = mid;
    stack[top + 3] = tree.right[node] as number;
    stack[top + 4] = mid;
    stack[top + 5] = end;
    top += 6;
  }
}

/** Stable partition of rowList[start, end) by the node's routing table; returns the split. */
function partitionRows(
  tree: GbdtTree,
  column: Uint8Array,
  node: number,
  rowList: Uint32Array,
  start: number,
  end: number,
  scratch: TreeScoreScratch,
): number {
  const route = tree.route;
  const base = node * ROUTE_WIDTH;
  const spill = scratch.spill;
  let l = start;
  let k = 0;
  // Branch-free: each row is written to both sides and only one cursor moves (l <= i, so the
  // write never lands on a row not read yet).
  for (let i = start; i < end; i++) {
    const r = rowList[i] as number;
    const goLeft = route[base + (column[r] as number)] as number;
    rowList[l] = r;
    spill[k] = r;
    l += goLeft;
    k += 1 - goLeft;
  }
  rowList.set(spill.subarray(0, k), l);
  return l;
}
