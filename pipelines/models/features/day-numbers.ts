import { tryDayNumber } from '../../calendar/iso-date.ts';

/**
 * Day numbers of ISO dates (NaN for null, empty or not a date), at `rows` when given: each
 * distinct date is parsed once (a million rows hold a few thousand dates).
 */
export function dayNumbersOf(dates: readonly (string | null)[], rows?: Int32Array): Float64Array {
  const cache = new Map<string, number>();
  const n = rows ? rows.length : dates.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const iso = dates[rows ? (rows[i] ?? -1) : i] ?? null;
    let day = iso ? cache.get(iso) : NaN;
    if (day === undefined) cache.set(iso!, (day = tryDayNumber(iso!) ?? NaN));
    out[i] = day;
  }
  return out;
}
