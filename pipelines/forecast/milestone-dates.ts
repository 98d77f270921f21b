// From a ratio distribution to calendar days: delivery = start + ceil(planned days x ratio).
// Days are calendar days (day numbers since 1970-01-01); working-day calendars are for the
// caller to apply when it sets the planned duration.
import { fromDayNumber } from '../calendar/iso-date.ts';
import type { QuantileDistribution } from './quantile-distribution.ts';
import { cdfAt, conditionOnSurvival, quantileAt } from './quantile-distribution.ts';

// planned x exp(log r) can land a hair above a whole day (10 x 1.5 = 15.000000000000002).
export const ROUNDING_SLACK = 1e-9;

export interface MilestoneTiming {
  /** Planned start (day number), or the actual start once `started`. */
  startDay: number;
  /** Planned duration in calendar days (baseline due - planned start). */
  plannedDays: number;
  /** Due day for P(on time); defaults to startDay + plannedDays. */
  dueDay?: number;
  /** In flight: the distribution is conditioned on the age reached at asOf. */
  started?: boolean;
}

export interface MilestoneForecast {
  quantiles: { level: number; day: number; date: string }[];
  pOnTime: number;
  /** The distribution the dates come from (conditioned on survival when started). */
  distribution: QuantileDistribution;
}

export function deliveryDay(startDay: number, plannedDays: number, ratio: number): number {
  return startDay + Math.ceil(plannedDays * ratio - ROUNDING_SLACK);
}

/** P(delivery on or before `day`) for a milestone starting on `startDay`. */
export function probabilityByDay(
  d: QuantileDistribution,
  timing: Pick<MilestoneTiming, 'startDay' | 'plannedDays'>,
  day: number,
): number {
  const span = day - timing.startDay;
  if (span < 0) return 0;
  return cdfAt(d, Math.log((span + ROUNDING_SLACK) / timing.plannedDays));
}

/** Delivery day at each level. */
export function deliveryQuantileDays(
  d: QuantileDistribution,
  timing: Pick<MilestoneTiming, 'startDay' | 'plannedDays'>,
  levels: readonly number[],
): number[] {
  return levels.map((u) =>
    deliveryDay(timing.startDay, timing.plannedDays, Math.exp(quantileAt(d, u))),
  );
}

/** The age of an in-flight milestone as a ratio of its planned duration. */
export function ageRatio(timing: Pick<MilestoneTiming, 'startDay' | 'plannedDays'>, asOf: number) {
  return (asOf - timing.startDay) / timing.plannedDays;
}

/**
 * P10/P50/P80/P90 (or `levels`) delivery dates and P(on or before due), as known on `asOf`:
 * a milestone not yet started cannot start before asOf; one in flight is conditioned on its age.
 */
export function milestoneForecast(
  d: QuantileDistribution,
  timing: MilestoneTiming,
  options: { asOf: number; levels?: readonly number[] },
): MilestoneForecast {
  if (!(timing.plannedDays > 0)) throw new RangeError('planned duration must be > 0 days');
  const { asOf, levels = [0.1, 0.5, 0.8, 0.9] } = options;
  const dist = timing.started ? conditionOnSurvival(d, ageRatio(timing, asOf)) : d;
  const startDay = timing.started ? timing.startDay : Math.max(timing.startDay, asOf);
  const at = { startDay, plannedDays: timing.plannedDays };
  const days = deliveryQuantileDays(dist, at, levels);
  const due = timing.dueDay ?? timing.startDay + timing.plannedDays;
  return {
    quantiles: levels.map((level, i) => ({ level, day: days[i]!, date: fromDayNumber(days[i]!) })),
    pOnTime: probabilityByDay(dist, at, due),
    distribution: dist,
  };
}
