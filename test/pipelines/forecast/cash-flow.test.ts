import { describe, expect, it } from 'vitest';
import { toDayNumber, weekdayOf } from '../../../pipelines/calendar/iso-date.ts';
import type { CashFlowContract } from '../../../pipelines/forecast/cash-flow.ts';
import { cashFlowForecast } from '../../../pipelines/forecast/cash-flow.ts';
import { milestoneSamples, simulateProject } from '../../../pipelines/forecast/simulate-project.ts';
import { chain, DAY0, typical } from './project-fixtures.ts';

const asOf = DAY0 + 2; // a Wednesday
const runs = 2000;

function projectContract(): CashFlowContract {
  const f = simulateProject(chain(4), { asOf, seed: 5, runs });
  return {
    milestones: f.milestones.map((m, i) => ({
      id: m.id,
      amount: 10_000 * (i + 1),
      delivery: { samples: milestoneSamples(f, m.id) },
    })),
    termsDays: 30,
    verificationLagDays: [1, 2, 3, 5, 8, 13],
    lateDays: [-3, 0, 0, 4, 10, 35],
    deposit: { amount: 5_000, day: asOf + 1 },
    retention: { amount: 7_500, periodDays: 60 },
  };
}

const perRunTotals = (weekly: Float64Array) => {
  const totals = new Float64Array(runs);
  weekly.forEach((v, i) => (totals[i % runs]! += v));
  return totals;
};

describe('cashFlowForecast', () => {
  const contract = projectContract();
  const own: CashFlowContract = {
    milestones: [
      {
        id: 'solo',
        amount: 3_000,
        delivery: { distribution: typical, startDay: DAY0, plannedDays: 15 },
      },
    ],
    termsDays: 14,
  };
  const f = cashFlowForecast([contract, own], { asOf, seed: 1, runs });

  it('pays every amount exactly once in every run', () => {
    const expected = 10_000 + 20_000 + 30_000 + 40_000 + 5_000 + 7_500 + 3_000;
    for (const total of perRunTotals(f.weekly)) expect(total).toBeCloseTo(expected, 6);
    expect(f.brand.cumulativeOut.at(-1)!.p10).toBeCloseTo(expected, 6);
  });

  it('buckets weeks starting on Monday, one week apart, from the week of asOf', () => {
    const starts = f.brand.cashOut.map((w) => toDayNumber(w.weekStart));
    expect(starts[0]).toBe(DAY0);
    starts.forEach((d, i) => {
      expect(weekdayOf(d)).toBe(0);
      if (i > 0) expect(d - starts[i - 1]!).toBe(7);
    });
    expect(f.weekly.length).toBe(starts.length * runs);
  });

  it('shows the same flows as cash out for the brand and cash in for the partner', () => {
    expect(f.partner.cashIn).toEqual(f.brand.cashOut);
    expect(f.partner.cumulativeIn).toEqual(f.brand.cumulativeOut);
    f.brand.cashOut.forEach((w) => expect(w.p10 <= w.p50 && w.p50 <= w.p90).toBe(true));
  });

  it('pays on delivery + verification + terms + lateness, and retention after the last delivery', () => {
    const exact = cashFlowForecast(
      [
        {
          milestones: [
            { id: 'x', amount: 100, delivery: { samples: new Int32Array(10).fill(DAY0 + 10) } },
          ],
          termsDays: 30,
          verificationLagDays: [4],
          lateDays: [7],
          retention: { amount: 20, periodDays: 90 },
        },
      ],
      { asOf, seed: 1, runs: 10 },
    );
    const paidOn = (amount: number) =>
      exact.brand.cashOut.filter((w) => w.p50 === amount).map((w) => w.weekStart);
    expect(paidOn(100)).toEqual(['2025-04-21']); // day 10 + 4 + 30 + 7 = 2025-04-26
    expect(paidOn(20)).toEqual(['2025-06-16']); // day 10 + 90 + 7 = 2025-06-19
    expect(exact.brand.cashOut).toHaveLength(16);
  });

  it('never pays before asOf nor before approval', () => {
    const early = cashFlowForecast(
      [
        {
          milestones: [{ id: 'x', amount: 1, delivery: { samples: [asOf - 40] } }],
          termsDays: 10,
          lateDays: [-30],
        },
      ],
      { asOf, seed: 1, runs: 1 },
    );
    expect(early.brand.cashOut).toHaveLength(1);
    expect(early.brand.cashOut[0]!.p50).toBe(1);
  });

  it('is seeded', () => {
    const again = cashFlowForecast([contract, own], { asOf, seed: 1, runs });
    const other = cashFlowForecast([contract, own], { asOf, seed: 2, runs });
    expect(again.weekly).toEqual(f.weekly);
    expect(other.weekly).not.toEqual(f.weekly);
  });

  it('rejects fewer delivery samples than runs', () => {
    expect(() => cashFlowForecast([contract], { asOf, seed: 1, runs: runs + 1 })).toThrow(/fewer/);
  });
});
