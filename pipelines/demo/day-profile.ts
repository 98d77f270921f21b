// China workdays and capacity shocks (CNY shutdown, Golden Week, 618, 11.11, 12.12) tabulated
// once per run over the generator's date range. The generator asks "how many days of this work
// window fall into the CNY shutdown" for every milestone; tabulated prefix sums make that O(1)
// instead of a calendar call per day.
import { chinaCalendar } from '../calendar/index.ts';
import type { Calendar, PeriodName } from '../calendar/index.ts';
import { isoOf, weekdayOf } from './day-number.ts';

export const periodNames: readonly PeriodName[] = [
  'cny',
  'golden_week',
  '618',
  'double11',
  'double12',
];

export interface DayProfile {
  readonly first: number;
  readonly last: number;
  /** 1 where China works (holidays off, make-up days on). */
  readonly workday: Uint8Array;
  /** Per period (in `periodNames` order): days in the period on or before first + i. */
  readonly prefix: readonly Int32Array[];
}

export function buildDayProfile(
  first: number,
  last: number,
  calendar: Calendar = chinaCalendar,
): DayProfile {
  const n = last - first + 1;
  const workday = new Uint8Array(n);
  const prefix = periodNames.map(() => new Int32Array(n));
  const running = periodNames.map(() => 0);
  for (let i = 0; i < n; i++) {
    const iso = isoOf(first + i);
    workday[i] = calendar.isWorkday(iso) ? 1 : 0;
    for (const p of calendar.periodsOn(iso)) {
      const k = periodNames.indexOf(p.name);
      if (k >= 0) running[k] = (running[k] ?? 0) + 1;
    }
    prefix.forEach((arr, k) => {
      arr[i] = running[k] ?? 0;
    });
  }
  return { first, last, workday, prefix };
}

function prefixAt(arr: Int32Array, profile: DayProfile, day: number): number {
  if (day < profile.first) return 0;
  const i = Math.min(day, profile.last) - profile.first;
  return arr[i] ?? 0;
}

/** Days of [from, to] (inclusive) inside period number `k` of `periodNames`. */
export function overlapDays(profile: DayProfile, k: number, from: number, to: number): number {
  const arr = profile.prefix[k];
  if (!arr || to < from) return 0;
  return prefixAt(arr, profile, to) - prefixAt(arr, profile, from - 1);
}

export function isChinaWorkday(profile: DayProfile, day: number): boolean {
  if (day < profile.first || day > profile.last) {
    const w = weekdayOf(day);
    return w !== 0 && w !== 6;
  }
  return profile.workday[day - profile.first] === 1;
}

/** The day itself when China works that day, else the next working day. */
export function nextChinaWorkday(profile: DayProfile, day: number): number {
  let d = day;
  while (!isChinaWorkday(profile, d) && d - day < 30) d += 1;
  return d;
}

/** The day itself when China works that day, else the previous working day (not before `floor`). */
export function previousChinaWorkday(profile: DayProfile, day: number, floor: number): number {
  let d = day;
  while (!isChinaWorkday(profile, d) && d > floor) d -= 1;
  return d;
}
