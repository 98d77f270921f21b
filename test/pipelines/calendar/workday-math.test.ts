import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../pipelines/calendar/index.ts';
import { fromDayNumber, toDayNumber } from '../../../pipelines/calendar/iso-date.ts';

const calendar = createCalendar({ overridesFile: null });

// Dates from well before to well after the covered years, so the weekend-rule edges are exercised.
const date = fc
  .integer({ min: toDayNumber('1998-01-01'), max: toDayNumber('2032-12-31') })
  .map(fromDayNumber);
const nearbyPair = fc
  .tuple(
    fc.integer({ min: toDayNumber('1998-01-01'), max: toDayNumber('2032-12-31') }),
    fc.integer({ min: -800, max: 800 }),
  )
  .map(([n, delta]) => [fromDayNumber(n), fromDayNumber(n + delta)] as const);

// Day-by-day reference for the documented rule: (from, to] forwards, [to, from) backwards.
function slowWorkdaysBetween(from: string, to: string): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  let count = 0;
  if (b >= a)
    for (let n = a + 1; n <= b; n++) count += calendar.isWorkday(fromDayNumber(n)) ? 1 : 0;
  else for (let n = b; n < a; n++) count -= calendar.isWorkday(fromDayNumber(n)) ? 1 : 0;
  return count;
}

describe('addWorkdays', () => {
  it('steps over Spring Festival 2024 and lands on the make-up Sunday', () => {
    expect(calendar.addWorkdays('2024-02-08', 1)).toBe('2024-02-09'); // Eve was a working day
    expect(calendar.addWorkdays('2024-02-09', 1)).toBe('2024-02-18');
    expect(calendar.addWorkdays('2024-02-08', 2)).toBe('2024-02-18');
    expect(calendar.addWorkdays('2024-02-08', 3)).toBe('2024-02-19');
    expect(calendar.addWorkdays('2024-02-18', -1)).toBe('2024-02-09');
    expect(calendar.addWorkdays('2024-02-12', -1)).toBe('2024-02-09');
    expect(calendar.addWorkdays('2024-02-12', 1)).toBe('2024-02-18');
  });

  it('returns the date itself for n = 0, workday or not', () => {
    expect(calendar.addWorkdays('2024-02-10', 0)).toBe('2024-02-10');
    expect(calendar.addWorkdays('2024-06-08', 0)).toBe('2024-06-08');
  });

  it('counts back from a weekend to the Friday before', () => {
    expect(calendar.addWorkdays('2024-06-08', -1)).toBe('2024-06-07');
    expect(calendar.addWorkdays('2024-06-08', 1)).toBe('2024-06-11'); // Mon 06-10 was Dragon Boat
  });

  it('rejects a fractional count', () => {
    expect(() => calendar.addWorkdays('2024-01-02', 1.5)).toThrow(RangeError);
  });

  it('always lands on a workday and inverts workdaysBetween', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -3000, max: 3000 }), (d, n) => {
        const result = calendar.addWorkdays(d, n);
        if (n !== 0) expect(calendar.isWorkday(result)).toBe(true);
        expect(calendar.workdaysBetween(d, result)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe('workdaysBetween', () => {
  it('is signed by direction and zero for the same day', () => {
    expect(calendar.workdaysBetween('2024-03-01', '2024-03-01')).toBe(0);
    expect(calendar.workdaysBetween('2024-03-01', '2024-03-08')).toBe(5);
    expect(calendar.workdaysBetween('2024-03-08', '2024-03-01')).toBe(-5);
    expect(calendar.workdaysBetween('2024-06-07', '2024-06-08')).toBe(0); // Fri -> Sat
    expect(calendar.workdaysBetween('2024-06-08', '2024-06-07')).toBe(-1); // Sat -> Fri
  });

  it('counts the Spring Festival 2024 break as one working day (the Eve)', () => {
    expect(calendar.workdaysBetween('2024-02-08', '2024-02-18')).toBe(2);
  });

  it('round-trips: addWorkdays(d, workdaysBetween(d, x)) === x for every workday x', () => {
    fc.assert(
      fc.property(nearbyPair, ([d, x]) => {
        fc.pre(calendar.isWorkday(x));
        expect(calendar.addWorkdays(d, calendar.workdaysBetween(d, x))).toBe(x);
      }),
      { numRuns: 1000 },
    );
  });

  it('has the sign of (to - from) and matches a day-by-day count', () => {
    fc.assert(
      fc.property(nearbyPair, ([from, to]) => {
        const count = calendar.workdaysBetween(from, to);
        expect(count).toBe(slowWorkdaysBetween(from, to));
        if (to > from) expect(count).toBeGreaterThanOrEqual(0);
        if (to < from) expect(count).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('is additive going forward', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort();
        if (x === undefined || y === undefined || z === undefined) return;
        expect(calendar.workdaysBetween(x, y) + calendar.workdaysBetween(y, z)).toBe(
          calendar.workdaysBetween(x, z),
        );
      }),
    );
  });

  it('answers a multi-decade span without walking it', () => {
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) calendar.workdaysBetween('1990-01-01', '2060-12-31');
    expect(performance.now() - started).toBeLessThan(500);
    expect(
      calendar.addWorkdays('1990-01-01', calendar.workdaysBetween('1990-01-01', '2060-12-31')),
    ).toBe('2060-12-31');
  });
});
