// Closed forms for the Monday-Friday rule, so spans outside the tabulated years cost O(1) too.
// Counts run from an arbitrary origin (Monday 1969-12-29, day -3); only differences matter.

/** Number of Monday-Friday days in [origin, n]; negative before the origin, still additive. */
export function weekdaysThrough(n: number): number {
  const m = n + 4; // days since origin, plus one to make the count inclusive
  const weeks = Math.floor(m / 7);
  return 5 * weeks + Math.min(5, m - 7 * weeks);
}

/** The earliest day n with weekdaysThrough(n) >= count (always a Monday-Friday day). */
export function weekdayWithCount(count: number): number {
  const k = count - 1;
  const weeks = Math.floor(k / 5);
  return 7 * weeks + (k - 5 * weeks) - 3;
}
