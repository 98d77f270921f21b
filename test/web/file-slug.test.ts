import { describe, expect, it } from 'vitest';
import { fileSlug } from '../../web/src/lib/charts/file-slug.ts';

describe('fileSlug', () => {
  it('turns a chart title into a safe file name, keeping Chinese', () => {
    expect(fileSlug('On-time and dispute rate by cohort month')).toBe(
      'on-time-and-dispute-rate-by-cohort-month',
    );
    expect(fileSlug('按群组月份的准时率 / 争议率')).toBe('按群组月份的准时率-争议率');
    expect(fileSlug('  ../..  ')).toBe('chart');
    expect(fileSlug('x'.repeat(200))).toHaveLength(80);
  });
});
