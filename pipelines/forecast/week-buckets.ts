// Weekly buckets of per-run amounts, weeks starting on Monday (ISO weeks), and their bands.
import { fromDayNumber, weekdayOf } from '../calendar/iso-date.ts';

export interface WeekBand {
  /** Monday of the week, YYYY-MM-DD. */
  weekStart: string;
  p10: number;
  p50: number;
  p90: number;
}

/** The Monday on or before `day` (day numbers). */
export function mondayOf(day: number): number {
  return day - weekdayOf(day);
}

/** A flow: one amount per run, paid on days[r] in run r. */
export interface Flow {
  amount: number;
  days: Int32Array;
}

/**
 * Sums flows into weeks x runs ([w * runs + r]) from the week of `firstDay`; days before it fall
 * into the first week and days after the last week into the last one, so every run keeps its total.
 */
export function bucketWeekly(
  flows: readonly Flow[],
  firstDay: number,
  weeks: number,
  runs: number,
) {
  const monday = mondayOf(firstDay);
  const weekly = new Float64Array(weeks * runs);
  for (const { amount, days } of flows) {
    for (let r = 0; r < runs; r++) {
      const w = Math.min(weeks - 1, Math.max(0, Math.floor((days[r]! - monday) / 7)));
      weekly[w * runs + r]! += amount;
    }
  }
  return weekly;
}

/** Weeks needed from the week of `firstDay` through the latest flow day, at most `maxWeeks`. */
export function weeksSpanned(flows: readonly Flow[], firstDay: number, maxWeeks: number): number {
  let last = firstDay;
  for (const { days } of flows) {
    for (let i = 0; i < days.length; i++) if (days[i]! > last) last = days[i]!;
  }
  return Math.min(maxWeeks, Math.floor((last - mondayOf(firstDay)) / 7) + 1);
}

function band(values: Float64Array, weekStart: string): WeekBand {
  values.sort();
  const at = (q: number) => values[Math.max(0, Math.ceil(q * values.length - 1e-9) - 1)]!;
  return { weekStart, p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}

/** P10/P50/P90 per week of the amounts and of their running totals. */
export function weeklyBands(weekly: Float64Array, firstDay: number, runs: number) {
  const weeks = weekly.length / runs;
  const monday = mondayOf(firstDay);
  const running = new Float64Array(runs);
  const perWeek: WeekBand[] = [];
  const cumulative: WeekBand[] = [];
  for (let w = 0; w < weeks; w++) {
    const column = weekly.slice(w * runs, (w + 1) * runs);
    for (let r = 0; r < runs; r++) running[r]! += column[r]!;
    const weekStart = fromDayNumber(monday + 7 * w);
    perWeek.push(band(column, weekStart));
    cumulative.push(band(running.slice(), weekStart));
  }
  return { perWeek, cumulative };
}
