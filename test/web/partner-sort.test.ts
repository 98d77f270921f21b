import { describe, expect, it } from 'vitest';
import {
  ariaSort,
  defaultPartnerSort,
  nextPartnerSort,
  readPartnerSort,
  withPartnerSort,
} from '../../web/src/lib/partner-sort.ts';

describe('partner sort', () => {
  it('defaults to the best on-time rate first', () => {
    expect(readPartnerSort(new URLSearchParams())).toEqual(defaultPartnerSort);
    expect(readPartnerSort(new URLSearchParams('sort=bogus&order=up'))).toEqual(defaultPartnerSort);
  });

  it('gives a column its natural order when no order is in the URL', () => {
    expect(readPartnerSort(new URLSearchParams('sort=name'))).toEqual({
      sort: 'name',
      order: 'asc',
    });
    expect(readPartnerSort(new URLSearchParams('sort=completed&order=asc'))).toEqual({
      sort: 'completed',
      order: 'asc',
    });
  });

  it('flips the sorted column and starts a new one at its natural order', () => {
    const byName = nextPartnerSort(defaultPartnerSort, 'name');
    expect(byName).toEqual({ sort: 'name', order: 'asc' });
    expect(nextPartnerSort(byName, 'name')).toEqual({ sort: 'name', order: 'desc' });
    expect(nextPartnerSort(byName, 'disputeRate')).toEqual({ sort: 'disputeRate', order: 'desc' });
  });

  it('maps to aria-sort values', () => {
    expect(ariaSort({ sort: 'name', order: 'asc' }, 'name')).toBe('ascending');
    expect(ariaSort({ sort: 'name', order: 'desc' }, 'name')).toBe('descending');
    expect(ariaSort({ sort: 'name', order: 'desc' }, 'completed')).toBe('none');
  });

  it('writes the sort to the URL but leaves the default out', () => {
    const params = new URLSearchParams('brand=b1&sort=name&order=asc');
    expect(withPartnerSort(params, defaultPartnerSort).toString()).toBe('brand=b1');
    expect(withPartnerSort(params, { sort: 'completed', order: 'desc' }).toString()).toBe(
      'brand=b1&sort=completed&order=desc',
    );
  });
});
