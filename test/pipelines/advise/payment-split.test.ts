import { describe, expect, it } from 'vitest';
import { paymentBasis } from '../../../pipelines/advise/payment-basis.ts';
import { forecastPlan } from '../../../pipelines/advise/plan-forecast.ts';
import { simulatePlan } from '../../../pipelines/advise/plan-simulation.ts';
import { tiltedShares } from '../../../pipelines/advise/split-candidates.ts';
import { evaluateSplit } from '../../../pipelines/advise/split-evaluate.ts';
import {
  InfeasibleSplitError,
  optimiseSplit,
  paretoFrontier,
} from '../../../pipelines/advise/split-optimise.ts';
import { Plan, SplitConstraints } from '../../../pipelines/schema/advice.ts';

const m = (id: string, start: string, due: string, share: number, dependsOn: string[] = []) => ({
  id,
  name: id,
  type: 'creative' as const,
  share,
  plannedStart: start,
  dueDate: due,
  dependsOn,
});

/** Deterministic: no history, so every milestone is delivered on its due date in every run. */
function basisOf(plan: Plan, terms = { retentionReleaseDays: 30, costRatio: 0.7 }) {
  const sim = simulatePlan(plan, forecastPlan(plan, { history: [] }, { confidence: 0.8 }), {
    seed: 1,
    runs: 200,
  });
  return { sim, basis: paymentBasis(sim, { termsDays: 0, lateDays: [], seed: 1, ...terms }) };
}

const one = Plan.parse({
  partnerId: 'P1',
  value: 100_000,
  paymentTermsDays: 0,
  milestones: [m('a', '2025-09-01', '2025-09-15', 1)],
});

describe('payment split evaluation', () => {
  it('exposure and gap of a one-milestone plan match the hand computation', () => {
    const { basis } = basisOf(one);
    const { metrics, weeks } = evaluateSplit(
      basis,
      { depositPct: 20, retentionPct: 0, sharesPct: [80] },
      100_000,
      { series: true },
    );
    // Week 0: deposit 20k paid, nothing delivered; cost 35k of 70k incurred in the first week.
    expect(weeks[0]).toMatchObject({
      weekStart: '2025-09-01',
      exposureP90: 20_000,
      gapP90: 15_000,
    });
    // Week 1: all 70k of cost incurred, still only the deposit paid: the partner's peak gap.
    expect(weeks[1]).toMatchObject({ exposureP90: 20_000, gapP90: 50_000 });
    // Week 2: delivered and paid on the day (terms 0): nothing outstanding either way.
    expect(weeks[2]).toMatchObject({ exposureP90: 0, gapP90: -30_000 });
    expect(metrics).toEqual({
      exposureMean: 20_000,
      exposureP90: 20_000,
      gapMean: 50_000,
      gapP90: 50_000,
    });
  });

  it('retention lowers the payment at delivery and is released after the period', () => {
    const { basis } = basisOf(one);
    const { weeks } = evaluateSplit(
      basis,
      { depositPct: 20, retentionPct: 10, sharesPct: [80] },
      100_000,
      { series: true },
    );
    expect(weeks[2]!.exposureMean).toBeCloseTo(-8_000, 6); // 8k held back
    expect(weeks.at(-1)!.exposureMean).toBeCloseTo(0, 6); // released 30 days later
  });
});

describe('payment split optimiser', () => {
  const three = Plan.parse({
    partnerId: 'P1',
    value: 300_000,
    depositPct: 10,
    paymentTermsDays: 15,
    milestones: [
      m('a', '2025-09-01', '2025-09-26', 0.3),
      m('b', '2025-09-29', '2025-10-31', 0.4, ['a']),
      m('c', '2025-11-03', '2025-11-28', 0.3, ['b']),
    ],
  });
  const run = (c: Partial<SplitConstraints>) => {
    const { sim, basis } = basisOf(three);
    return optimiseSplit(basis, {
      value: three.value,
      values: sim.values,
      p50: sim.outlook.milestones.map((x) => x.p50),
      current: { depositPct: 10, retentionPct: 0, sharesPct: [27, 36, 27] },
      constraints: SplitConstraints.parse(c),
    });
  };

  it('answers a frontier on which one side only falls when the other rises', () => {
    const advice = run({});
    const f = advice.frontier;
    expect(f.length).toBeGreaterThan(1);
    for (let i = 1; i < f.length; i++) {
      expect(f[i]!.metrics.exposureP90).toBeGreaterThanOrEqual(f[i - 1]!.metrics.exposureP90);
      expect(f[i]!.metrics.gapP90).toBeLessThan(f[i - 1]!.metrics.gapP90);
    }
    expect(f).toContain(advice.recommended);
    expect(advice.reasoning).toMatch(/deposit \d+(\.\d+)?% and retention/);
  });

  it('goes to the brand-safe end or the partner-safe end when told to weigh only one side', () => {
    const b = run({ brandWeight: 1, maxDepositPct: 30 });
    const p = run({ brandWeight: 0, maxDepositPct: 30 });
    const minOf = (xs: number[]) => Math.min(...xs);
    expect(b.recommended.depositPct).toBe(0);
    expect(b.recommended.metrics.exposureP90).toBe(
      minOf(b.frontier.map((x) => x.metrics.exposureP90)),
    );
    // Partner side: the smallest gap; among splits that leave no gap, the least exposure.
    const gap = (x: { metrics: { gapP90: number } }) => Math.max(0, x.metrics.gapP90);
    expect(gap(p.recommended)).toBe(minOf(p.frontier.map(gap)));
    expect(p.recommended.depositPct).toBeGreaterThan(0);
    expect(p.recommended.metrics.gapP90).toBeLessThan(b.recommended.metrics.gapP90);
  });

  it('keeps every candidate within the constraints', () => {
    const advice = run({
      maxDepositPct: 15,
      minSharePct: 20,
      retentionMinPct: 5,
      retentionMaxPct: 10,
    });
    for (const p of [...advice.frontier, advice.recommended]) {
      expect(p.depositPct).toBeLessThanOrEqual(15);
      expect(p.retentionPct).toBeGreaterThanOrEqual(5);
      expect(p.retentionPct).toBeLessThanOrEqual(10);
      for (const s of p.sharesPct) expect(s).toBeGreaterThanOrEqual(20);
      expect(p.depositPct + p.sharesPct.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 1);
    }
    expect(() => run({ minSharePct: 40 })).toThrow(InfeasibleSplitError);
  });
});

describe('split helpers', () => {
  it('tilts shares toward later milestones and respects the minimum', () => {
    const flat = tiltedShares([1, 1, 1], [-1, 0, 1], 0, 90, 5)!;
    const late = tiltedShares([1, 1, 1], [-1, 0, 1], 1.5, 90, 5)!;
    expect(flat).toEqual([30, 30, 30]);
    expect(late[2]!).toBeGreaterThan(late[0]!);
    expect(late.reduce((a, b) => a + b, 0)).toBeCloseTo(90, 1);
    const floored = tiltedShares([1, 1, 1], [-1, 0, 1], 3, 90, 20)!;
    expect(floored[0]).toBe(20);
    expect(tiltedShares([1, 1, 1], [0, 0, 0], 0, 50, 20)).toBeNull();
  });

  it('keeps only points that no other beats on both sides', () => {
    const p = (e: number, g: number) => ({
      metrics: { exposureP90: e, gapP90: g, exposureMean: 0, gapMean: 0 },
    });
    const pts = [p(1, 9), p(2, 5), p(3, 6), p(4, 1), p(2, 7)];
    expect(paretoFrontier(pts).map((x) => x.metrics.exposureP90)).toEqual([1, 2, 4]);
  });
});
