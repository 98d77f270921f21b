import { describe, expect, it } from 'vitest';
import { DependencyCycleError } from '../../../pipelines/forecast/compile-project.ts';
import {
  deliveryQuantileDays,
  probabilityByDay,
} from '../../../pipelines/forecast/milestone-dates.ts';
import { fixedRatio } from '../../../pipelines/forecast/quantile-distribution.ts';
import {
  milestoneSamples,
  probabilityFinishedBy,
  simulateProject,
} from '../../../pipelines/forecast/simulate-project.ts';
import { chain, DAY0, milestone, typical } from './project-fixtures.ts';

const base = { asOf: DAY0, seed: 42, runs: 4000 };

function spread(samples: Int32Array): number {
  const s = samples.slice().sort();
  return s[Math.floor(0.95 * s.length)]! - s[Math.floor(0.5 * s.length)]!;
}

describe('simulateProject', () => {
  it('finishes a deterministic chain exactly', () => {
    const f = simulateProject(
      [
        milestone('a', { plannedDays: 10, distribution: fixedRatio(1.5) }),
        milestone('b', { plannedDays: 4, distribution: fixedRatio(1), dependsOn: ['a'] }),
      ],
      base,
    );
    expect(f.finish).toEqual({ p50: DAY0 + 19, p80: DAY0 + 19, p95: DAY0 + 19 });
    expect(new Set(f.samples.projectFinish)).toEqual(new Set([DAY0 + 19]));
    expect(f.milestones.map((m) => [m.p10, m.p90, m.criticality])).toEqual([
      [DAY0 + 15, DAY0 + 15, 1],
      [DAY0 + 19, DAY0 + 19, 1],
    ]);
    expect(f.milestones.map((m) => m.pOnTime)).toEqual([0, 0]);
    expect(probabilityFinishedBy(f, DAY0 + 18)).toBe(0);
    expect(probabilityFinishedBy(f, DAY0 + 19)).toBe(1);
  });

  it('puts the longer of two parallel branches on the critical path', () => {
    const f = simulateProject(
      [
        milestone('start', { plannedDays: 3 }),
        milestone('long', { plannedDays: 30, dependsOn: ['start'] }),
        milestone('short', { plannedDays: 8, dependsOn: ['start'], partnerId: 'studio' }),
        milestone('join', { plannedDays: 5, dependsOn: ['long', 'short'] }),
      ],
      base,
    );
    const crit = Object.fromEntries(f.milestones.map((m) => [m.id, m.criticality]));
    expect(crit.start).toBe(1);
    expect(crit.join).toBe(1);
    expect(crit.long).toBeGreaterThan(0.99);
    expect(crit.long! + crit.short!).toBeCloseTo(1, 12);
  });

  it('widens the P95 of a one-partner project when its milestones slip together', () => {
    const project = chain(6);
    const spreads = [0, 0.5, 1].map((rho) =>
      spread(simulateProject(project, { ...base, rho }).samples.projectFinish),
    );
    expect(spreads[1]!).toBeGreaterThan(spreads[0]! * 1.3);
    expect(spreads[2]!).toBeGreaterThan(spreads[1]!);
    const [independent, shocked] = [0, 1].map(
      (rho) => simulateProject(project, { ...base, rho }).finish.p95,
    );
    expect(shocked!).toBeGreaterThan(independent!);
  });

  it('correlates milestones of one partner only', () => {
    const f = simulateProject(
      [milestone('a'), milestone('b'), milestone('c', { partnerId: 'other' })],
      { ...base, rho: 0.8 },
    );
    const corr = (x: Int32Array, y: Int32Array) => {
      const mx = x.reduce((s, v) => s + v, 0) / x.length;
      const my = y.reduce((s, v) => s + v, 0) / y.length;
      let sxy = 0, sxx = 0, syy = 0; // prettier-ignore
      x.forEach((v, i) => {
        sxy += (v - mx) * (y[i]! - my);
        sxx += (v - mx) ** 2;
        syy += (y[i]! - my) ** 2;
      });
      return sxy / Math.sqrt(sxx * syy);
    };
    const [a, b, c] = ['a', 'b', 'c'].map((id) => milestoneSamples(f, id));
    expect(corr(a!, b!)).toBeGreaterThan(0.6);
    expect(Math.abs(corr(a!, c!))).toBeLessThan(0.06);
  });

  it('keeps each milestone on its own distribution', () => {
    const f = simulateProject([milestone('solo', { plannedDays: 20 })], { ...base, runs: 20_000 });
    const exact = deliveryQuantileDays(
      typical,
      { startDay: DAY0, plannedDays: 20 },
      [0.1, 0.5, 0.9],
    );
    const m = f.milestones[0]!;
    [m.p10, m.p50, m.p90].forEach((day, i) =>
      expect(Math.abs(day - exact[i]!)).toBeLessThanOrEqual(1),
    );
    const pOnTime = probabilityByDay(typical, { startDay: DAY0, plannedDays: 20 }, DAY0 + 20);
    expect(m.pOnTime).toBeCloseTo(pOnTime, 1);
  });

  it('reproduces runs exactly for a seed, and differs for another', () => {
    const project = chain(5);
    const one = simulateProject(project, base);
    const again = simulateProject(project, base);
    const other = simulateProject(project, { ...base, seed: 43 });
    expect(again.samples.milestoneFinish).toEqual(one.samples.milestoneFinish);
    expect(again.milestones).toEqual(one.milestones);
    expect(other.samples.milestoneFinish).not.toEqual(one.samples.milestoneFinish);
  });

  it('starts nothing before asOf, keeps done milestones and conditions in-flight ones', () => {
    const asOf = DAY0 + 20;
    const f = simulateProject(
      [
        milestone('done', { doneDay: DAY0 + 12 }),
        milestone('flight', {
          startDay: DAY0 + 5,
          plannedDays: 10,
          started: true,
          dependsOn: ['done'],
        }),
        milestone('next', { startDay: DAY0, plannedDays: 4, distribution: fixedRatio(1) }),
      ],
      { ...base, asOf },
    );
    expect(new Set(milestoneSamples(f, 'done'))).toEqual(new Set([DAY0 + 12]));
    expect(Math.min(...milestoneSamples(f, 'flight'))).toBeGreaterThanOrEqual(asOf);
    expect(new Set(milestoneSamples(f, 'next'))).toEqual(new Set([asOf + 4]));
    expect(f.milestones[1]!.pOnTime).toBe(0);
  });

  it('rejects cycles, unknown dependencies and duplicate ids with clear errors', () => {
    const cyclic = [
      milestone('a', { dependsOn: ['c'] }),
      milestone('b', { dependsOn: ['a'] }),
      milestone('c', { dependsOn: ['b'] }),
    ];
    expect(() => simulateProject(cyclic, base)).toThrow(DependencyCycleError);
    expect(() => simulateProject(cyclic, base)).toThrow(/a -> c -> b -> a/);
    expect(() => simulateProject([milestone('a', { dependsOn: ['zz'] })], base)).toThrow(
      /unknown "zz"/,
    );
    expect(() => simulateProject([milestone('a'), milestone('a')], base)).toThrow(/twice/);
    expect(() => simulateProject([milestone('a', { plannedDays: 0 })], base)).toThrow(/> 0/);
    expect(() => simulateProject([milestone('a')], { ...base, rho: 1.5 })).toThrow(/rho/);
  });
});
