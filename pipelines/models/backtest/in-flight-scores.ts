// Scores of the forecasts issued in flight: each test milestone again at its landmark days, with
// the state known then, its distribution conditioned on "still open at this age" as the product
// does (forecast/quantile-distribution.ts). Compared with the same model told nothing of the state
// (in-flight features 0: the forecast at start, conditioned on age, as before landmark rows) and
// with the reference class, conditioned the same way.
import { conditionOnSurvival, quantileAt, quantileDistribution } from '../../forecast/index.ts';
import { predictBinaryBag, type BinaryModel } from '../fit/binary-model.ts';
import { predictQuantiles, type QuantileModel } from '../fit/quantile-model.ts';
import { pickValues, taskMatrix } from '../fit/task-matrix.ts';
import { landmarkFeatures } from '../features/milestone-table.ts';
import type { FeatureMatrix } from '../learn/feature-matrix.ts';
import { referenceClassQuantiles, referenceClassRate } from './baselines.ts';
import type { LandmarkSplit } from './landmark-split.ts';
import type { ScoreRow } from './score-rows.ts';
import { binaryScores, quantileScores } from './task-scores.ts';
import { conformalCohorts, type Task } from './tasks.ts';

/** The split label of in-flight scores (a table of its own in the report). */
export const inFlightLabel = (label: string) => `${label} in-flight`;

/** The matrix with the in-flight state set to 0 (the milestone as known at its start). */
function atStart(matrix: FeatureMatrix): FeatureMatrix {
  const zero = new Set<string>(landmarkFeatures);
  return {
    ...matrix,
    features: matrix.features.map((f) =>
      f.kind === 'numeric' && zero.has(f.name)
        ? { ...f, values: new Float64Array(f.values.length) }
        : f,
    ),
  };
}

/** Per level, the quantiles of each row's distribution conditioned on R > its age. */
function conditioned(q: Float64Array[], levels: readonly number[], age: Float64Array) {
  const out = levels.map(() => new Float64Array(age.length));
  for (let i = 0; i < age.length; i++) {
    const d = quantileDistribution(
      levels,
      q.map((col) => col[i] ?? 0),
    );
    const c = conditionOnSurvival(d, age[i] ?? 0);
    levels.forEach((u, k) => (out[k]![i] = quantileAt(c, u)));
  }
  return out;
}

/** Training start rows of a split (the reference class learns from milestones, not landmarks). */
function startRows(task: Task, split: LandmarkSplit, baseRows: number): Int32Array {
  const all = Int32Array.from([...split.fit, ...split.calibration]);
  return all.filter((p) => (task.rows[p] ?? 0) < baseRows);
}

export function inFlightQuantileScores(
  task: Task,
  split: LandmarkSplit,
  model: QuantileModel,
  where: { label: string; baseRows: number },
): ScoreRow[] {
  const rows = split.inFlight;
  const X = taskMatrix(task, rows);
  const cohorts = conformalCohorts(task, rows);
  const train = startRows(task, split, where.baseRows);
  const groups = (r: Int32Array) => Array.from(r, (p) => task.referenceGroup[p] ?? '');
  const levels = model.levels;
  const raw: Record<string, Float64Array[]> = {
    // Every row is in flight: the in-flight shifts. The state-zeroed model keeps the start
    // shifts (the product before landmark rows).
    milepost: predictQuantiles(model, X, cohorts, new Array<boolean>(rows.length).fill(true)),
    milepost_start_state: predictQuantiles(model, atStart(X), cohorts),
    reference_class: referenceClassQuantiles(
      pickValues(task.y, train),
      groups(train),
      groups(rows),
      levels,
    ),
  };
  const y = pickValues(task.y, rows);
  const split_ = inFlightLabel(where.label);
  return Object.entries(raw).flatMap(
    ([name, q]) =>
      quantileScores(y, conditioned(q, levels, split.inFlightAge), levels, {
        source: task.source,
        split: split_,
        model: name,
      }).scores,
  );
}

export function inFlightBinaryScores(
  task: Task,
  split: LandmarkSplit,
  models: BinaryModel[],
  where: { label: string; baseRows: number },
): ScoreRow[] {
  const rows = split.inFlight;
  const X = taskMatrix(task, rows);
  const train = startRows(task, split, where.baseRows);
  const groups = (r: Int32Array) => Array.from(r, (p) => task.referenceGroup[p] ?? '');
  const predictions: Record<string, Float64Array> = {
    milepost: predictBinaryBag(models, X),
    milepost_start_state: predictBinaryBag(models, atStart(X)),
    reference_class: referenceClassRate(pickValues(task.y, train), groups(train), groups(rows)),
  };
  const y = pickValues(task.y, rows);
  return Object.entries(predictions).flatMap(
    ([name, p]) =>
      binaryScores(y, p, {
        source: task.source,
        split: inFlightLabel(where.label),
        model: name,
        target: task.target,
      }).scores,
  );
}
