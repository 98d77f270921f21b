// One row per day for loading a `calendar_days` table, so SQL can join on dates and count
// workdays as a difference of indexes instead of calling back into JS.
import type { CalendarDay } from '../schema/records.ts';
import { dayNumberOf, fromDayNumber, toDayNumber } from './iso-date.ts';
import type { DayMarks } from './day-marks.ts';
import type { Period } from './periods.ts';
import { isWorkdayNumber, workdaysThrough } from './workday-index.ts';
import type { WorkdayIndex } from './workday-index.ts';

/** A `calendar_days` row: the canonical record `CalendarDay` (pipelines/schema/records.ts). */
export type CalendarDayRow = CalendarDay;

export interface CalendarDaysContext {
  readonly index: WorkdayIndex;
  readonly marks: DayMarks;
  readonly periodsOfYear: (year: number) => readonly Period[];
}

// Period names per day of the range, filled once so the day loop does a single array read.
function periodNames(
  context: CalendarDaysContext,
  fromYear: number,
  toYear: number,
  first: number,
  length: number,
) {
  const names: (string | null)[] = new Array<string | null>(length).fill(null);
  for (let year = fromYear - 1; year <= toYear + 1; year++) {
    for (const period of context.periodsOfYear(year)) {
      const start = Math.max(toDayNumber(period.start) - first, 0);
      const end = Math.min(toDayNumber(period.end) - first, length - 1);
      for (let i = start; i <= end; i++) {
        const current = names[i];
        names[i] = current ? `${current},${period.name}` : period.name;
      }
    }
  }
  return names;
}

export function* calendarDays(
  context: CalendarDaysContext,
  fromYear: number,
  toYear: number,
): Generator<CalendarDayRow, void, undefined> {
  if (!Number.isSafeInteger(fromYear) || !Number.isSafeInteger(toYear) || fromYear > toYear) {
    throw new RangeError(
      `calendarDays needs whole years with fromYear <= toYear, got ${fromYear}..${toYear}`,
    );
  }
  const { index, marks } = context;
  const first = dayNumberOf(fromYear, 1, 1);
  const length = dayNumberOf(toYear, 12, 31) - first + 1;
  const periods = periodNames(context, fromYear, toYear, first, length);
  const base = workdaysThrough(index, first - 1);
  for (let i = 0; i < length; i++) {
    const n = first + i;
    yield {
      date: fromDayNumber(n),
      isWorkday: isWorkdayNumber(index, n),
      holiday: marks.holidays.get(n) ?? null,
      period: periods[i] ?? null,
      workdayIndex: workdaysThrough(index, n) - base,
    };
  }
}
