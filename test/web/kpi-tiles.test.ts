import { describe, expect, it } from 'vitest';
import type { KpiSummary } from '../../api/types.ts';
import { createFormat } from '../../web/src/lib/format.ts';
import { en } from '../../web/src/lib/i18n/en.ts';
import { kpiTiles } from '../../web/src/lib/kpi-tiles.ts';

const summary: KpiSummary = {
  asOf: '2025-06-30',
  milestones: { total: 1000, completed: 780, open: 220 },
  onTimeRate: { value: 412 / 780, numerator: 412, denominator: 780 },
  disputeRate: { value: 37 / 650, numerator: 37, denominator: 650 },
  valueDisputeRate: {
    value: 0.0412,
    numerator: 1_236_000,
    denominator: 30_000_000,
    currency: 'USD',
    unconverted: 0,
  },
  slipDays: { median: 2.5, p80: 12, mean: 4.1, count: 780 },
  paymentLagDays: { median: 18, mean: 21.3, count: 702 },
  verificationLagDays: { median: 3, count: 760 },
};
const settings = { format: createFormat('en-US'), messages: en.kpi };

describe('kpiTiles', () => {
  it('shows every rate with the counts behind it', () => {
    const tiles = kpiTiles(summary, settings);
    expect(tiles.map((t) => [t.id, t.value, t.detail])).toEqual([
      ['onTimeRate', '52.8%', '412 of 780 completed'],
      ['disputeRate', '5.7%', '37 of 650 submitted'],
      ['valueDisputeRate', '4.1%', '$1.2M of $30M billed'],
      ['medianSlip', '2.5 days', 'across 780 completed'],
      ['p80Slip', '12 days', 'across 780 completed'],
      ['paymentLag', '18 days', 'across 702 paid'],
    ]);
  });

  it('shows a dash, not 0%, when there is nothing to divide by', () => {
    const empty: KpiSummary = {
      ...summary,
      onTimeRate: { value: null, numerator: 0, denominator: 0 },
      slipDays: { median: null, p80: null, mean: null, count: 0 },
    };
    const [onTime, , , medianSlip] = kpiTiles(empty, settings);
    expect(onTime?.value).toBe('—');
    expect(onTime?.detail).toBe('0 of 0 completed');
    expect(medianSlip?.value).toBe('—');
  });

  it('notes amounts left out for want of an exchange rate, and formats without a currency', () => {
    const mixed: KpiSummary = {
      ...summary,
      valueDisputeRate: { ...summary.valueDisputeRate, currency: null, unconverted: 12 },
    };
    const tile = kpiTiles(mixed, settings).find((t) => t.id === 'valueDisputeRate');
    expect(tile?.detail).toBe('1.2M of 30M billed');
    expect(tile?.note).toBe('12 milestones without an exchange rate left out');
    expect(
      kpiTiles(summary, settings).find((t) => t.id === 'valueDisputeRate')?.note,
    ).toBeUndefined();
  });

  it('labels every tile and explains it', () => {
    for (const tile of kpiTiles(summary, settings)) {
      expect(tile.label).not.toBe('');
      expect(tile.hint).not.toBe('');
    }
  });
});
