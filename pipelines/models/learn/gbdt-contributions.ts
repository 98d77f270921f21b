// Per-prediction feature contributions by Saabas path attribution (the "treeinterpreter"
// method): walking a row down a tree, each split's feature is credited with the change in node
// value, child minus parent. Node values are cover-weighted means of their leaves, so per tree
// the credits sum to leaf - root, and over the model they sum exactly to raw prediction - bias,
// with bias = baseScore + sum of root values (about the mean training prediction).
// Cheaper than TreeSHAP (one path per tree) and exact in sum; its known bias is to favour
// features split near the root. Contributions are on the raw scale (log-odds for logistic).
import type { FeatureMatrix } from './feature-matrix.ts';
import { asDataset } from './gbdt-dataset.ts';
import type { GbdtDataset } from './gbdt-dataset.ts';
import type { GbdtModel } from './gbdt-model.ts';
import { forestOf } from './gbdt-predict.ts';

export interface Contributions {
  readonly rows: number;
  readonly features: readonly string[];
  /** The same for every row: raw prediction = bias + sum of the row's values. */
  readonly bias: number;
  /** Row-major: values[r * features.length + f]. */
  readonly values: Float64Array;
}

export function featureContributions(
  model: GbdtModel,
  data: FeatureMatrix | GbdtDataset,
): Contributions {
  const ds = asDataset(data, model.mapper);
  const { roots, feature, threshold, leftMissingBin, left, right, value, route } = forestOf(
    model.trees,
  );
  const { packed, featureCount, rows } = ds;
  const out = new Float64Array(rows * featureCount);
  let bias = model.baseScore;
  for (let t = 0; t < roots.length; t++) bias += value[roots[t] as number] as number;
  for (let r = 0; r < rows; r++) {
    const base = r * featureCount;
    for (let t = 0; t < roots.length; t++) {
      let node = roots[t] as number;
      let f = feature[node] as number;
      while (f >= 0) {
        // The routing of addForestScores (gbdt-predict.ts); node << 8 = node * ROUTE_WIDTH.
        const b = packed[base + f] as number;
        const th = threshold[node] as number;
        const goLeft =
          th >= 0 ? b <= th || b === leftMissingBin[node] : route[(node << 8) + b] === 1;
        const child = goLeft ? (left[node] as number) : (right[node] as number);
        out[base + f] =
          (out[base + f] as number) + (value[child] as number) - (value[node] as number);
        node = child;
        f = feature[node] as number;
      }
    }
  }
  return { rows, features: model.featureNames, bias, values: out };
}

export interface Contribution {
  readonly feature: string;
  readonly value: number;
}

/** The k largest contributions of one row by absolute value: the "main contributing factors". */
export function topContributions(c: Contributions, row: number, k = 3): Contribution[] {
  const width = c.features.length;
  const items = c.features.map((feature, f) => ({
    feature,
    value: c.values[row * width + f] as number,
  }));
  return items
    .filter((item) => item.value !== 0)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || a.feature.localeCompare(b.feature))
    .slice(0, k);
}
