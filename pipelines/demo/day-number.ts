// The generator works in day numbers (days since 1970-01-01, the same count DuckDB's DATE uses)
// and turns them into 'YYYY-MM-DD' only at the edge; formatting millions of dates through Date
// objects would dominate the run time, so formatted days are cached.

const MS_PER_DAY = 86_400_000;
const isoCache = new Map<number, string>();

export function dayOf(iso: string): number {
  const ms = Date.UTC(
    Number(iso.slice(0, 4)),
    Number(iso.slice(5, 7)) - 1,
    Number(iso.slice(8, 10)),
  );
  const day = Math.round(ms / MS_PER_DAY);
  // Date.UTC rolls 2026-02-30 over into March; the round trip catches it.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(ms) || isoOf(day) !== iso) {
    throw new RangeError(`expected a real date as YYYY-MM-DD, got ${JSON.stringify(iso)}`);
  }
  return day;
}

export function isoOf(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** Day numbers for ISO dates read back from records (cached like `isoOf`). */
const dayCache = new Map<string, number>();
export function cachedDayOf(iso: string): number {
  let day = dayCache.get(iso);
  if (day === undefined) {
    day = dayOf(iso);
    dayCache.set(iso, day);
  }
  return day;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

/** Moves a weekend day to the next Monday (overseas brands review on weekdays). */
export function nextWeekday(day: number): number {
  const w = weekdayOf(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
}

/** Moves a weekend day back to the Friday before. */
export function previousWeekday(day: number): number {
  const w = weekdayOf(day);
  return w === 6 ? day - 1 : w === 0 ? day - 2 : day;
}

/** Years since `origin` as a fraction, for time trends. */
export function yearsSince(day: number, origin: number): number {
  return (day - origin) / 365.25;
}
