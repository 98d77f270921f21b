import { describe, expect, it } from 'vitest';
import {
  dayDistribution,
  dayQuantile,
  shareOnOrBefore,
  summariseDays,
} from '../../../pipelines/forecast/day-distribution.ts';
import { cachedShocks, freshShocks } from '../../../pipelines/forecast/partner-shocks.ts';
import { simulatePortfolio } from '../../../pipelines/forecast/simulate-portfolio.ts';
import { simulateProject } from '../../../pipelines/forecast/simulate-project.ts';
import { Rng } from '../../../pipelines/random/prng.ts';
import { chain, DAY0, milestone } from './project-fixtures.ts';

// What a portfolio run reuses from project to project (buffers, duration tables, day counts,
// partner shocks) must not change any project's result.
const LEVELS = [0.1, 0.5, 0.8, 0.9, 0.95];

function samples(seed: number, runs: number, from: number, width: number): Int32Array {
  const rng = new Rng(seed);
  return Int32Array.from({ length: runs }, () => rng.int(from, from + width));
}

describe('summariseDays', () => {
  it('gives the quantiles and share of the full day distribution, and leaves its scratch zeroed', () => {
    const scratch = new Int32Array(4096);
    for (const [seed, runs, width] of [
      [1, 10_000, 120],
      [2, 7, 3],
      [3, 1, 0],
      [4, 2_000, 4_000],
    ] as const) {
      const s = samples(seed, runs, 20_000, width);
      const d = dayDistribution(s);
      for (const day of [19_990, 20_000, 20_000 + width / 2 + 0.5, 20_000 + width, 30_000]) {
        const got = summariseDays(s, LEVELS, day, scratch);
        expect(got.quantiles).toEqual(LEVELS.map((q) => dayQuantile(d, q)));
        expect(got.shareByDay).toBe(shareOnOrBefore(d, day));
      }
      expect(scratch.every((c) => c === 0)).toBe(true);
    }
  });

  it('falls back to the full distribution when the range does not fit the scratch', () => {
    const s = Int32Array.of(0, 10_000, 5, 70_000);
    const got = summariseDays(s, [0.5, 1], 6, new Int32Array(16));
    expect(got).toEqual({ quantiles: [5, 70_000], shareByDay: 0.5 });
  });
});

describe('partner shock sources', () => {
  it('cache the same numbers a fresh draw gives, within and beyond the budget', () => {
    const fresh = freshShocks(7, 500, 0.3);
    const cached = cachedShocks(7, 500, 0.3, 1_000); // room for two partners
    for (const id of ['a', 'b', 'c', 'a', 'c']) expect(cached(id)).toEqual(fresh(id));
    expect(cached('a')).toBe(cached('a'));
    expect(cached('c')).not.toBe(cached('c'));
    expect(freshShocks(7, 500, 0)('a').every((z) => z === 0)).toBe(true);
    expect(fresh('a')).not.toEqual(fresh('b'));
  });
});

describe('simulatePortfolio buffer reuse', () => {
  it('gives every project the outlook of its own single-project run', () => {
    const projects = [
      { id: 'small', milestones: chain(2, { partnerId: 'a' }) },
      {
        id: 'large',
        milestones: [
          milestone('done', { partnerId: 'b', doneDay: DAY0 + 3 }),
          ...chain(4, { partnerId: 'a' }),
          milestone('side', { partnerId: 'c', plannedDays: 30 }),
        ],
      },
      { id: 'again', milestones: chain(3, { partnerId: 'c', plannedDays: 5 }) },
    ];
    const options = { asOf: DAY0, seed: 3, runs: 2_000, rho: 0.4 };
    const portfolio = simulatePortfolio(projects, options);
    projects.forEach((project, i) => {
      const alone = simulateProject(project.milestones, { ...options, projectKey: project.id });
      expect(portfolio[i]).toEqual({
        projectId: project.id,
        runs: alone.runs,
        finish: alone.finish,
        finishDistribution: alone.finishDistribution,
        milestones: alone.milestones,
      });
    });
  });
});
