import { fromDayNumber, toDayNumber } from '../../calendar/iso-date.ts';
import { milestoneForecast } from '../../forecast/milestone-dates.ts';
import {
  quantileDistribution,
  type QuantileDistribution,
} from '../../forecast/quantile-distribution.ts';
import { openStatuses, type MilestoneTable } from '../features/milestone-table.ts';
import type { ProductModel } from '../product-model.ts';
import { modelMatrix } from './model-matrix.ts';
import { predictRows, type Factor } from './predict-rows.ts';

/** A forecast of one open milestone, as the API serves it. */
export interface OpenMilestoneForecast {
  row: number;
  milestoneId: string;
  projectId: string;
  brandId: string;
  partnerId: string;
  status: string;
  plannedStart: string;
  baselineDue: string;
  dueDate: string;
  plannedDays: number;
  started: boolean;
  /** Unconditional log-ratio distribution (the simulation conditions on age itself). */
  distribution: QuantileDistribution;
  delivery: { p10: string; p50: string; p80: string; p90: string; p95: string };
  pOnTime: number;
  pLate: number;
  pDispute: number;
  lateFactors: Factor[];
  disputeFactors: Factor[];
}

/** Rows of the table that are still open on asOf (not approved, not rejected). */
export function openRows(table: MilestoneTable): Int32Array {
  return Int32Array.from(table.ids.keys()).filter(
    (i) => table.meta.approved[i] === null && openStatuses.has(table.meta.status[i] ?? ''),
  );
}

export interface ForecastOverrides {
  /** What-if: a moved due date (ISO). */
  dueDate?: string;
  /** What-if: feature values replaced (e.g. another partner's history). */
  features?: Record<string, number>;
}

/**
 * Forecasts the given rows: delivery quantile dates (conditioned on age for work in flight),
 * P(on or before the due date), calibrated P(late) and P(dispute) with their main factors.
 */
export function forecastRows(
  model: ProductModel,
  table: MilestoneTable,
  rows: Int32Array,
  asOf: string,
  overrides: ForecastOverrides = {},
): OpenMilestoneForecast[] {
  const asOfDay = toDayNumber(asOf);
  // A moved due date changes what "on time" means, not the work: the delivery distribution stays
  // that of the planned duration (so a due date moved to the P80 is met 80% of the time).
  const planned = (r: number) => {
    const start = toDayNumber(table.meta.plannedStart[r] ?? asOf);
    const baseline = toDayNumber(table.meta.baselineDue[r] ?? asOf);
    const due = overrides.dueDate ? toDayNumber(overrides.dueDate) : baseline;
    return { start, due, days: Math.max(1, baseline - start) };
  };
  // In flight only when work has begun: a milestone still 'planned' past its planned start
  // (e.g. waiting for a predecessor) starts no earlier than today instead. In flight, the
  // forecast is conditioned on the age and takes the in-flight conformal shifts.
  const inFlight = Array.from(
    rows,
    (r) => planned(r).start < asOfDay && table.meta.status[r] !== 'planned',
  );
  const matrix = modelMatrix(model.params, table, rows, overrides.features);
  const pred = predictRows(model, table, matrix, rows, inFlight);
  const levels = model.delivery.levels;
  return Array.from(rows, (r, i) => {
    const p = planned(r);
    const dist = quantileDistribution(
      levels,
      pred.logRatio.map((q) => q[i] ?? 0),
    );
    const started = inFlight[i] ?? false;
    const f = milestoneForecast(
      dist,
      { startDay: p.start, plannedDays: p.days, dueDay: p.due, started },
      {
        asOf: asOfDay,
        levels: [0.1, 0.5, 0.8, 0.9, 0.95],
      },
    );
    const date = (k: number) => f.quantiles[k]?.date ?? fromDayNumber(p.due);
    return {
      row: r,
      milestoneId: table.ids[r] ?? '',
      projectId: table.meta.project[r] ?? '',
      brandId: table.meta.brand[r] ?? '',
      partnerId: table.meta.partner[r] ?? '',
      status: table.meta.status[r] ?? '',
      plannedStart: table.meta.plannedStart[r] ?? '',
      baselineDue: table.meta.baselineDue[r] ?? '',
      dueDate: fromDayNumber(p.due),
      plannedDays: p.days,
      started,
      distribution: dist,
      delivery: { p10: date(0), p50: date(1), p80: date(2), p90: date(3), p95: date(4) },
      pOnTime: f.pOnTime,
      // Past due and not delivered: late is a fact, not a forecast, and the fact is the reason.
      pLate: asOfDay > p.due ? 1 : clampProbability(pred.pLate[i] ?? NaN),
      pDispute: clampProbability(pred.pDispute[i] ?? NaN),
      lateFactors:
        asOfDay > p.due
          ? [pastDueFactor(asOfDay - p.due, clampProbability(pred.pLate[i] ?? NaN))]
          : (pred.lateFactors[i] ?? []),
      disputeFactors: pred.disputeFactors[i] ?? [],
    };
  });
}

/** Calibration maps can reach 0 or 1 on a thin top bin; a forecast is never that sure. */
function clampProbability(p: number): number {
  return Math.min(0.995, Math.max(0.005, p));
}

/**
 * The reason of an overdue milestone's P(late) = 1: days past its due date. Its effect is how far
 * the fact moves the model's log-odds, up to the probability clip (0.995).
 */
function pastDueFactor(days: number, modelP: number): Factor {
  const logit = (p: number) => Math.log(p / (1 - p));
  const effect = Number.isFinite(modelP) ? Math.max(0, logit(0.995) - logit(modelP)) : 0;
  return { feature: 'days_past_due', value: days, effect };
}
