import type { GbdtParamsInput } from '../learn/gbdt-params.ts';

/** Quantile levels every delivery forecast carries. */
export const deliveryLevels = [0.1, 0.5, 0.8, 0.9, 0.95] as const;

/**
 * Boosting settings by data size: small real datasets get slow learning and small leaves with
 * early stopping; a million rows get row subsampling so seven models fit in the time budget.
 * Chosen once on the training windows of the demo and SiP data, never on a test window.
 */
export function boostingSettings(rows: number): Omit<GbdtParamsInput, 'loss'> {
  if (rows > 50_000) {
    return {
      learningRate: 0.1,
      maxIterations: 120,
      maxLeaves: 31,
      minSamplesLeaf: 100,
      subsample: 0.3,
      l2: 1,
      earlyStoppingRounds: 15,
      seed: 7,
    };
  }
  return {
    learningRate: 0.05,
    maxIterations: 600,
    maxLeaves: 15,
    minSamplesLeaf: 20,
    l2: 1,
    subsample: 0.8,
    earlyStoppingRounds: 40,
    seed: 7,
  };
}
