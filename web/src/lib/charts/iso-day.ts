// Calendar dates as day numbers (days since 1970-01-01, UTC) so charts can place ranges on a value axis.
const DAY_MS = 86_400_000;

/** "2025-03-14" -> day number; NaN for anything else. */
export function isoToDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return Number.NaN;
  return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
}

/** Day number -> "2025-03-14". */
export function dayToIso(day: number): string {
  return new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both ISO dates). */
export function daysBetween(from: string, to: string): number {
  return isoToDay(to) - isoToDay(from);
}

/** `iso` moved by `days`. */
export function addDays(iso: string, days: number): string {
  return dayToIso(isoToDay(iso) + days);
}
