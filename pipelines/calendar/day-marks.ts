// Source data and overrides merged into one lookup keyed by day number: the single place that
// decides which marks win (an override beats the source, whichever way it points).
import { toDayNumber, yearOfDayNumber } from './iso-date.ts';
import type { CalendarOverrides } from './overrides.ts';
import type { CalendarSource } from './source.ts';

export interface DayMarks {
  /** Days off by day number -> display name (English where the source has it). */
  readonly holidays: ReadonlyMap<number, string>;
  /** Days that are working days whatever their weekday (make-up days and override workdays). */
  readonly workdays: ReadonlySet<number>;
  /** Years whose official schedule is known (source years plus years declared by overrides). */
  readonly coveredYears: readonly number[];
  /** Every marked day lies in these years, so outside them the weekend rule alone holds. */
  readonly firstYear: number;
  readonly lastYear: number;
}

export function mergeDayMarks(
  source: CalendarSource,
  overrides: readonly CalendarOverrides[],
): DayMarks {
  const holidays = new Map<number, string>();
  const workdays = new Set<number>();
  for (const [date, mark] of source.holidays) holidays.set(toDayNumber(date), mark.name);
  for (const date of source.workdays.keys()) workdays.add(toDayNumber(date));
  const covered = new Set(source.years);
  for (const layer of overrides) {
    for (const [date, name] of Object.entries(layer.holidays)) {
      const n = toDayNumber(date);
      workdays.delete(n);
      holidays.set(n, name);
    }
    for (const date of Object.keys(layer.workdays)) {
      const n = toDayNumber(date);
      holidays.delete(n);
      workdays.add(n);
    }
    for (const year of layer.coveredYears) covered.add(year);
  }
  const years = [...covered];
  for (const n of holidays.keys()) years.push(yearOfDayNumber(n));
  for (const n of workdays) years.push(yearOfDayNumber(n));
  const coveredYears = Object.freeze([...covered].sort((a, b) => a - b));
  // An empty source and no overrides leaves nothing to tabulate: an empty span (first > last).
  const firstYear = years.length > 0 ? Math.min(...years) : 1970;
  const lastYear = years.length > 0 ? Math.max(...years) : 1969;
  return { holidays, workdays, coveredYears, firstYear, lastYear };
}
