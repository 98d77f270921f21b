import { describe, expect, it } from 'vitest';
import {
  quarterlyRates,
  quarterOf,
  readComparison,
  sharedQuarters,
} from '../../web/src/lib/partner-compare.ts';

const point = (month: string, completed: number, onTime: number, submitted = 0, disputed = 0) => ({
  month,
  completed,
  onTime,
  onTimeRate: completed ? onTime / completed : null,
  submitted,
  disputed,
  disputeRate: submitted ? disputed / submitted : null,
  medianSlipDays: null,
  medianPaymentLagDays: null,
});

describe('readComparison', () => {
  it('reads unique partner ids (at most four) and the metric', () => {
    expect(readComparison(new URLSearchParams('p=P1,P2,P1,,P3,P4,P5&metric=disputeRate'))).toEqual({
      ids: ['P1', 'P2', 'P3', 'P4'],
      metric: 'disputeRate',
    });
    expect(readComparison(new URLSearchParams('metric=nonsense'))).toEqual({
      ids: [],
      metric: 'onTimeRate',
    });
  });
});

describe('quarterlyRates', () => {
  it('sums the counts of a quarter rather than averaging monthly rates', () => {
    const months = [point('2025-01', 10, 5), point('2025-02', 30, 3), point('2025-04', 2, 2)];
    const quarters = quarterlyRates(months, 'onTimeRate');
    expect(quarters[0]).toEqual({ quarter: '2025-Q1', numerator: 8, denominator: 40, rate: 0.2 });
    // 2 of 2 is too few to plot.
    expect(quarters[1]).toEqual({ quarter: '2025-Q2', numerator: 2, denominator: 2, rate: null });
  });

  it('uses disputed of submitted for the dispute rate', () => {
    const q = quarterlyRates([point('2024-11', 0, 0, 20, 5)], 'disputeRate');
    expect(q).toEqual([{ quarter: '2024-Q4', numerator: 5, denominator: 20, rate: 0.25 }]);
  });

  it('names quarters', () => {
    expect(quarterOf('2025-03')).toBe('2025-Q1');
    expect(quarterOf('2025-12')).toBe('2025-Q4');
  });
});

describe('sharedQuarters', () => {
  it('spans the quarters with a plotted rate in any series, keeping gaps inside', () => {
    const a = quarterlyRates(
      [point('2024-01', 10, 5), point('2024-07', 10, 5), point('2025-01', 1, 1)],
      'onTimeRate',
    );
    const b = quarterlyRates([point('2024-04', 1, 1)], 'onTimeRate');
    expect(sharedQuarters([a, b])).toEqual(['2024-Q1', '2024-Q2', '2024-Q3']);
    expect(sharedQuarters([])).toEqual([]);
  });
});
