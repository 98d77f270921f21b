// Named capacity shocks for partners in China. Public holidays come from the day marks (so the
// spans follow each year's official schedule); platform promotions use their usual windows.
import { dayNumberOf, fromDayNumber } from './iso-date.ts';
import type { DayMarks } from './day-marks.ts';
import { lunarNewYear } from './lunar-new-year.ts';

export type PeriodName = 'cny' | 'golden_week' | '618' | 'double11' | 'double12';

export interface Period {
  readonly name: PeriodName;
  readonly label: string;
  readonly labelZh: string;
  /** First and last day, inclusive (YYYY-MM-DD). */
  readonly start: string;
  readonly end: string;
  /** True when the year's official schedule is unknown and the span follows the usual pattern. */
  readonly estimated: boolean;
}

/** Calendar days added around the official Spring Festival holiday: partners wind down before
 * it and staff travelling home come back late, so capacity is low well beyond the official days. */
export interface CnyShutdown {
  readonly daysBefore: number;
  readonly daysAfter: number;
}

export const DEFAULT_CNY_SHUTDOWN: CnyShutdown = { daysBefore: 7, daysAfter: 7 };

const LABELS: Record<PeriodName, readonly [string, string]> = {
  cny: ['Chinese New Year shutdown', '春节停工期'],
  golden_week: ['Golden Week (National Day)', '国庆黄金周'],
  '618': ['618 shopping festival', '618年中大促'],
  double11: ['Double 11 (11.11)', '双十一'],
  double12: ['Double 12 (12.12)', '双十二'],
};

// Usual promotion windows (month, day): 11.11 pre-sales open around Oct 20.
const PROMOS: readonly (readonly [PeriodName, number, number, number, number])[] = [
  ['618', 6, 1, 6, 18],
  ['double11', 10, 20, 11, 11],
  ['double12', 12, 1, 12, 12],
];

// Holidays are at most ~10 days; the cap only guards against a runaway from bad overrides.
const MAX_SPAN_DAYS = 40;

/** The run of consecutive holidays containing `anchor`, or null when `anchor` is not a holiday. */
function holidayRun(marks: DayMarks, anchor: number): readonly [number, number] | null {
  if (!marks.holidays.has(anchor)) return null;
  let start = anchor;
  let end = anchor;
  while (anchor - start < MAX_SPAN_DAYS && marks.holidays.has(start - 1)) start--;
  while (end - anchor < MAX_SPAN_DAYS && marks.holidays.has(end + 1)) end++;
  return [start, end];
}

function period(name: PeriodName, start: number, end: number, estimated: boolean): Period {
  const [label, labelZh] = LABELS[name];
  // Frozen because calendars cache and share these objects between callers.
  return Object.freeze({
    name,
    label,
    labelZh,
    start: fromDayNumber(start),
    end: fromDayNumber(end),
    estimated,
  });
}

// Official span when the year is covered, else the usual pattern (given as [start, end]).
function holidayPeriod(
  name: PeriodName,
  marks: DayMarks,
  year: number,
  anchor: number,
  usual: readonly [number, number],
  widen: readonly [number, number] = [0, 0],
): Period {
  const official = marks.coveredYears.includes(year) ? holidayRun(marks, anchor) : null;
  const [start, end] = official ?? usual;
  return period(name, start - widen[0], end + widen[1], official === null);
}

/** The named periods of one Gregorian year, in start order. */
export function periodsOfYear(marks: DayMarks, year: number, shutdown: CnyShutdown): Period[] {
  const periods: Period[] = [];
  const newYear = lunarNewYear(year);
  if (newYear !== null) {
    // Recent schedules run from New Year's Eve to the 7th day of the first month.
    const usual = [newYear - 1, newYear + 6] as const;
    const widen = [shutdown.daysBefore, shutdown.daysAfter] as const;
    periods.push(holidayPeriod('cny', marks, year, newYear, usual, widen));
  }
  for (const [name, m1, d1, m2, d2] of PROMOS) {
    periods.push(period(name, dayNumberOf(year, m1, d1), dayNumberOf(year, m2, d2), false));
  }
  const october1 = dayNumberOf(year, 10, 1);
  periods.push(holidayPeriod('golden_week', marks, year, october1, [october1, october1 + 6]));
  return periods.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
