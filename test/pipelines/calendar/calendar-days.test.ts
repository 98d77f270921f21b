import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../pipelines/calendar/index.ts';
import type { CalendarDayRow } from '../../../pipelines/calendar/index.ts';
import { CalendarDay } from '../../../pipelines/schema/records.ts';

const calendar = createCalendar({ overridesFile: null });
const rows: CalendarDayRow[] = [...calendar.calendarDays(2015, 2026)];
const byDate = new Map(rows.map((row) => [row.date, row]));

describe('calendarDays', () => {
  it('emits one row per day, in order, with no gaps', () => {
    expect(rows).toHaveLength(4383); // 12 years, three of them leap
    expect(rows[0]?.date).toBe('2015-01-01');
    expect(rows.at(-1)?.date).toBe('2026-12-31');
    expect(new Set(rows.map((row) => row.date)).size).toBe(rows.length);
  });

  it('carries the day facts of the calendar', () => {
    expect(byDate.get('2024-02-04')).toMatchObject({
      isWorkday: true,
      holiday: null,
      period: 'cny',
    });
    expect(byDate.get('2024-02-10')).toMatchObject({
      isWorkday: false,
      holiday: 'Spring Festival',
      period: 'cny',
    });
    expect(byDate.get('2024-06-08')).toMatchObject({
      isWorkday: false,
      holiday: null,
      period: '618',
    });
    expect(byDate.get('2024-11-11')).toMatchObject({ period: 'double11' });
    expect(byDate.get('2024-08-01')).toMatchObject({ period: null });
  });

  it('starts the index at the first row and steps it only on workdays', () => {
    expect(rows[0]?.workdayIndex).toBe(0); // 2015-01-01 was New Year's Day
    for (let i = 1; i < rows.length; i++) {
      const row = rows[i]!;
      expect(row.workdayIndex - rows[i - 1]!.workdayIndex).toBe(row.isWorkday ? 1 : 0);
    }
    for (const row of rows) expect(row.isWorkday).toBe(calendar.isWorkday(row.date));
  });

  it('has index differences equal to workdaysBetween', () => {
    const index = fc.integer({ min: 0, max: rows.length - 1 });
    fc.assert(
      fc.property(index, index, (i, j) => {
        const [a, b] = [rows[Math.min(i, j)]!, rows[Math.max(i, j)]!];
        expect(b.workdayIndex - a.workdayIndex).toBe(calendar.workdaysBetween(a.date, b.date));
      }),
      { numRuns: 500 },
    );
  });

  it('works beyond the covered years and rejects a reversed range', () => {
    const later = [...calendar.calendarDays(2027, 2027)];
    expect(later).toHaveLength(365);
    expect(later.at(-1)?.workdayIndex).toBe(261); // Monday-Friday days of 2027
    expect(() => [...calendar.calendarDays(2026, 2025)]).toThrow(RangeError);
  });

  it('is fast enough to load a dozen years', () => {
    const started = performance.now();
    let count = 0;
    for (const _ of calendar.calendarDays(2015, 2026)) count++;
    expect(count).toBe(4383);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('calendarDays rows are CalendarDay records', () => {
  it('every row of 2015-2026 parses as the canonical CalendarDay (pipelines/schema)', () => {
    for (const row of rows) expect(CalendarDay.parse(row)).toEqual(row);
  });

  it('the schema refuses a day that is not a date or a negative index', () => {
    expect(CalendarDay.safeParse({ ...rows[0], date: '2024-02-30' }).success).toBe(false);
    expect(CalendarDay.safeParse({ ...rows[0], workdayIndex: -1 }).success).toBe(false);
    expect(CalendarDay.safeParse({ ...rows[0], holiday: '' }).success).toBe(false);
  });
});
