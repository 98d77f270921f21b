import { describe, expect, it } from 'vitest';
import { simulateIncentives } from '../../../pipelines/advise/incentive-simulate.ts';
import { paymentBasis } from '../../../pipelines/advise/payment-basis.ts';
import { forecastPlan } from '../../../pipelines/advise/plan-forecast.ts';
import { simulatePlan } from '../../../pipelines/advise/plan-simulation.ts';
import { evaluateSplit } from '../../../pipelines/advise/split-evaluate.ts';
import { fixedRatio } from '../../../pipelines/forecast/quantile-distribution.ts';
import { IncentiveClauses, Plan } from '../../../pipelines/schema/advice.ts';

// Two 14-day milestones, every run delivered `ratio` x the plan: 1.5 = 7 days late, 0.5 = 7 early.
const plan = Plan.parse({
  partnerId: 'P1',
  value: 100_000,
  paymentTermsDays: 0,
  milestones: ['a', 'b'].map((id, i) => ({
    id,
    name: id,
    type: 'creative',
    share: 0.5,
    plannedStart: i === 0 ? '2025-09-01' : '2025-09-15',
    dueDate: i === 0 ? '2025-09-15' : '2025-09-29',
  })),
});

function outcome(ratio: number, clauses: Partial<IncentiveClauses>) {
  const forecasts = forecastPlan(plan, { history: [] }, { confidence: 0.8 }).map((f) => ({
    ...f,
    distribution: fixedRatio(ratio),
  }));
  const sim = simulatePlan(plan, forecasts, { seed: 3, runs: 300 });
  const basis = paymentBasis(sim, {
    termsDays: 0,
    lateDays: [],
    retentionReleaseDays: 30,
    costRatio: 0.7,
    seed: 3,
  });
  return { basis, o: simulateIncentives(sim, basis, IncentiveClauses.parse(clauses)) };
}

describe('incentive simulator', () => {
  it('charges the penalty beyond the grace days up to the contract cap', () => {
    const { o } = outcome(1.5, { penaltyPerDay: 100, penaltyGraceDays: 3, penaltyCap: 600 });
    // 7 days late - 3 grace = 400 each; the cap of 600 leaves 200 for the second.
    expect(o.milestones.map((m) => m.expectedPenalty)).toEqual([400, 200]);
    expect(o).toMatchObject({ pPenalty: 1, pBonus: 0, expectedPenalty: 600, expectedNet: -600 });
    expect(o.netP10).toBe(-600);
    expect(o.netP90).toBe(-600);
  });

  it('pays the early bonus per day, with no cap when the cap is 0', () => {
    const { o } = outcome(0.5, { bonusPerDay: 50, penaltyPerDay: 100 });
    expect(o.milestones.map((m) => m.expectedBonus)).toEqual([350, 350]);
    expect(o).toMatchObject({ pBonus: 1, pPenalty: 0, expectedNet: 700 });
  });

  it('pays nothing inside the grace period', () => {
    const { o } = outcome(1.5, { penaltyPerDay: 100, penaltyGraceDays: 7 });
    expect(o).toMatchObject({ pPenalty: 0, expectedPenalty: 0 });
  });

  it('a penalty widens the partner working-capital gap by what it withholds', () => {
    const { basis, o } = outcome(1.5, { penaltyPerDay: 1000, penaltyCap: 5000 });
    const split = { depositPct: 0, retentionPct: 0, sharesPct: [50, 50] };
    const without = evaluateSplit(basis, split, plan.value, { series: true }).weeks.at(-1)!;
    const withIt = evaluateSplit(basis, split, plan.value, {
      series: true,
      extraPaid: o.extraPaid,
    }).weeks.at(-1)!;
    // Cost 70k, paid 100k: the partner is 30k ahead at the end, 5k less with the penalty.
    expect(without.gapMean).toBeCloseTo(-30_000, 6);
    expect(withIt.gapMean).toBeCloseTo(-25_000, 6);
  });
});
