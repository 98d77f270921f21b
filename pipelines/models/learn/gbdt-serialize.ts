// A fitted GBDT as plain JSON (for the model registry tables) and back. Numbers go through
// JSON unchanged (JavaScript prints the shortest string that parses back to the same double),
// so a loaded model predicts bit-for-bit what the fitted one did. Routing tables are rebuilt
// from thresholds and level sets rather than stored. Infinity (e.g. maxDepth) becomes null.
import { binCount } from './bin-features.ts';
import type { BinMapper } from './bin-features.ts';
import type { GbdtModel } from './gbdt-model.ts';
import { GBDT_DEFAULTS, resolveParams } from './gbdt-params.ts';
import type { GbdtLoss } from './gbdt-params.ts';
import { ROUTE_WIDTH, fillRoute, missingBinIfLeft } from './gbdt-tree.ts';
import type { GbdtTree } from './gbdt-tree.ts';

export const GBDT_FORMAT = 'milepost-gbdt';
export const GBDT_FORMAT_VERSION = 1;

export interface GbdtTreeJson {
  feature: number[];
  left: number[];
  right: number[];
  threshold: number[];
  missingLeft: number[];
  leftBins: (number[] | null)[];
  value: number[];
  cover: number[];
  gain: number[];
}

export interface GbdtModelJson {
  format: typeof GBDT_FORMAT;
  version: number;
  loss: GbdtLoss;
  params: Record<string, unknown>;
  baseScore: number;
  mapper: BinMapper;
  featureNames: string[];
  warmStartTrees: number;
  validationLoss: (number | null)[];
  trees: GbdtTreeJson[];
}

export function serializeGbdt(model: GbdtModel): GbdtModelJson {
  const params = Object.fromEntries(
    Object.entries(model.params).map(([k, v]) => [
      k,
      typeof v === 'number' && !Number.isFinite(v) ? null : v,
    ]),
  );
  return {
    format: GBDT_FORMAT,
    version: GBDT_FORMAT_VERSION,
    loss: model.loss,
    params,
    baseScore: model.baseScore,
    mapper: model.mapper,
    featureNames: [...model.featureNames],
    warmStartTrees: model.warmStartTrees,
    validationLoss: model.validationLoss.map((v) => (Number.isFinite(v) ? v : null)),
    trees: model.trees.map(treeToJson),
  };
}

function treeToJson(t: GbdtTree): GbdtTreeJson {
  return {
    feature: [...t.feature],
    left: [...t.left],
    right: [...t.right],
    threshold: [...t.threshold],
    missingLeft: [...t.missingLeft],
    leftBins: t.leftBins.map((b) => (b ? [...b] : null)),
    value: [...t.value],
    cover: [...t.cover],
    gain: [...t.gain],
  };
}

/** Parses what serializeGbdt produced (also after JSON.stringify / JSON.parse). */
export function deserializeGbdt(input: unknown): GbdtModel {
  const json = input as GbdtModelJson;
  if (json?.format !== GBDT_FORMAT) throw new Error('Not a serialised GBDT model');
  if (json.version !== GBDT_FORMAT_VERSION)
    throw new Error(`Unsupported GBDT model version ${json.version}`);
  // null stood for Infinity; resolveParams also re-checks every value.
  const params = resolveParams({
    ...Object.fromEntries(
      Object.entries(json.params).map(([k, v]) => [
        k,
        v === null ? (GBDT_DEFAULTS as Record<string, unknown>)[k] : v,
      ]),
    ),
    loss: json.loss,
  });
  const nBins = json.mapper.features.map(binCount);
  return {
    loss: json.loss,
    params,
    baseScore: json.baseScore,
    mapper: json.mapper,
    featureNames: json.featureNames,
    warmStartTrees: json.warmStartTrees,
    validationLoss: json.validationLoss.map((v) => v ?? Number.NaN),
    trees: json.trees.map((t) => treeFromJson(t, nBins)),
  };
}

function treeFromJson(t: GbdtTreeJson, nBins: readonly number[]): GbdtTree {
  const n = t.feature.length;
  for (const field of [
    t.left,
    t.right,
    t.threshold,
    t.missingLeft,
    t.leftBins,
    t.value,
    t.cover,
    t.gain,
  ]) {
    if (field.length !== n) throw new Error('Corrupt GBDT tree: fields of different lengths');
  }
  const tree: GbdtTree = {
    nodeCount: n,
    feature: Int32Array.from(t.feature),
    left: Int32Array.from(t.left),
    right: Int32Array.from(t.right),
    threshold: Int32Array.from(t.threshold),
    missingLeft: Uint8Array.from(t.missingLeft),
    leftBins: t.leftBins.map((b) => (b ? Int32Array.from(b) : null)),
    value: Float64Array.from(t.value),
    cover: Float64Array.from(t.cover),
    gain: Float64Array.from(t.gain),
    route: new Uint8Array(n * ROUTE_WIDTH),
    leftMissingBin: new Int32Array(n).fill(-1),
  };
  for (let node = 0; node < n; node++) {
    const f = tree.feature[node] as number;
    if (f < 0) continue;
    const bins = nBins[f];
    const l = tree.left[node] as number;
    const r = tree.right[node] as number;
    if (bins === undefined || l <= node || r <= node || l >= n || r >= n) {
      throw new Error(`Corrupt GBDT tree: node ${node} points outside the tree or the features`);
    }
    const threshold = tree.threshold[node] as number;
    const missingLeft = tree.missingLeft[node] === 1;
    fillRoute(tree.route, node, bins, threshold, missingLeft, tree.leftBins[node] ?? null);
    tree.leftMissingBin[node] = missingBinIfLeft(bins, threshold, missingLeft);
  }
  return tree;
}
