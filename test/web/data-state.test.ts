import { describe, expect, it } from 'vitest';
import { dataState } from '../../web/src/lib/data-state.ts';

describe('dataState', () => {
  const isEmpty = (rows: number[]) => rows.length === 0;
  it('puts an error first, then loading, empty and ready', () => {
    expect(dataState([1], new Error('x'), isEmpty)).toBe('error');
    expect(dataState(undefined, undefined, isEmpty)).toBe('loading');
    expect(dataState([], undefined, isEmpty)).toBe('empty');
    expect(dataState([1], undefined, isEmpty)).toBe('ready');
  });
});
