// Sort state of the partner ranking, kept in the URL as `sort` and `order` (the API's parameters).

export const partnerSortKeys = [
  'onTimeRate',
  'disputeRate',
  'medianSlipDays',
  'completed',
  'name',
] as const;
export type PartnerSortKey = (typeof partnerSortKeys)[number];
export type SortOrder = 'asc' | 'desc';
export interface PartnerSort {
  sort: PartnerSortKey;
  order: SortOrder;
}

export const defaultPartnerSort: PartnerSort = { sort: 'onTimeRate', order: 'desc' };

export function readPartnerSort(params: URLSearchParams): PartnerSort {
  const sort = params.get('sort');
  const order = params.get('order');
  const key = partnerSortKeys.find((k) => k === sort) ?? defaultPartnerSort.sort;
  return {
    sort: key,
    order: order === 'asc' || order === 'desc' ? order : firstOrder(key),
  };
}

/** Clicking the sorted column flips its order; another column starts with its natural order. */
export function nextPartnerSort(current: PartnerSort, key: PartnerSortKey): PartnerSort {
  if (current.sort === key) return { sort: key, order: current.order === 'asc' ? 'desc' : 'asc' };
  return { sort: key, order: firstOrder(key) };
}

/** Names read A to Z; numbers start with the largest. */
function firstOrder(key: PartnerSortKey): SortOrder {
  return key === 'name' ? 'asc' : 'desc';
}

export function ariaSort(
  current: PartnerSort,
  key: PartnerSortKey,
): 'ascending' | 'descending' | 'none' {
  if (current.sort !== key) return 'none';
  return current.order === 'asc' ? 'ascending' : 'descending';
}

/** A copy of `params` with the sort written; the default sort is left out of the URL. */
export function withPartnerSort(params: URLSearchParams, sort: PartnerSort): URLSearchParams {
  const next = new URLSearchParams(params);
  const isDefault =
    sort.sort === defaultPartnerSort.sort && sort.order === defaultPartnerSort.order;
  if (isDefault) {
    next.delete('sort');
    next.delete('order');
  } else {
    next.set('sort', sort.sort);
    next.set('order', sort.order);
  }
  return next;
}
