// Starting a fit from an earlier model instead of a constant. The new model keeps the old trees
// and adds its own; for a quantile loss it also moves the start by the alpha-quantile of the
// residuals, so a P90 fit begins at "P50 model + constant" and its trees only have to learn
// where the spread differs. Scores of the old model can be passed in (fitMultiQuantile does),
// which saves predicting a full forest over the training rows once per follower.
import { asDataset } from './gbdt-dataset.ts';
import type { GbdtDataset } from './gbdt-dataset.ts';
import type { GbdtModel } from './gbdt-model.ts';
import type { GbdtLoss } from './gbdt-params.ts';
import { addForestScores, forestOf } from './gbdt-predict.ts';
import { weightedQuantile } from './quantile.ts';

export interface ScoredRows {
  readonly ds: GbdtDataset;
  readonly y: Float64Array;
  /** Raw scores, filled in here. */
  readonly raw: Float64Array;
}

/** Fills the rows' raw scores from the model (or the given scores); returns the base score. */
export function warmStartScores(
  warm: GbdtModel,
  sets: readonly { rows: ScoredRows; known?: Float64Array | null }[],
  loss: GbdtLoss,
): number {
  for (const { rows, known } of sets) {
    asDataset(rows.ds, warm.mapper); // throws when the data was binned differently
    if (known) {
      if (known.length !== rows.raw.length)
        throw new RangeError('warm-start scores do not match the rows');
      rows.raw.set(known);
    } else {
      rows.raw.fill(warm.baseScore);
      addForestScores(forestOf(warm.trees), rows.ds, rows.raw);
    }
  }
  if (loss.kind !== 'quantile') return warm.baseScore;
  const train = (sets[0] as { rows: ScoredRows }).rows;
  const residuals = train.y.map((y, i) => y - (train.raw[i] as number));
  const shift = weightedQuantile(residuals, train.ds.weights ?? undefined, loss.alpha);
  for (const { rows } of sets) {
    for (let i = 0; i < rows.raw.length; i++) rows.raw[i] = (rows.raw[i] as number) + shift;
  }
  return warm.baseScore + shift;
}
