import { landmarkFeatures, type MilestoneTable } from '../features/milestone-table.ts';
import type { Feature, FeatureMatrix } from '../learn/feature-matrix.ts';
import type { ProductModelParams } from '../product-model.ts';

/**
 * The rows of a freshly built milestone table laid out as the model was trained: the same
 * features in the same order, categories re-coded to the training levels (unseen = missing).
 * `overrides` replaces single values (what-if: another partner's history, a moved due date).
 * A table without the in-flight state (a draft plan) is at the start: those features are 0.
 */
export function modelMatrix(
  params: ProductModelParams,
  table: MilestoneTable,
  rows: ArrayLike<number>,
  overrides: Record<string, number> = {},
): FeatureMatrix {
  const features: Feature[] = [];
  for (const name of params.numeric) {
    const col = table.features.numeric.get(name);
    const values = new Float64Array(rows.length);
    const atStart = (landmarkFeatures as readonly string[]).includes(name) ? 0 : undefined;
    const fixed = overrides[name] ?? (col ? undefined : atStart);
    for (let i = 0; i < rows.length; i++) {
      values[i] = fixed ?? col?.[rows[i] as number] ?? NaN;
    }
    features.push({ kind: 'numeric', name, values });
  }
  for (const { name, levels } of params.categorical) {
    const col = table.features.categorical.get(name);
    const index = new Map(levels.map((l, i) => [l, i]));
    const codes = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const label = col ? col.levels[col.codes[rows[i] as number] ?? -1] : undefined;
      codes[i] = label === undefined ? -1 : (index.get(label) ?? -1);
    }
    features.push({ kind: 'categorical', name, codes, levels });
  }
  return { rows: rows.length, features };
}
