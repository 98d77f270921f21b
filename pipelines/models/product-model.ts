import type { DuckDBConnection } from '@duckdb/node-api';
import type { BrandScope } from '../kpi/filter-sql.ts';
import { makeTask, type Task } from './backtest/tasks.ts';
import { landmarkSplits, type LandmarkSplit } from './backtest/landmark-split.ts';
import { timeOrderedSplit } from './backtest/time-split.ts';
import type { AttributeFeature } from './features/attribute-features.ts';
import { dayNumbersOf } from './features/day-numbers.ts';
import {
  landmarkTable,
  type LandmarkOptions,
  type LandmarkTable,
} from './features/landmark-rows.ts';
import { milestoneTable, type MilestoneTable } from './features/milestone-table.ts';
import type { BinaryModel } from './fit/binary-model.ts';
import { deliveryLevels } from './fit/model-settings.ts';
import { fitProductModels } from './fit/product-fits.ts';
import type { QuantileModel } from './fit/quantile-model.ts';
import type { ConformalCorrection } from './learn/conformal.ts';
import { ipcwWeights } from './learn/kaplan-meier.ts';
import { deserializeGbdt, serializeGbdt, type GbdtModelJson } from './learn/gbdt-serialize.ts';

/** Everything the API needs to forecast, as stored in `models.params`. */
export interface ProductModelParams {
  format: 'milepost-product-model';
  asOf: string;
  numeric: string[];
  categorical: { name: string; levels: string[] }[];
  attributes: AttributeFeature[];
  delivery: {
    levels: number[];
    models: GbdtModelJson[];
    corrections: ConformalCorrection[];
    /** Shifts of the forecasts issued in flight (absent in models stored before them). */
    inFlightCorrections?: ConformalCorrection[];
  };
  late: { model: GbdtModelJson; calibration: BinaryModel['calibration'] };
  dispute: { model: GbdtModelJson; calibration: BinaryModel['calibration'] };
}

/** The same, ready to predict with. */
export interface ProductModel {
  params: ProductModelParams;
  delivery: QuantileModel;
  late: BinaryModel;
  dispute: BinaryModel;
}

export interface TrainResult {
  params: ProductModelParams;
  /** The feature table as of asOf (its open rows get the first forecasts of the ledger). */
  table: MilestoneTable;
  /** Delivery rows trained on: start rows and landmark rows. */
  rows: number;
  window: { trainFrom: string; trainTo: string; calibrationFrom: string; calibrationTo: string };
}

const dayToIso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
const dayOfIso = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;

/**
 * Product tasks: milestones due at least `settleDays` before asOf, so that a slow milestone still
 * open does not vanish from the recent end of the training data (its lateness is known anyway).
 */
function productTasks(table: LandmarkTable, asOf: string, settleDays: number): Task[] {
  const cutoff = dayOfIso(asOf) - settleDays;
  const due = dayNumbersOf(table.meta.baselineDue);
  const settled = (y: Float64Array) => y.map((v, i) => ((due[i] ?? NaN) < cutoff ? v : NaN));
  const base = { source: 'warehouse' };
  return [
    // Delivery learns from every started milestone: open ones enter through censoring weights.
    makeTask(table, { ...base, kind: 'quantile', target: 'log_ratio', y: table.logRatio }),
    makeTask(table, { ...base, kind: 'binary', target: 'late', y: settled(table.late) }),
    makeTask(table, { ...base, kind: 'binary', target: 'disputed', y: settled(table.disputed) }),
  ];
}

/**
 * Inverse-probability-of-censoring weights for the delivery rows: a milestone still open after
 * running r x its plan says "slower than r", and dropping it would bias durations short (the slow
 * ones are the open ones). Kaplan-Meier of the censoring (over the milestones, start rows only)
 * gives each completed milestone the weight 1 / P(still observed at its duration), so the
 * completed stand for the open too; a landmark row gets its milestone's weight.
 */
function censoringWeights(table: LandmarkTable, task: Task): Float64Array {
  const y = table.logRatio.subarray(0, table.baseRows);
  const time = Float64Array.from(y, (v, i) =>
    Number.isFinite(v) ? v : (table.censoredAt[i] ?? NaN),
  );
  const event = Float64Array.from(y, (v) => (Number.isFinite(v) ? 1 : 0));
  const w = ipcwWeights(time, event);
  const milestoneOf = (r: number) => (r < table.baseRows ? r : (table.parent[r] ?? r));
  return Float64Array.from(task.rows, (r) => w[milestoneOf(r)] ?? 0);
}

/**
 * The whole settled history trains; the newest 20% of its milestones (by start) calibrates (no
 * test window in production). Landmark rows follow their milestone; the conformal window of the
 * delivery quantiles keeps start rows only (its landmark rows fit the in-flight shifts apart), the
 * classifiers' window has both.
 */
function productSplit(task: Task, training: LandmarkTable): LandmarkSplit {
  const whole = (time: Float64Array) => [timeOrderedSplit(time, { trainShare: 1 })];
  const calibrateInFlight = task.kind === 'binary';
  return landmarkSplits(task, training, whole, { calibrateInFlight })[0]!;
}

/** Fits the delivery quantiles and both risk models on the warehouse's history as of `asOf`. */
export async function trainProductModel(
  conn: DuckDBConnection,
  options: {
    asOf: string;
    scope?: BrandScope;
    settleDays?: number;
    /** Landmark rows per milestone (`{ max: 0 }`: start rows only, as before landmarks). */
    landmarks?: LandmarkOptions;
    onStep?: (s: string) => void;
  },
): Promise<TrainResult> {
  const step = options.onStep ?? (() => {});
  step('features');
  const table = await milestoneTable(conn, { asOf: options.asOf, scope: options.scope ?? null });
  // Start rows and landmark rows (events dated on or before asOf only) train.
  const training = await landmarkTable(conn, table, options.asOf, options.landmarks);
  const [delivery, late, dispute] = productTasks(training, options.asOf, options.settleDays ?? 60);
  const starts = delivery ? delivery.rows.filter((r) => r < training.baseRows).length : 0;
  if (!delivery || !late || !dispute || starts < 200) {
    throw new Error(`too little settled history to train on (${starts} milestones; need 200)`);
  }
  const split = (t: Task) => productSplit(t, training);
  const deliverySplit = split(delivery);
  // On large data the five levels and both risk models in one pool of two threads (the same
  // models as one after another); otherwise the quantiles, then the risk models.
  const fitted = fitProductModels(
    {
      task: delivery,
      split: deliverySplit,
      options: {
        levels: deliveryLevels,
        weights: censoringWeights(training, delivery),
        inFlightCalibration: deliverySplit.calibrationInFlight,
      },
    },
    [
      { task: late, split: split(late) },
      { task: dispute, split: split(dispute) },
    ],
    step,
  );
  const q = fitted.delivery;
  const [l, d] = fitted.risks as [BinaryModel, BinaryModel];
  const s = deliverySplit;
  const t = delivery.time;
  const first = (rows: Int32Array) => dayToIso(t[rows[0] ?? 0] ?? 0);
  const last = (rows: Int32Array) => dayToIso(t[rows[rows.length - 1] ?? 0] ?? 0);
  return {
    params: {
      format: 'milepost-product-model',
      asOf: options.asOf,
      numeric: [...delivery.numeric.keys()],
      categorical: [...delivery.categorical].map(([name, c]) => ({ name, levels: c.levels })),
      attributes: table.attributes,
      delivery: {
        levels: q.levels,
        models: q.models.map(serializeGbdt),
        corrections: q.corrections,
        ...(q.inFlightCorrections ? { inFlightCorrections: q.inFlightCorrections } : {}),
      },
      late: { model: serializeGbdt(l.model), calibration: l.calibration },
      dispute: { model: serializeGbdt(d.model), calibration: d.calibration },
    },
    table,
    rows: s.fit.length + s.calibration.length,
    window: {
      trainFrom: first(s.fit),
      trainTo: last(s.fit),
      calibrationFrom: first(s.calibration),
      calibrationTo: last(s.calibration),
    },
  };
}

/** Rebuilds the fitted models from stored parameters. */
export function productModelFrom(params: ProductModelParams): ProductModel {
  return {
    params,
    delivery: {
      levels: params.delivery.levels,
      models: params.delivery.models.map(deserializeGbdt),
      corrections: params.delivery.corrections,
      ...(params.delivery.inFlightCorrections
        ? { inFlightCorrections: params.delivery.inFlightCorrections }
        : {}),
    },
    late: { model: deserializeGbdt(params.late.model), calibration: params.late.calibration },
    dispute: {
      model: deserializeGbdt(params.dispute.model),
      calibration: params.dispute.calibration,
    },
  };
}
