import { describe, expect, it } from 'vitest';
import type { ProjectList } from '../../api/types.ts';
import {
  clauseBounds,
  hasClauses,
  numberPatch,
  readAdviceState,
  splitBounds,
  splitConstraints,
} from '../../web/src/lib/advice/advice-url.ts';
import { contractChoices } from '../../web/src/lib/advice/contract-choices.ts';
import { incentiveOption } from '../../web/src/lib/charts/incentive-option.ts';
import { paretoOption } from '../../web/src/lib/charts/pareto-option.ts';
import { createFormat } from '../../web/src/lib/format.ts';

const f = createFormat('en-US');

describe('advice URL state', () => {
  it('reads numbers within the API’s ranges and falls back to its defaults', () => {
    const s = readAdviceState(
      new URLSearchParams('contract=C1&deposit=250&minShare=x&cost=0.5&bonus=500&grace=-3'),
    );
    expect(s.mode).toBe('contract');
    expect(s.contract).toBe('C1');
    expect(s.split).toEqual({
      maxDepositPct: 100,
      minSharePct: 2,
      retentionMaxPct: 15,
      costRatio: 0.5,
    });
    expect(s.clauses).toMatchObject({ bonusPerDay: 500, penaltyGraceDays: 0 });
    expect(hasClauses(s.clauses)).toBe(true);
    expect(readAdviceState(new URLSearchParams('mode=plan')).mode).toBe('plan');
  });

  it('leaves defaults out of the URL and maps names to short keys', () => {
    expect(numberPatch(splitBounds, { maxDepositPct: 20, minSharePct: 2 })).toEqual({
      deposit: '20',
      minShare: undefined,
    });
    expect(numberPatch(clauseBounds, { penaltyCap: 10000 })).toEqual({ penaltyCap: '10000' });
    expect(splitConstraints(readAdviceState(new URLSearchParams()).split)).toMatchObject({
      retentionMinPct: 0,
      retentionMaxPct: 15,
    });
  });

  it('offers each contract once, in the order of its projects', () => {
    const p = (contractId: string, name: string) =>
      ({ contractId, name }) as ProjectList['projects'][number];
    const choices = contractChoices(
      [p('C2', 'Launch'), p('C1', 'CNY'), p('C2', 'Other')],
      (id, n) => `${id} · ${n}`,
    );
    expect(choices).toEqual([
      { value: 'C2', label: 'C2 · Launch' },
      { value: 'C1', label: 'C1 · CNY' },
    ]);
  });
});

describe('advice charts', () => {
  const point = (exposureP90: number, gapP90: number, depositPct = 0) => ({
    depositPct,
    retentionPct: 0,
    exposureP90,
    gapP90,
  });
  it('draws the frontier as a line with the current and recommended splits on top', () => {
    const option = paretoOption(
      {
        frontier: [point(0, 100), point(50, 40, 10), point(90, -20, 20)],
        current: point(0, 100),
        recommended: point(50, 40, 10),
        currency: 'CNY',
      },
      {
        format: f,
        labels: {
          exposure: 'Exposure',
          gap: 'Gap',
          frontier: 'Frontier',
          current: 'Current',
          recommended: 'Recommended',
          deposit: 'Deposit',
          retention: 'Retention',
          aria: 'x',
        },
      },
    );
    const series = option.series as { name: string; data: number[][] }[];
    expect(series.map((s) => s.name)).toEqual(['Frontier', 'Current', 'Recommended']);
    expect(series[0]!.data).toEqual([
      [0, 100],
      [50, 40],
      [90, -20],
    ]);
    expect(series[2]!.data).toEqual([[50, 40]]);
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    expect(
      tooltip.formatter({ seriesIndex: 2, dataIndex: 0, seriesName: 'Recommended' }),
    ).toContain('Deposit 10%');
  });

  it('puts expected bonus and penalty side by side per milestone', () => {
    const option = incentiveOption(
      [
        { milestoneId: 'm1', expectedBonus: 300, expectedPenalty: 2000 },
        { milestoneId: 'm2', expectedBonus: 10, expectedPenalty: 0 },
      ],
      { format: f, currency: 'CNY', labels: { bonus: 'Bonus', penalty: 'Penalty', aria: 'x' } },
    );
    const series = option.series as { name: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Bonus', [300, 10]],
      ['Penalty', [2000, 0]],
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['m1', 'm2']);
  });
});
