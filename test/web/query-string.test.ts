import { describe, expect, it } from 'vitest';
import { toQueryString } from '../../web/src/lib/query-string.ts';

describe('toQueryString', () => {
  it('encodes values, joins lists with commas and leaves out empty ones', () => {
    expect(
      toQueryString({
        from: '2024-01',
        brand: ['b 1', 'b&2'],
        partner: [],
        milestoneType: '',
        limit: 20,
        to: undefined,
        tolerance: null,
      }),
    ).toBe('?from=2024-01&brand=b+1%2Cb%262&limit=20');
  });

  it('is empty when nothing is set', () => {
    expect(toQueryString({})).toBe('');
    expect(toQueryString({ brand: ' ' })).toBe('');
  });
});
