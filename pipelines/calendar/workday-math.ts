// Workday arithmetic. Counts exclude the start date and include the end date in the direction
// of travel, which makes addWorkdays and workdaysBetween exact inverses: for any date d and
// workday x, addWorkdays(d, workdaysBetween(d, x)) === x, and for any n,
// workdaysBetween(d, addWorkdays(d, n)) === n. The price is that reversing the arguments does
// not always just flip the sign (Friday -> Saturday is 0, Saturday -> Friday is -1).
import { fromDayNumber, toDayNumber } from './iso-date.ts';
import { workdayWithCount, workdaysThrough } from './workday-index.ts';
import type { WorkdayIndex } from './workday-index.ts';

/** Workdays in (from, to] when to >= from, minus the workdays in [to, from) when to < from. */
export function workdaysBetween(index: WorkdayIndex, from: string, to: string): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b >= a) return workdaysThrough(index, b) - workdaysThrough(index, a);
  return workdaysThrough(index, b - 1) - workdaysThrough(index, a - 1);
}

/** The n-th workday after `date` (n > 0), before it (n < 0), or `date` itself (n = 0). */
export function addWorkdays(index: WorkdayIndex, date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Workday count must be an integer, got ${n}`);
  const d = toDayNumber(date);
  if (n === 0) return date;
  const target = n > 0 ? workdaysThrough(index, d) + n : workdaysThrough(index, d - 1) + n + 1;
  return fromDayNumber(workdayWithCount(index, target));
}
