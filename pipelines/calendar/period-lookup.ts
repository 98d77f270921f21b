// Period queries for one calendar: each year's periods are computed once and reused, because
// calendarDays and per-milestone lookups ask for the same few years again and again.
import type { DayMarks } from './day-marks.ts';
import { toDayNumber, yearOfDayNumber } from './iso-date.ts';
import { periodsOfYear } from './periods.ts';
import type { CnyShutdown, Period } from './periods.ts';

export interface PeriodLookup {
  periodsOfYear(year: number): readonly Period[];
  /** Periods overlapping [from, to] (inclusive, either order), by start date. */
  periodsBetween(from: string, to: string): Period[];
}

export function createPeriodLookup(marks: DayMarks, shutdown: CnyShutdown): PeriodLookup {
  const cache = new Map<number, readonly Period[]>();
  const ofYear = (year: number): readonly Period[] => {
    let periods = cache.get(year);
    if (!periods) cache.set(year, (periods = periodsOfYear(marks, year, shutdown)));
    return periods;
  };
  const between = (from: string, to: string): Period[] => {
    const [a, b] = [toDayNumber(from), toDayNumber(to)].sort((x, y) => x - y) as [number, number];
    const found: Period[] = [];
    // A year's CNY shutdown can start in the previous December when the extension is long.
    for (let year = yearOfDayNumber(a) - 1; year <= yearOfDayNumber(b) + 1; year++) {
      for (const p of ofYear(year)) {
        if (toDayNumber(p.start) <= b && toDayNumber(p.end) >= a) found.push(p);
      }
    }
    return found.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
  };
  return { periodsOfYear: ofYear, periodsBetween: between };
}
