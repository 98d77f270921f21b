import { describe, expect, it } from 'vitest';
import type { KpiSummary } from '../../api/types.ts';
import { addMonths, comparisonPeriods, tileChanges } from '../../web/src/lib/kpi-change.ts';
import { createFormat } from '../../web/src/lib/format.ts';
import { insightsEn } from '../../web/src/lib/i18n/insights-en.ts';

const f = createFormat('en-US');

function summary(onTime: [number, number], disputed: [number, number], slip: number | null) {
  const rate = ([n, d]: [number, number]) => ({
    value: d ? n / d : null,
    numerator: n,
    denominator: d,
  });
  return {
    asOf: '2026-10-31',
    milestones: { total: 100, completed: 80, open: 20 },
    onTimeRate: rate(onTime),
    disputeRate: rate(disputed),
    valueDisputeRate: { ...rate([0, 0]), currency: 'USD', unconverted: 0 },
    slipDays: { median: slip, p80: slip, mean: slip, count: 80 },
    paymentLagDays: { median: 30, mean: 30, count: 70 },
    verificationLagDays: { median: 5, count: 80 },
  } satisfies KpiSummary;
}

describe('comparisonPeriods', () => {
  it('compares a filtered period with the one as long just before it', () => {
    expect(comparisonPeriods({ from: '2025-01', to: '2025-06' }, '2026-10-31')).toEqual({
      current: { from: '2025-01', to: '2025-06' },
      previous: { from: '2024-07', to: '2024-12' },
      basis: 'filter',
    });
  });

  it('without a period, compares the last three months to the three before', () => {
    expect(comparisonPeriods({ brand: 'B1' }, '2026-02-15')).toEqual({
      current: { from: '2025-12', to: '2026-02' },
      previous: { from: '2025-09', to: '2025-11' },
      basis: 'recent',
    });
    expect(comparisonPeriods({}, null)).toBeUndefined();
  });

  it('adds months across years', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-11', 14)).toBe('2026-01');
  });
});

describe('tileChanges', () => {
  const changes = tileChanges(
    summary([60, 100], [10, 100], 4),
    summary([50, 100], [20, 100], 6),
    'Jul – Sep 2026',
    f,
    insightsEn.change,
  );

  it('gives rate changes in points with the previous counts, and judges the direction', () => {
    expect(changes.onTimeRate).toEqual({
      delta: '+10.0 pts',
      direction: 'up',
      tone: 'good',
      detail: 'vs 50.0% (50 of 100) in Jul – Sep 2026',
    });
    expect(changes.disputeRate).toMatchObject({
      delta: '-10.0 pts',
      direction: 'down',
      tone: 'good',
    });
  });

  it('gives day changes in days; longer slips are bad news', () => {
    expect(changes.medianSlip).toMatchObject({ delta: '-2 d', direction: 'down', tone: 'good' });
    const worse = tileChanges(
      summary([1, 2], [1, 2], 9),
      summary([1, 2], [1, 2], 6),
      'x',
      f,
      insightsEn.change,
    );
    expect(worse.medianSlip).toMatchObject({ delta: '+3 d', tone: 'bad' });
    expect(worse.onTimeRate).toMatchObject({ direction: 'flat', tone: 'neutral' });
  });

  it('leaves out tiles whose value is missing in either period', () => {
    const none = tileChanges(
      summary([0, 0], [1, 2], null),
      summary([1, 2], [1, 2], 3),
      'x',
      f,
      insightsEn.change,
    );
    expect(none.onTimeRate).toBeUndefined();
    expect(none.medianSlip).toBeUndefined();
    expect(none.valueDisputeRate).toBeUndefined();
  });
});
