// A cumulative workday count W(n) over every day number: tabulated across the marked years and
// extended by the weekend rule on both sides. Workday arithmetic becomes index lookups, so a
// ten-year span costs the same as one day.
import { dayNumberOf, isWeekendDay } from './iso-date.ts';
import type { DayMarks } from './day-marks.ts';
import { weekdayWithCount, weekdaysThrough } from './weekday-count.ts';

export interface WorkdayIndex {
  /** First and last tabulated day numbers (last = first - 1 when nothing is tabulated). */
  readonly first: number;
  readonly last: number;
  /** 1 where the tabulated day is a workday. */
  readonly isWork: Uint8Array;
  /** Workdays in [first, first + i], inclusive. */
  readonly cumulative: Int32Array;
  /** Offset from `first` of the k-th tabulated workday (0-based). */
  readonly workdayOffsets: Int32Array;
}

export function buildWorkdayIndex(marks: DayMarks): WorkdayIndex {
  const first = dayNumberOf(marks.firstYear, 1, 1);
  const last = dayNumberOf(marks.lastYear, 12, 31);
  const length = Math.max(0, last - first + 1);
  const isWork = new Uint8Array(length);
  const cumulative = new Int32Array(length);
  const offsets: number[] = [];
  let count = 0;
  for (let i = 0; i < length; i++) {
    const n = first + i;
    const work = marks.workdays.has(n) || (!marks.holidays.has(n) && !isWeekendDay(n));
    if (work) {
      isWork[i] = 1;
      offsets.push(i);
      count++;
    }
    cumulative[i] = count;
  }
  return {
    first,
    last: first + length - 1,
    isWork,
    cumulative,
    workdayOffsets: Int32Array.from(offsets),
  };
}

export function isWorkdayNumber(index: WorkdayIndex, n: number): boolean {
  if (n < index.first || n > index.last) return !isWeekendDay(n);
  return index.isWork[n - index.first] === 1;
}

/** W(n): workdays from the start of the table through day n (W(first - 1) = 0). */
export function workdaysThrough(index: WorkdayIndex, n: number): number {
  const { first, last } = index;
  if (n < first) return weekdaysThrough(n) - weekdaysThrough(first - 1);
  const total = index.workdayOffsets.length;
  if (n > last) return total + weekdaysThrough(n) - weekdaysThrough(last);
  return index.cumulative[n - first] ?? 0;
}

/** The earliest day n with W(n) >= count; it is always a workday. */
export function workdayWithCount(index: WorkdayIndex, count: number): number {
  const total = index.workdayOffsets.length;
  if (count <= 0) return weekdayWithCount(count + weekdaysThrough(index.first - 1));
  if (count > total) return weekdayWithCount(count - total + weekdaysThrough(index.last));
  return index.first + (index.workdayOffsets[count - 1] ?? 0);
}
