import { fitBinaryBag, predictBinaryBag, type BinaryFitOptions } from '../fit/binary-model.ts';
import { deliveryLevels } from '../fit/model-settings.ts';
import {
  fitQuantileModel,
  predictQuantiles,
  type QuantileFitOptions,
} from '../fit/quantile-model.ts';
import { pickValues, taskMatrix } from '../fit/task-matrix.ts';
import { inFlightBinaryScores, inFlightQuantileScores } from './in-flight-scores.ts';
import type { LandmarkSplit } from './landmark-split.ts';
import { fitLogisticBaseline } from './logistic-baseline.ts';
import { referenceClassQuantiles, referenceClassRate } from './baselines.ts';
import type { CalibrationPoint, ScoreRow } from './score-rows.ts';
import { binaryScores, quantileScores } from './task-scores.ts';
import { conformalCohorts, type Task } from './tasks.ts';
import { trainingRows, type TimeSplit } from './time-split.ts';

export interface TaskResult {
  scores: ScoreRow[];
  calibration: CalibrationPoint[];
}

/** Landmark rows to score as forecasts issued in flight (holdout of a task with landmarks). */
export interface InFlight {
  split: LandmarkSplit;
  baseRows: number;
}

const groupsOf = (task: Task, rows: Int32Array) =>
  Array.from(rows, (r) => task.referenceGroup[r] ?? '');

/** The baselines' training rows: the milestones at their start (landmark rows left out). */
function baselineRows(task: Task, split: TimeSplit, inFlight?: InFlight): Int32Array {
  const rows = trainingRows(split);
  return inFlight ? rows.filter((p) => (task.rows[p] ?? 0) < inFlight.baseRows) : rows;
}

/**
 * Scores Milepost's delivery quantiles and both baselines on one time-ordered split; `fit` holds
 * the source's model options (chosen on its training part).
 */
export function runQuantileTask(
  task: Task,
  split: TimeSplit,
  label: string,
  fit: QuantileFitOptions = {},
  inFlight?: InFlight,
): TaskResult {
  const levels = [...deliveryLevels];
  const trainRows = baselineRows(task, split, inFlight);
  const yTest = pickValues(task.y, split.test);
  // The holdout's in-flight forecasts get shifts of their own, fitted on the calibration
  // window's landmark rows (the rolling origins score start rows only).
  const scored = inFlight?.split.inFlight.length ? inFlight.split : undefined;
  const model = fitQuantileModel(task, split, {
    ...fit,
    levels,
    ...(scored ? { inFlightCalibration: scored.calibrationInFlight } : {}),
  });
  const predictions: Record<string, Float64Array[]> = {
    milepost: predictQuantiles(
      model,
      taskMatrix(task, split.test),
      conformalCohorts(task, split.test),
    ),
    reference_class: referenceClassQuantiles(
      pickValues(task.y, trainRows),
      groupsOf(task, trainRows),
      groupsOf(task, split.test),
      levels,
    ),
    as_planned: levels.map(() => new Float64Array(split.test.length)),
  };
  const out: TaskResult = { scores: [], calibration: [] };
  for (const [name, q] of Object.entries(predictions)) {
    const r = quantileScores(yTest, q, levels, { source: task.source, split: label, model: name });
    out.scores.push(...r.scores);
    out.calibration.push(...r.calibration);
  }
  if (scored && inFlight)
    out.scores.push(...inFlightQuantileScores(task, scored, model, { label, ...inFlight }));
  return out;
}

/**
 * Scores Milepost's probability, a logistic baseline, the reference class and "as planned";
 * `fit` holds the source's model options (chosen on its training part).
 */
export function runBinaryTask(
  task: Task,
  split: TimeSplit,
  label: string,
  fit: BinaryFitOptions & { bag?: number } = {},
  inFlight?: InFlight,
): TaskResult {
  const trainRows = baselineRows(task, split, inFlight);
  const yTest = pickValues(task.y, split.test);
  const X = taskMatrix(task, split.test);
  const models = fitBinaryBag(task, split, fit);
  const predictions: Record<string, Float64Array> = {
    milepost: predictBinaryBag(models, X),
    logistic: fitLogisticBaseline(task, trainRows)(X),
    reference_class: referenceClassRate(
      pickValues(task.y, trainRows),
      groupsOf(task, trainRows),
      groupsOf(task, split.test),
    ),
    // "As planned" means every milestone is expected on time: P(late) = 0.
    as_planned: new Float64Array(split.test.length),
  };
  const out: TaskResult = { scores: [], calibration: [] };
  for (const [name, p] of Object.entries(predictions)) {
    const r = binaryScores(yTest, p, {
      source: task.source,
      split: label,
      model: name,
      target: task.target,
    });
    out.scores.push(...r.scores);
    out.calibration.push(...r.calibration);
  }
  if (inFlight?.split.inFlight.length)
    out.scores.push(...inFlightBinaryScores(task, inFlight.split, models, { label, ...inFlight }));
  return out;
}
