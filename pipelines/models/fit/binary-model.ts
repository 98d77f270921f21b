import type { Task } from '../backtest/tasks.ts';
import { trainingRows } from '../backtest/time-split.ts';
import type { FeatureMatrix } from '../learn/feature-matrix.ts';
import { asDataset, concatDatasets, gbdtDataset, type GbdtDataset } from '../learn/gbdt-dataset.ts';
import { fitGbdt, fitGbdtDetailed, type GbdtFitResult } from '../learn/gbdt-fit.ts';
import type { GbdtParamsInput } from '../learn/gbdt-params.ts';
import type { GbdtModel } from '../learn/gbdt-model.ts';
import { predictProbability } from '../learn/gbdt-predict.ts';
import {
  calibrate,
  fitIsotonic,
  type IsotonicCalibrator,
} from '../learn/probability-calibration.ts';
import { sampleInOrder } from '../learn/gbdt-sample.ts';
import { rngFor } from '../../random/prng.ts';
import { boostingSettings, LARGE_DATA_ROWS, largeDataCaps } from './model-settings.ts';
import { pickValues, taskMatrix } from './task-matrix.ts';

/** A gradient-boosted classifier, with its probabilities recalibrated on a later window. */
export interface BinaryModel {
  model: GbdtModel;
  /** Isotonic map from raw to calibrated probability, learnt on the calibration slice. */
  calibration: IsotonicCalibrator | null;
}

export interface BinaryFitOptions {
  weights?: Float64Array;
  /**
   * The task's rows binned already (from binaryDatasets with the same split and weights): tasks
   * with the same rows and features, or the members of a bag, then bin once.
   */
  datasets?: BinaryDatasets;
  calibrate?: boolean;
  refit?: boolean;
  /** Boosting settings replacing the size-based defaults (model selection). */
  settings?: Partial<ReturnType<typeof boostingSettings>>;
}

/** The binned rows of a classifier fit: identical for every task with the same rows and features. */
export interface BinaryDatasets {
  readonly train: GbdtDataset;
  /** The task rows of `train`: the fitting rows (on large data a seeded sample of them). */
  readonly trainRows: Int32Array;
  /** The calibration rows, binned like `train`. */
  readonly calibration: GbdtDataset;
  /** Early stopping's rows: the calibration rows (on large data a seeded sample of them). */
  readonly stopping: { readonly data: GbdtDataset; readonly rows: Int32Array };
  /** Fitting and calibration rows, binned afresh for the refit of small data (on first use). */
  readonly all: () => GbdtDataset;
  /** More than LARGE_DATA_ROWS fitting rows: the refit continues the first model. */
  readonly large: boolean;
}

/** Seed of the large-data row samples (streams 1, 2: fitting rows, early-stopping rows). */
const SAMPLE_SEED = 4243;

export function binaryDatasets(
  task: Task,
  split: { fit: Int32Array; calibration: Int32Array },
  w?: Float64Array,
): BinaryDatasets {
  const large = split.fit.length > LARGE_DATA_ROWS;
  const cap = (rows: Int32Array, max: number, stream: number) =>
    large ? sampleInOrder(rows, max, rngFor(SAMPLE_SEED, stream)) : rows;
  const matrix = (rows: Int32Array) => taskMatrix(task, rows, w ? pickValues(w, rows) : undefined);
  const trainRows = cap(split.fit, largeDataCaps.fitRows, 1);
  const train = gbdtDataset(matrix(trainRows), large ? { maxBins: largeDataCaps.maxBins } : {});
  const calibration = asDataset(taskMatrix(task, split.calibration), train.mapper);
  const stopRows = cap(split.calibration, largeDataCaps.earlyStoppingRows, 2);
  const stopData = large ? asDataset(taskMatrix(task, stopRows), train.mapper) : calibration;
  let all: GbdtDataset | null = null;
  return {
    train,
    trainRows,
    calibration,
    stopping: { data: stopData, rows: stopRows },
    all: () => (all ??= gbdtDataset(matrix(trainingRows(split)))),
    large,
  };
}

/**
 * Fits on the early part of the training window with early stopping on the calibration slice
 * (the end of the training window), learns the recalibration there, then refits on the whole
 * training window with a quarter more trees than early stopping chose (there is a quarter more
 * data): the newest months carry the most signal, and leaving them out cost 0.006 AUC on the
 * delayed-issues training windows. On large data the first model instead continues with that
 * quarter of trees on its rows plus the early-stopping rows (docs/forecasting.md).
 */
export function fitBinaryModel(
  task: Task,
  split: { fit: Int32Array; calibration: Int32Array },
  options: BinaryFitOptions = {},
): BinaryModel {
  const data = options.datasets ?? binaryDatasets(task, split, options.weights);
  return fitBinaryOn(task.y, split, data, options);
}

/** fitBinaryModel on rows binned already: `y` is the task's target (by task row). */
export function fitBinaryOn(
  y: Float64Array,
  split: { fit: Int32Array; calibration: Int32Array },
  data: BinaryDatasets,
  options: Omit<BinaryFitOptions, 'datasets' | 'weights'> = {},
): BinaryModel {
  const yCal = pickValues(y, split.calibration);
  const settings = classifierSettings(data, split.fit.length, options.settings);
  const yTrain = pickValues(y, data.trainRows);
  const yStop = pickValues(y, data.stopping.rows);
  const first = fitGbdtDetailed(data.train, yTrain, {
    ...settings,
    loss: { kind: 'logistic' },
    ...(split.calibration.length > 0
      ? { validation: { data: data.stopping.data, target: yStop } }
      : {}),
  });
  const inner = first.model;
  const calibration =
    options.calibrate === false || split.calibration.length < 50
      ? null
      : fitIsotonic(predictProbability(inner, data.calibration), yCal);
  if (options.refit === false || split.calibration.length === 0)
    return { model: inner, calibration };
  const trees = inner.trees.length;
  const model = data.large
    ? continueFit(data, first, [yTrain, yStop], { ...settings, loss: { kind: 'logistic' } })
    : fitGbdt(data.all(), pickValues(y, trainingRows(split)), {
        ...settings,
        loss: { kind: 'logistic' },
        maxIterations: Math.max(10, Math.round(trees * 1.25)),
      });
  return { model, calibration };
}

/** Size-based settings; a classifier fitted on a sample of its rows draws half of it per tree. */
function classifierSettings(
  data: BinaryDatasets,
  fitRows: number,
  overrides: BinaryFitOptions['settings'],
) {
  const sampled = data.trainRows.length < fitRows;
  return {
    ...boostingSettings(data.trainRows.length),
    ...(sampled ? { subsample: largeDataCaps.classifierSubsample } : {}),
    ...overrides,
  };
}

/**
 * Large data: the early-stopped model plus a quarter more trees grown on its own rows and the
 * early-stopping rows, starting from the scores the first fit already has for both.
 */
function continueFit(
  data: BinaryDatasets,
  first: GbdtFitResult,
  [yTrain, yStop]: [Float64Array, Float64Array],
  settings: GbdtParamsInput,
): GbdtModel {
  const join = (a: Float64Array, b: Float64Array) => {
    const out = new Float64Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  const scores = join(first.trainScores, first.validationScores ?? new Float64Array(0));
  return fitGbdt(concatDatasets(data.train, data.stopping.data), join(yTrain, yStop), {
    ...settings,
    warmStart: first.model,
    warmStartScores: { train: scores },
    maxIterations: Math.max(10, Math.round(first.model.trees.length * 0.25)),
  });
}

export function predictBinary(model: BinaryModel, data: FeatureMatrix | GbdtDataset): Float64Array {
  const p = predictProbability(model.model, data);
  return model.calibration ? calibrate(model.calibration, p) : p;
}

/**
 * `bag` classifiers differing only in their row-sampling seed, each calibrated as above; their
 * probabilities are averaged (less variance from the subsampling, same calibration).
 */
export function fitBinaryBag(
  task: Task,
  split: { fit: Int32Array; calibration: Int32Array },
  options: BinaryFitOptions & { bag?: number } = {},
): BinaryModel[] {
  const seed = options.settings?.seed ?? boostingSettings(split.fit.length).seed ?? 7;
  // The members differ only in their seed: they share the binned rows.
  const datasets = options.datasets ?? binaryDatasets(task, split, options.weights);
  return Array.from({ length: Math.max(1, options.bag ?? 1) }, (_, b) =>
    fitBinaryModel(task, split, {
      ...options,
      datasets,
      settings: { ...options.settings, seed: seed + b },
    }),
  );
}

export function predictBinaryBag(
  models: readonly BinaryModel[],
  data: FeatureMatrix | GbdtDataset,
): Float64Array {
  const ps = models.map((m) => predictBinary(m, data));
  const first = ps[0] ?? new Float64Array(0);
  return first.map((_, i) => ps.reduce((s, p) => s + (p[i] ?? 0), 0) / ps.length);
}
