// The overview's filters live in the page URL so a view can be shared. These helpers read and write
// them; they never touch the browser, so they are unit-tested without a DOM.

export const filterKeys = [
  'from',
  'to',
  'brand',
  'partner',
  'milestoneType',
  'partnerKind',
  'pricingModel',
  'tolerance',
] as const;
export type FilterKey = (typeof filterKeys)[number];
/** Values as the API takes them: months as YYYY-MM, lists as comma lists. */
export type Filters = Partial<Record<FilterKey, string>>;

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Known, well-formed filters from a query string; anything else is ignored rather than sent on. */
export function readFilters(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (value && isValid(key, value)) filters[key] = value;
  }
  return filters;
}

function isValid(key: FilterKey, value: string): boolean {
  if (key === 'from' || key === 'to') return monthPattern.test(value);
  if (key === 'tolerance') return /^\d{1,2}$/.test(value) && Number(value) <= 60;
  return true;
}

/** A copy of `params` with `patch` applied; an empty or undefined value removes the key. */
export function withFilters(params: URLSearchParams, patch: Filters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of filterKeys) {
    if (!(key in patch)) continue;
    const value = patch[key]?.trim();
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** A copy of `params` without any filter (other state, such as the table's sort, stays). */
export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of filterKeys) next.delete(key);
  return next;
}

export function hasFilters(filters: Filters): boolean {
  return filterKeys.some((key) => filters[key] !== undefined);
}

/** Every month from `min` to `max` inclusive (YYYY-MM); empty when either is missing or out of order. */
export function monthRange(min: string | null, max: string | null): string[] {
  if (!min || !max || !monthPattern.test(min) || !monthPattern.test(max)) return [];
  const months: string[] = [];
  let [year, month] = min.split('-').map(Number) as [number, number];
  const end = max;
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > end || months.length > 1200) break;
    months.push(current);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}
