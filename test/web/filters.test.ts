import { describe, expect, it } from 'vitest';
import {
  hasFilters,
  monthRange,
  readFilters,
  withFilters,
  withoutFilters,
} from '../../web/src/lib/filters.ts';

const params = (query: string) => new URLSearchParams(query);

describe('readFilters', () => {
  it('reads the known filters from the URL', () => {
    expect(readFilters(params('from=2024-01&to=2024-06&brand=b1&milestoneType=creative'))).toEqual({
      from: '2024-01',
      to: '2024-06',
      brand: 'b1',
      milestoneType: 'creative',
    });
  });

  it('drops unknown keys, blanks and malformed months or tolerances', () => {
    expect(
      readFilters(params('from=2024-13&to=24-01&brand=%20&sort=name&tolerance=abc&foo=1')),
    ).toEqual({});
    expect(readFilters(params('tolerance=61'))).toEqual({});
    expect(readFilters(params('tolerance=3'))).toEqual({ tolerance: '3' });
  });

  it('keeps comma lists as the API takes them', () => {
    expect(readFilters(params('partner=p1,p2'))).toEqual({ partner: 'p1,p2' });
  });
});

describe('withFilters / withoutFilters', () => {
  it('sets and removes filters without touching other state', () => {
    const next = withFilters(params('brand=b1&sort=name&order=asc'), { brand: '', partner: 'p9' });
    expect(next.toString()).toBe('sort=name&order=asc&partner=p9');
  });

  it('returns a copy', () => {
    const original = params('brand=b1');
    withFilters(original, { brand: 'b2' });
    expect(original.get('brand')).toBe('b1');
  });

  it('clears every filter but keeps the sort', () => {
    const next = withoutFilters(params('from=2024-01&brand=b1&sort=completed'));
    expect(next.toString()).toBe('sort=completed');
  });

  it('knows whether any filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ to: '2024-01' })).toBe(true);
  });
});

describe('monthRange', () => {
  it('lists every month across a year boundary', () => {
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('is empty for missing, malformed or reversed bounds', () => {
    expect(monthRange(null, '2025-01')).toEqual([]);
    expect(monthRange('2025-1', '2025-02')).toEqual([]);
    expect(monthRange('2025-03', '2025-02')).toEqual([]);
  });
});
