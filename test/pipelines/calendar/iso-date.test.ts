import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromDayNumber,
  toDayNumber,
  weekdayOf,
  yearOfDayNumber,
} from '../../../pipelines/calendar/iso-date.ts';
import { weekdayWithCount, weekdaysThrough } from '../../../pipelines/calendar/weekday-count.ts';

describe('day numbers', () => {
  it('match Date.UTC and round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => {
        const date = fromDayNumber(n);
        expect(toDayNumber(date)).toBe(n);
        expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(date);
        expect(yearOfDayNumber(n)).toBe(Number(date.slice(0, 4)));
      }),
    );
  });

  it('knows the weekday (Monday = 0)', () => {
    expect(weekdayOf(toDayNumber('2024-02-04'))).toBe(6);
    expect(weekdayOf(toDayNumber('1969-12-29'))).toBe(0);
    expect(weekdayOf(toDayNumber('1900-01-01'))).toBe(0);
  });

  it('counts Monday-Friday days in closed form, before and after the origin', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 50_000 }), (n) => {
        expect(weekdaysThrough(n) - weekdaysThrough(n - 1)).toBe(weekdayOf(n) < 5 ? 1 : 0);
        const first = weekdayWithCount(weekdaysThrough(n));
        expect(weekdayOf(first)).toBeLessThan(5);
        expect(weekdaysThrough(first)).toBe(weekdaysThrough(n));
        expect(weekdaysThrough(first - 1)).toBe(weekdaysThrough(n) - 1);
      }),
    );
  });
});
