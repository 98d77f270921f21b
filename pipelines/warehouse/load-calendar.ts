import type { DuckDBConnection } from '@duckdb/node-api';
import { chinaCalendar, type Calendar } from '../calendar/index.ts';
import { queryRow } from './query.ts';

/** Years the warehouse calendar spans: the demo history and real exports fall inside it. */
export const CALENDAR_YEARS = { from: 2010, to: 2035 } as const;

/**
 * Fills `calendar_days` from the calendar module (holidays, make-up workdays, named periods and
 * the running workday index) when it is empty. SQL then counts working days as index differences.
 */
export async function ensureCalendarDays(
  conn: DuckDBConnection,
  calendar: Calendar = chinaCalendar,
): Promise<boolean> {
  const row = await queryRow<{ n: number }>(
    conn,
    'SELECT count(*)::INTEGER AS n FROM calendar_days',
  );
  if ((row?.n ?? 0) > 0) return false;
  await replaceCalendarDays(conn, calendar);
  return true;
}

/** Rewrites `calendar_days` (e.g. after the override file changed). */
export async function replaceCalendarDays(
  conn: DuckDBConnection,
  calendar: Calendar = chinaCalendar,
): Promise<number> {
  await conn.run('DELETE FROM calendar_days');
  const appender = await conn.createAppender('calendar_days');
  let n = 0;
  try {
    for (const day of calendar.calendarDays(CALENDAR_YEARS.from, CALENDAR_YEARS.to)) {
      appender.appendVarchar(day.date);
      appender.appendBoolean(day.isWorkday);
      if (day.holiday === null) appender.appendNull();
      else appender.appendVarchar(day.holiday);
      if (day.period === null) appender.appendNull();
      else appender.appendVarchar(day.period);
      appender.appendInteger(day.workdayIndex);
      appender.endRow();
      n += 1;
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return n;
}
