import { describe, expect, it } from 'vitest';
import {
  fixedRatio,
  quantileDistribution,
} from '../../../pipelines/forecast/quantile-distribution.ts';
import { milestoneSamples, simulateProject } from '../../../pipelines/forecast/simulate-project.ts';
import { simulatePortfolio } from '../../../pipelines/forecast/simulate-portfolio.ts';
import {
  applyWhatIfs,
  compareWhatIf,
  withDueDate,
  withPartner,
} from '../../../pipelines/forecast/what-if.ts';
import { chain, DAY0, milestone } from './project-fixtures.ts';

const options = { asOf: DAY0, seed: 9, runs: 3000 };
const project = [...chain(3), milestone('side', { partnerId: 'studio', plannedDays: 6 })];
const fast = quantileDistribution([0.1, 0.5, 0.9], [-0.3, -0.2, -0.05]);

describe('what-if', () => {
  it('moves a due date: the planned duration follows, and delivery with it (ratio model)', () => {
    const moved = withDueDate(project, 'm0', DAY0 + 15);
    expect(moved[0]).toMatchObject({ dueDay: DAY0 + 15, plannedDays: 15 });
    expect(project[0]).not.toHaveProperty('dueDay');
    const change = { kind: 'due-date' as const, milestoneId: 'm0', dueDay: DAY0 + 15 };
    const { delta } = compareWhatIf(project, [change], options);
    // Five more planned days at a median ratio of e^0.05: about 5.3 days later, every later step too.
    expect(delta.milestones[0]!.p50).toBeGreaterThanOrEqual(5);
    expect(delta.milestones[0]!.p50).toBeLessThanOrEqual(6);
    expect(delta.milestones[2]!.p50).toBeGreaterThanOrEqual(5);
    // Starting as planned, P(R <= 1) is what it was: the ratio model gives no free punctuality.
    expect(Math.abs(delta.milestones[0]!.pOnTime)).toBeLessThan(0.03);
    expect(delta.milestones[3]).toEqual({ id: 'side', p50: 0, p90: 0, pOnTime: 0, criticality: 0 });
  });

  it('can keep the delivery distribution and change only P(on time)', () => {
    const single = [milestone('x', { plannedDays: 10 })];
    const keep = compareWhatIf(
      single,
      [{ kind: 'due-date', milestoneId: 'x', dueDay: DAY0 + 14, keep: 'delivery' }],
      options,
    );
    expect(keep.delta.milestones[0]!.p50).toBe(0);
    expect(keep.delta.milestones[0]!.p90).toBe(0);
    expect(keep.delta.milestones[0]!.pOnTime).toBeGreaterThan(0.2);
    const fixed = withDueDate([milestone('y', { distribution: fixedRatio(1) })], 'y', DAY0 + 20, {
      keep: 'delivery',
    });
    expect(simulateProject(fixed, options).finish.p50).toBe(DAY0 + 10);
    expect(() => withDueDate(single, 'x', DAY0)).toThrow(/no planned duration/);
  });

  it('hands milestones to a faster partner, leaving the untouched draws as they were', () => {
    const changes = [
      {
        kind: 'partner' as const,
        milestoneIds: ['m1', 'm2'],
        partnerId: 'fast',
        distribution: fast,
      },
    ];
    const changed = applyWhatIfs(project, changes);
    expect(changed.map((m) => m.partnerId)).toEqual(['agency', 'fast', 'fast', 'studio']);
    expect(changed[1]!.distribution).toBe(fast);
    const { baseline, scenario, delta } = compareWhatIf(project, changes, options);
    expect(delta.finish.p50).toBeLessThan(0);
    expect(milestoneSamples(scenario, 'side')).toEqual(milestoneSamples(baseline, 'side'));
    expect(milestoneSamples(scenario, 'm0')).toEqual(milestoneSamples(baseline, 'm0'));
    expect(() => withPartner(project, ['nope'], { partnerId: 'p', distribution: fast })).toThrow(
      /"nope"/,
    );
  });
});

describe('simulatePortfolio', () => {
  it('matches single-project runs and shares partner shocks across projects', () => {
    const projects = ['p1', 'p2'].map((id) => ({ id, milestones: chain(3) }));
    const out = simulatePortfolio(projects, { ...options, rho: 1 });
    const alone = simulateProject(chain(3), { ...options, rho: 1, projectKey: 'p2' });
    expect(out[1]).toMatchObject({
      projectId: 'p2',
      finish: alone.finish,
      milestones: alone.milestones,
    });
    // rho = 1: one partner, one shock per run, so both projects run identically.
    expect(out[0]!.milestones).toEqual(out[1]!.milestones);
    const independent = simulatePortfolio(projects, { ...options, rho: 0 });
    expect(independent[0]!.milestones).not.toEqual(independent[1]!.milestones);
  });
});
