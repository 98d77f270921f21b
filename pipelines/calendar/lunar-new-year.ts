// Chinese New Year dates come from a generated reference table (see its $comment) because the
// package's lunar conversion depends on the process time zone.
import table from '../../data/reference/calendar/lunar-new-year.json' with { type: 'json' };
import { toDayNumber } from './iso-date.ts';

const dates: Readonly<Record<string, string>> = table.dates;

/** Day number of the first day of the first lunar month in `year`, or null outside the table. */
export function lunarNewYear(year: number): number | null {
  const date = dates[String(year)];
  return date === undefined ? null : toDayNumber(date);
}
