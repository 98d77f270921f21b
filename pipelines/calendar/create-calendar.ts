// Builds a Calendar: the holiday source, then the override file, then programmatic overrides,
// tabulated once into a workday index that every query reads.
import { calendarDays } from './calendar-days.ts';
import type { CalendarDayRow } from './calendar-days.ts';
import { mergeDayMarks } from './day-marks.ts';
import { toDayNumber, yearOfDayNumber } from './iso-date.ts';
import { parseOverrides } from './overrides.ts';
import type { CalendarOverrides, CalendarOverridesInput } from './overrides.ts';
import { createPeriodLookup } from './period-lookup.ts';
import { DEFAULT_CNY_SHUTDOWN } from './periods.ts';
import type { CnyShutdown, Period } from './periods.ts';
import { DEFAULT_OVERRIDES_FILE, readOverridesFile } from './read-overrides.ts';
import type { CalendarSource } from './source.ts';
import { chineseDaysSource } from './source-chinese-days.ts';
import { buildWorkdayIndex, isWorkdayNumber } from './workday-index.ts';
import { addWorkdays, workdaysBetween } from './workday-math.ts';

export interface CalendarOptions {
  /** Holiday data; defaults to the `chinese-days` package. */
  source?: CalendarSource;
  /** Override file to apply; defaults to data/reference/calendar/overrides.json, null for none. */
  overridesFile?: string | URL | null;
  /** Overrides applied after the file (validated like the file). */
  overrides?: CalendarOverridesInput;
  /** Days added before and after the official Spring Festival holiday (default 7 and 7). */
  cnyShutdown?: Partial<CnyShutdown>;
}

export interface Calendar {
  /** Provenance of the holiday data, e.g. "chinese-days@1.5.7". */
  readonly source: string;
  /** Years whose official schedule is known; other years follow the Monday-Friday rule. */
  readonly coveredYears: readonly number[];
  isCovered(date: string): boolean;
  isWorkday(date: string): boolean;
  /** The holiday's name (English where known), or null for working days and plain weekends. */
  isHoliday(date: string): string | null;
  /** n-th workday after (n > 0) or before (n < 0) the date; the date itself for n = 0. */
  addWorkdays(date: string, n: number): string;
  /** Workdays in (from, to]; negative (workdays in [to, from)) when to < from. */
  workdaysBetween(from: string, to: string): number;
  /** Periods overlapping [from, to] (inclusive, either order), by start date. */
  periodsBetween(from: string, to: string): Period[];
  periodsOn(date: string): Period[];
  /** One row per day from fromYear-01-01 to toYear-12-31. */
  calendarDays(fromYear: number, toYear: number): Generator<CalendarDayRow, void, undefined>;
}

function shutdownOf(input: Partial<CnyShutdown> | undefined): CnyShutdown {
  const shutdown = { ...DEFAULT_CNY_SHUTDOWN, ...input };
  for (const [key, value] of Object.entries(shutdown)) {
    if (!Number.isInteger(value) || value < 0 || value > 90) {
      throw new RangeError(
        `cnyShutdown.${key} must be a whole number of days in 0..90, got ${value}`,
      );
    }
  }
  return shutdown;
}

function overrideLayers(options: CalendarOptions): CalendarOverrides[] {
  const layers: CalendarOverrides[] = [];
  const file = options.overridesFile === undefined ? DEFAULT_OVERRIDES_FILE : options.overridesFile;
  if (file !== null) layers.push(readOverridesFile(file));
  if (options.overrides !== undefined)
    layers.push(parseOverrides(options.overrides, 'options.overrides'));
  return layers;
}

export function createCalendar(options: CalendarOptions = {}): Calendar {
  const source = options.source ?? chineseDaysSource();
  const shutdown = shutdownOf(options.cnyShutdown);
  const marks = mergeDayMarks(source, overrideLayers(options));
  const index = buildWorkdayIndex(marks);
  const covered = new Set(marks.coveredYears);
  const periods = createPeriodLookup(marks, shutdown);
  return {
    source: source.id,
    coveredYears: marks.coveredYears,
    isCovered: (date) => covered.has(yearOfDayNumber(toDayNumber(date))),
    isWorkday: (date) => isWorkdayNumber(index, toDayNumber(date)),
    isHoliday: (date) => marks.holidays.get(toDayNumber(date)) ?? null,
    addWorkdays: (date, n) => addWorkdays(index, date, n),
    workdaysBetween: (from, to) => workdaysBetween(index, from, to),
    periodsBetween: (from, to) => periods.periodsBetween(from, to),
    periodsOn: (date) => periods.periodsBetween(date, date),
    calendarDays: (fromYear, toYear) =>
      calendarDays({ index, marks, periodsOfYear: periods.periodsOfYear }, fromYear, toYear),
  };
}
