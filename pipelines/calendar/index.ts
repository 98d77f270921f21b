// Public API of the China calendar. Everything else in this folder is an implementation detail.
import { createCalendar } from './create-calendar.ts';
import type { Calendar } from './create-calendar.ts';

export { createCalendar } from './create-calendar.ts';
export type { Calendar, CalendarOptions } from './create-calendar.ts';
export type { CalendarDayRow } from './calendar-days.ts';
export type { CnyShutdown, Period, PeriodName } from './periods.ts';
export { DEFAULT_CNY_SHUTDOWN } from './periods.ts';
export type { CalendarOverrides, CalendarOverridesInput } from './overrides.ts';
export { CalendarOverridesError, parseOverrides } from './overrides.ts';
export { DEFAULT_OVERRIDES_FILE, readOverridesFile } from './read-overrides.ts';
export type { CalendarSource, DayMark } from './source.ts';
export { chineseDaysSource } from './source-chinese-days.ts';

let shared: Calendar | undefined;

// Built on first use so importing the module costs nothing and a broken override file fails
// where the calendar is used, with the file named in the error.
function instance(): Calendar {
  shared ??= createCalendar();
  return shared;
}

/** The shared calendar: chinese-days data plus data/reference/calendar/overrides.json. */
export const chinaCalendar: Calendar = {
  get source() {
    return instance().source;
  },
  get coveredYears() {
    return instance().coveredYears;
  },
  isCovered: (date) => instance().isCovered(date),
  isWorkday: (date) => instance().isWorkday(date),
  isHoliday: (date) => instance().isHoliday(date),
  addWorkdays: (date, n) => instance().addWorkdays(date, n),
  workdaysBetween: (from, to) => instance().workdaysBetween(from, to),
  periodsBetween: (from, to) => instance().periodsBetween(from, to),
  periodsOn: (date) => instance().periodsOn(date),
  calendarDays: (fromYear, toYear) => instance().calendarDays(fromYear, toYear),
};
