import { predictBinary } from '../fit/binary-model.ts';
import { predictQuantiles } from '../fit/quantile-model.ts';
import type { MilestoneTable } from '../features/milestone-table.ts';
import type { FeatureMatrix } from '../learn/feature-matrix.ts';
import { featureContributions, topContributions } from '../learn/gbdt-contributions.ts';
import type { GbdtModel } from '../learn/gbdt-model.ts';
import type { ProductModel } from '../product-model.ts';

export interface Factor {
  feature: string;
  value: number | string | null;
  effect: number;
}

/** Model outputs for some rows of a milestone table. */
export interface RowPredictions {
  /** log(actual / planned) quantiles: one array per model level, one value per row. */
  logRatio: Float64Array[];
  pLate: Float64Array;
  pDispute: Float64Array;
  lateFactors: Factor[][];
  disputeFactors: Factor[][];
}

function valueOf(matrix: FeatureMatrix, feature: string, row: number): number | string | null {
  const f = matrix.features.find((x) => x.name === feature);
  if (!f) return null;
  if (f.kind === 'numeric') {
    const v = f.values[row] ?? NaN;
    return Number.isFinite(v) ? v : null;
  }
  return f.levels[f.codes[row] ?? -1] ?? null;
}

/** The main contributing factors (log-odds contributions) of each row, largest first. */
export function factorsOf(model: GbdtModel, matrix: FeatureMatrix, k = 3): Factor[][] {
  const c = featureContributions(model, matrix);
  return Array.from({ length: matrix.rows }, (_, r) =>
    topContributions(c, r, k).map((t) => ({
      feature: t.feature,
      value: valueOf(matrix, t.feature, r),
      effect: t.value,
    })),
  );
}

/** `inFlight` flags the rows forecast in flight (their delivery quantiles take in-flight shifts). */
export function predictRows(
  model: ProductModel,
  table: MilestoneTable,
  matrix: FeatureMatrix,
  rows: ArrayLike<number>,
  inFlight?: ArrayLike<boolean>,
): RowPredictions {
  const cohorts = Array.from(rows, (r) => table.referenceGroup[r as number] ?? '');
  return {
    logRatio: predictQuantiles(model.delivery, matrix, cohorts, inFlight),
    pLate: predictBinary(model.late, matrix),
    pDispute: predictBinary(model.dispute, matrix),
    lateFactors: factorsOf(model.late.model, matrix),
    disputeFactors: factorsOf(model.dispute.model, matrix),
  };
}
