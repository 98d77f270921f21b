import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../pipelines/calendar/index.ts';
import type { CalendarSource } from '../../../pipelines/calendar/index.ts';
import { fromDayNumber, toDayNumber } from '../../../pipelines/calendar/iso-date.ts';

// Hermetic: package data only, so edits to the shipped override file cannot change these facts.
const calendar = createCalendar({ overridesFile: null });

describe('official schedule from chinese-days', () => {
  it.each(['2024-02-04', '2024-02-18', '2023-10-07', '2023-10-08', '2020-01-19'])(
    'make-up Sunday/Saturday %s is a workday',
    (date) => {
      expect(calendar.isWorkday(date)).toBe(true);
      expect(calendar.isHoliday(date)).toBeNull();
    },
  );

  it.each([
    ['2024-02-10', '2024-02-17', 'Spring Festival'],
    ['2024-10-01', '2024-10-07', 'National Day'],
    ['2025-01-28', '2025-02-04', 'Spring Festival'],
    ['2020-01-24', '2020-02-02', 'Spring Festival'], // includes the 2020 COVID extension
  ])('%s..%s are %s days off', (from, to, name) => {
    for (let n = toDayNumber(from); n <= toDayNumber(to); n++) {
      const date = fromDayNumber(n);
      expect(calendar.isWorkday(date), date).toBe(false);
      expect(calendar.isHoliday(date), date).toBe(name);
    }
  });

  it('keeps the working days right around a holiday', () => {
    expect(calendar.isWorkday('2024-02-09')).toBe(true); // New Year's Eve 2024 was not an official day off
    expect(calendar.isWorkday('2024-10-08')).toBe(true);
    expect(calendar.isWorkday('2024-09-29')).toBe(true); // Sunday make-up day before National Day
  });

  it('treats a plain weekend as a non-working day without a holiday name', () => {
    expect(calendar.isWorkday('2024-06-08')).toBe(false);
    expect(calendar.isWorkday('2024-06-09')).toBe(false);
    expect(calendar.isHoliday('2024-06-08')).toBeNull();
    expect(calendar.isWorkday('2024-06-07')).toBe(true);
  });

  it('counts the published number of working days per year', () => {
    expect(calendar.workdaysBetween('2023-12-31', '2024-12-31')).toBe(251);
    // 2025: 261 Monday-Friday days - 18 weekday holidays + 5 make-up weekend days.
    expect(calendar.workdaysBetween('2024-12-31', '2025-12-31')).toBe(248);
  });

  it('covers every year the package ships, contiguously', () => {
    expect(calendar.source).toBe('chinese-days@1.5.7');
    expect(calendar.coveredYears[0]).toBe(2004);
    expect(calendar.coveredYears.at(-1)).toBe(2026);
    expect(calendar.coveredYears).toHaveLength(2026 - 2004 + 1);
    expect(calendar.isCovered('2015-06-01')).toBe(true);
    expect(calendar.isCovered('2027-01-04')).toBe(false);
    expect(calendar.isCovered('2003-12-31')).toBe(false);
  });

  // The package API reads dates back in local time, so it is only a valid oracle at UTC.
  it.skipIf(new Date(2024, 0, 1).getTimezoneOffset() !== 0)(
    'agrees with the package isWorkday on every day of 2004-2026',
    () => {
      const mismatches: string[] = [];
      for (let n = toDayNumber('2004-01-01'); n <= toDayNumber('2026-12-31'); n++) {
        const date = fromDayNumber(n);
        if (calendar.isWorkday(date) !== chineseDays.isWorkday(date)) mismatches.push(date);
      }
      expect(mismatches).toEqual([]);
    },
  );
});

describe('outside the covered years', () => {
  it('falls back to the Monday-Friday rule', () => {
    // 2027-02-08 is a Monday inside the (unpublished) 2027 Spring Festival break.
    expect(calendar.isWorkday('2027-02-08')).toBe(true);
    expect(calendar.isWorkday('2027-10-01')).toBe(true); // a Friday
    expect(calendar.isWorkday('2027-10-02')).toBe(false);
    expect(calendar.isHoliday('2027-10-01')).toBeNull();
    expect(calendar.isWorkday('2003-01-01')).toBe(true); // a Wednesday
  });

  it('counts workdays across the edge of the data by the weekend rule', () => {
    // 2027-01-01 (Fri) .. 2027-01-31: 21 Monday-Friday days, all after the covered range.
    expect(calendar.workdaysBetween('2026-12-31', '2027-01-31')).toBe(21);
    expect(calendar.addWorkdays('2026-12-31', 1)).toBe('2027-01-01');
    expect(calendar.addWorkdays('2004-01-02', -1)).toBe('2003-12-31');
  });
});

describe('input validation', () => {
  it.each(['2024-2-4', '2024-02-30', '20240204', '', '2023-02-29'])('rejects %j', (bad) => {
    expect(() => calendar.isWorkday(bad)).toThrow(RangeError);
    expect(() => calendar.isWorkday(bad)).toThrow(JSON.stringify(bad));
  });

  it('accepts leap days', () => {
    expect(calendar.isWorkday('2024-02-29')).toBe(true);
  });
});

describe('a swapped-in source', () => {
  const source: CalendarSource = {
    id: 'test-source',
    years: [2030],
    holidays: new Map([['2030-05-01', { name: 'Labour Day', nameZh: '劳动节' }]]),
    workdays: new Map([['2030-05-04', { name: 'Labour Day', nameZh: '劳动节' }]]),
  };
  const calendar = createCalendar({ source, overridesFile: null });

  it('answers from that source alone', () => {
    expect(calendar.source).toBe('test-source');
    expect(calendar.coveredYears).toEqual([2030]);
    expect(calendar.isHoliday('2030-05-01')).toBe('Labour Day');
    expect(calendar.isWorkday('2030-05-04')).toBe(true); // a Saturday
    expect(calendar.isWorkday('2024-02-12')).toBe(true); // chinese-days is not consulted
    expect(calendar.workdaysBetween('2030-04-30', '2030-05-06')).toBe(4); // 05-02, 05-03, 05-04, 05-06
  });
});
