import { conformalCohorts, type Task } from '../backtest/tasks.ts';
import { trainingRows } from '../backtest/time-split.ts';
import type { FeatureMatrix } from '../learn/feature-matrix.ts';
import { asDataset, gbdtDataset, type GbdtDataset } from '../learn/gbdt-dataset.ts';
import { fitGbdt, type GbdtFitOptions } from '../learn/gbdt-fit.ts';
import type { GbdtModel } from '../learn/gbdt-model.ts';
import { predict } from '../learn/gbdt-predict.ts';
import { applyAtomSnap, fitAtomSnap, type AtomSnap } from '../learn/atom-snap.ts';
import {
  applyQuantileCorrection,
  fitQuantileCorrection,
  type ConformalCorrection,
} from '../learn/conformal.ts';
import { fitGbdtMany } from '../learn/gbdt-fit-many.ts';
import { sampleInOrder } from '../learn/gbdt-sample.ts';
import { rngFor } from '../../random/prng.ts';
import {
  boostingSettings,
  deliveryLevels,
  LARGE_DATA_ROWS,
  largeDataCaps,
} from './model-settings.ts';
import { pickValues, taskMatrix } from './task-matrix.ts';
import { fitInFlightCorrections, type InFlightCalibration } from './in-flight-shifts.ts';

/** Gradient-boosted quantiles of the target, conformally corrected on a later window. */
export interface QuantileModel {
  levels: number[];
  models: GbdtModel[];
  /** Conformal correction per level: a global shift and per-cohort shifts where data allow. */
  corrections: ConformalCorrection[];
  /**
   * The same for forecasts issued in flight (fitted on the window's landmark rows, conditioned on
   * R > age); absent when the window had too few of them (or a model stored before): start shifts.
   */
  inFlightCorrections?: ConformalCorrection[];
  /** Snapping onto an atom of the outcome, for the levels fitted with `atom` (after correction). */
  atomSnaps?: AtomSnap[];
}

export interface QuantileFitOptions {
  levels?: readonly number[];
  weights?: Float64Array;
  /**
   * Refit each level (or the levels listed) on the fitting and calibration rows with a quarter
   * more trees than early stopping chose, keeping the conformal shifts learnt from the first fit.
   */
  refit?: boolean | readonly number[];
  /** Boosting settings replacing the size-based defaults (model selection experiments). */
  settings?: Partial<ReturnType<typeof boostingSettings>>;
  /** Minimum calibration rows for a cohort of its own (default 300). */
  cohortMinRows?: number;
  /** An outcome value with a point mass, and the levels whose forecasts may snap onto it. */
  atom?: { value: number; levels: readonly number[] };
  /** The calibration window's landmark rows: in-flight shifts from `cohortMinRows` of them. */
  inFlightCalibration?: InFlightCalibration;
}

/** Seed of the large-data row samples (streams 1, 2: fitting rows, early-stopping rows). */
const SAMPLE_SEED = 4242;

/** Early stopping uses the last 15% of the fitting rows; the calibration rows stay untouched. */
function splitTail(rows: Int32Array): [Int32Array, Int32Array] {
  const cut = tailCut(rows.length);
  return [rows.slice(0, cut), rows.slice(cut)];
}

const tailCut = (rows: number, share = 0.15) => Math.floor(rows * (1 - share));

/** Whether a quantile fit on `fitRows` fitting rows takes the large-data path. */
export function largeQuantileFit(fitRows: number): boolean {
  return tailCut(fitRows) > LARGE_DATA_ROWS;
}

/**
 * The binned training rows and early-stopping rows; on large data a seeded sample of each
 * (time order kept).
 */
function fittingSets(task: Task, fit: Int32Array, w: Float64Array | undefined) {
  const [fitRows, stopRows] = splitTail(fit);
  const large = largeQuantileFit(fit.length);
  const cap = (rows: Int32Array, max: number, stream: number) =>
    large ? sampleInOrder(rows, max, rngFor(SAMPLE_SEED, stream)) : rows;
  const trainRows = cap(fitRows, largeDataCaps.fitRows, 1);
  const validRows = cap(stopRows, largeDataCaps.earlyStoppingRows, 2);
  const matrix = taskMatrix(task, trainRows, w ? pickValues(w, trainRows) : undefined);
  const train = gbdtDataset(matrix, large ? { maxBins: largeDataCaps.maxBins } : {});
  const valid = {
    data: asDataset(taskMatrix(task, validRows), train.mapper),
    target: pickValues(task.y, validRows),
  };
  return { train, valid, yTrain: pickValues(task.y, trainRows), large };
}

/** A quantile fit ready for its level fits: binned rows, one fit per level, calibration rows. */
export interface QuantilePrep {
  readonly levels: number[];
  readonly settings: ReturnType<typeof boostingSettings>;
  readonly train: GbdtDataset;
  readonly yTrain: Float64Array;
  /** One per level, each early-stopping on the same rows. */
  readonly fits: GbdtFitOptions[];
  /** The calibration rows, binned like `train` (each level's model predicts them). */
  readonly cal: GbdtDataset;
  readonly large: boolean;
}

export function fitQuantileModel(
  task: Task,
  split: { fit: Int32Array; calibration: Int32Array },
  options: QuantileFitOptions = {},
): QuantileModel {
  const prep = prepareQuantileFit(task, split, options);
  // Each model also predicts the calibration rows, on the thread that fitted it.
  const fitted = fitGbdtMany(prep.train, prep.yTrain, prep.fits, {
    parallel: prep.large,
    predictOn: prep.cal,
  });
  return finishQuantileModel(task, split, options, prep, fitted);
}

/** The binned rows and the fit of each level (fitted by fitGbdtMany or a shared pool). */
export function prepareQuantileFit(
  task: Task,
  split: { fit: Int32Array; calibration: Int32Array },
  options: QuantileFitOptions = {},
): QuantilePrep {
  const levels = [...(options.levels ?? deliveryLevels)];
  const { train, valid, yTrain, large } = fittingSets(task, split.fit, options.weights);
  const settings = { ...boostingSettings(train.rows), ...options.settings };
  // Independent fits per level (warm-starting them from the P50 cost pinball loss at P10 and
  // P80 on the demo training part); on large data on two threads.
  const fits = levels.map((alpha) => ({
    ...settings,
    loss: { kind: 'quantile', alpha } as const,
    validation: valid,
  }));
  const cal = asDataset(taskMatrix(task, split.calibration), train.mapper);
  return { levels, settings, train, yTrain, fits, cal, large };
}

/**
 * The model from the fitted levels (in the order of `prep.fits`) and their predictions of the
 * calibration rows: conformal shifts, atom snaps and the refit the options ask for.
 */
export function finishQuantileModel(
  task: Task,
  split: { fit: Int32Array; calibration: Int32Array },
  options: QuantileFitOptions,
  prep: QuantilePrep,
  fitted: { models: GbdtModel[]; predictions: readonly Float64Array[] | null },
): QuantileModel {
  const { levels, cal } = prep;
  const models = fitted.models;
  const w = options.weights;
  const yCal = pickValues(task.y, split.calibration);
  const cohorts = conformalCohorts(task, split.calibration);
  const corrections = conformalShifts(fitted.predictions ?? [], levels, yCal, {
    cohorts,
    minCount: options.cohortMinRows ?? 300,
    ...(w ? { weights: pickValues(w, split.calibration) } : {}),
  });
  const atom = options.atom;
  const atomSnaps = atom
    ? predictQuantiles({ levels, models, corrections }, cal, cohorts).flatMap((q, k) => {
        const level = levels[k] ?? 0.5;
        return atom.levels.includes(level) ? [fitAtomSnap(yCal, q, level, atom.value)] : [];
      })
    : undefined;
  const inFlightCorrections = inFlightShifts(task, options, prep, models);
  const refit = options.refit;
  return {
    levels,
    models: refit ? refitLevels(task, split, models, prep.settings, w, refit) : models,
    corrections,
    ...(inFlightCorrections ? { inFlightCorrections } : {}),
    ...(atomSnaps ? { atomSnaps } : {}),
  };
}

/** In-flight shifts from the window's landmark rows (predicted here: a few thousand rows). */
function inFlightShifts(
  task: Task,
  options: QuantileFitOptions,
  prep: QuantilePrep,
  models: readonly GbdtModel[],
): ConformalCorrection[] | undefined {
  const window = options.inFlightCalibration;
  const minCount = options.cohortMinRows ?? 300;
  if (!window || window.rows.length < minCount) return undefined;
  const data = asDataset(taskMatrix(task, window.rows), prep.train.mapper);
  const w = options.weights;
  return fitInFlightCorrections(
    models.map((m) => predict(m, data)),
    pickValues(task.y, window.rows),
    window.age,
    prep.levels,
    {
      cohorts: conformalCohorts(task, window.rows),
      minCount,
      ...(w ? { weights: pickValues(w, window.rows) } : {}),
    },
  );
}

/** The conformal correction of each level, from its predictions of the calibration rows. */
function conformalShifts(
  predictions: readonly Float64Array[],
  levels: readonly number[],
  yCal: Float64Array,
  options: { cohorts: string[]; minCount: number; weights?: Float64Array },
): ConformalCorrection[] {
  return predictions.map((p, k) => fitQuantileCorrection(yCal, p, levels[k] ?? 0.5, options));
}

/**
 * Corrected quantiles per level for the rows of `data` (one Float64Array per level), repaired
 * so that they never cross. Rows flagged `inFlight` (an open milestone with its age and state)
 * take the model's in-flight shifts when it has them; the others (a milestone at its start, a
 * draft plan) the start shifts.
 */
export function predictQuantiles(
  model: QuantileModel,
  data: FeatureMatrix | GbdtDataset,
  cohorts?: readonly string[],
  inFlight?: ArrayLike<boolean>,
): Float64Array[] {
  const out = model.models.map((m, k) => {
    const p = predict(m, data);
    const corrected = withShift(p, model.corrections[k], cohorts);
    const flight = inFlight && model.inFlightCorrections?.[k];
    if (flight) {
      const f = withShift(p, flight, cohorts);
      for (let i = 0; i < p.length; i++) if (inFlight[i]) corrected[i] = f[i]!;
    }
    const snap = model.atomSnaps?.find((a) => a.level === model.levels[k]);
    return snap ? applyAtomSnap(snap, corrected) : corrected;
  });
  const rows = out[0]?.length ?? 0;
  for (let i = 0; i < rows; i++) {
    for (let k = 1; k < out.length; k++) {
      const prev = (out[k - 1] as Float64Array)[i] ?? 0;
      const cur = out[k] as Float64Array;
      if ((cur[i] ?? 0) < prev) cur[i] = prev;
    }
  }
  return out;
}

const withShift = (p: Float64Array, c?: ConformalCorrection, cohorts?: readonly string[]) =>
  c ? applyQuantileCorrection(c, p, cohorts) : p;

function refitLevels(
  task: Task,
  split: { fit: Int32Array; calibration: Int32Array },
  models: GbdtModel[],
  settings: ReturnType<typeof boostingSettings>,
  w: Float64Array | undefined,
  which: true | readonly number[],
): GbdtModel[] {
  const all = trainingRows(split);
  const data = gbdtDataset(taskMatrix(task, all, w ? pickValues(w, all) : undefined));
  const y = pickValues(task.y, all);
  const chosen = (m: GbdtModel) =>
    which === true || (m.loss.kind === 'quantile' && which.includes(m.loss.alpha));
  return models.map((m) =>
    !chosen(m)
      ? m
      : fitGbdt(data, y, {
          ...settings,
          loss: m.loss,
          maxIterations: Math.max(10, Math.round(m.trees.length * 1.25)),
        }),
  );
}
