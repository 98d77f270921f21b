// Holiday data from the `chinese-days` package. Its JSON is read directly rather than through the
// package's functions: those parse dates as UTC but read them back in local time, so in any zone
// west of UTC they answer for the previous day (isWorkday('2024-02-05') is false in New York).
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import pkg from 'chinese-days/package.json' with { type: 'json' };
import type { CalendarSource, DayMark } from './source.ts';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// Entries look like "Spring Festival,春节,4": English name, Chinese name, statutory day count.
function toMarks(entries: Record<string, string>): Map<string, DayMark> {
  const marks = new Map<string, DayMark>();
  for (const [date, value] of Object.entries(entries)) {
    const [name = value, nameZh = ''] = value.split(',');
    marks.set(date, { name, nameZh });
  }
  return marks;
}

function yearsOf(dates: Iterable<string>): number[] {
  const years = new Set<number>();
  for (const date of dates) years.add(Number(date.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

let cached: CalendarSource | undefined;

/** The `chinese-days` data as a CalendarSource (built once; the data is static). */
export function chineseDaysSource(): CalendarSource {
  if (cached) return cached;
  const raw: ChineseDaysData = data;
  const holidays = toMarks(raw.holidays);
  cached = {
    id: `chinese-days@${pkg.version}`,
    years: yearsOf(holidays.keys()),
    holidays,
    workdays: toMarks(raw.workdays),
  };
  return cached;
}
