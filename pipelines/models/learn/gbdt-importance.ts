// Gain importance: the loss reduction of every split, summed per feature. It answers "which
// features does the model lean on overall", not "why this prediction" (see contributions).
import type { GbdtModel } from './gbdt-model.ts';

export interface FeatureImportance {
  readonly feature: string;
  readonly gain: number;
  /** gain / total gain, so the shares sum to 1 (0 for a model without splits). */
  readonly share: number;
  readonly splits: number;
}

/** Features by total split gain, largest first (features never split on included, with 0). */
export function gainImportance(model: GbdtModel): FeatureImportance[] {
  const gain = new Float64Array(model.featureNames.length);
  const splits = new Int32Array(model.featureNames.length);
  for (const tree of model.trees) {
    for (let node = 0; node < tree.nodeCount; node++) {
      const f = tree.feature[node] as number;
      if (f < 0) continue;
      gain[f] = (gain[f] as number) + (tree.gain[node] as number);
      splits[f] = (splits[f] as number) + 1;
    }
  }
  const total = gain.reduce((s, g) => s + g, 0);
  return model.featureNames
    .map((feature, f) => ({
      feature,
      gain: gain[f] as number,
      share: total > 0 ? (gain[f] as number) / total : 0,
      splits: splits[f] as number,
    }))
    .sort((a, b) => b.gain - a.gain || a.feature.localeCompare(b.feature));
}
