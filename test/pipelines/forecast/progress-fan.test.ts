import { describe, expect, it } from 'vitest';
import { fromDayNumber } from '../../../pipelines/calendar/iso-date.ts';
import { progressFan } from '../../../pipelines/forecast/progress-fan.ts';
import { fixedRatio } from '../../../pipelines/forecast/quantile-distribution.ts';
import { simulateProject } from '../../../pipelines/forecast/simulate-project.ts';
import { mondayOf } from '../../../pipelines/forecast/week-buckets.ts';
import { chain, DAY0, milestone } from './project-fixtures.ts';

// The naive reference: sort each week's per-run shares and read ranks ceil(q n).
function naiveBand(finish: Int32Array, runs: number, weekEnd: number) {
  const m = finish.length / runs;
  const shares = Array.from({ length: runs }, (_, r) => {
    let k = 0;
    for (let i = 0; i < m; i++) if (finish[i * runs + r]! <= weekEnd) k++;
    return k / m;
  }).sort((a, b) => a - b);
  const at = (q: number) => shares[Math.ceil(q * runs - 1e-9) - 1]!;
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}

describe('progressFan', () => {
  it('counts a deterministic chain week by week', () => {
    const f = simulateProject(
      [
        milestone('a', { plannedDays: 10, distribution: fixedRatio(1) }),
        milestone('b', { plannedDays: 10, distribution: fixedRatio(1), dependsOn: ['a'] }),
      ],
      { asOf: DAY0, seed: 1, runs: 50 },
    );
    expect(progressFan(f.samples.milestoneFinish, f.runs, DAY0)).toEqual([
      { weekStart: '2025-03-03', p10: 0, p50: 0, p90: 0 },
      { weekStart: '2025-03-10', p10: 0.5, p50: 0.5, p90: 0.5 },
      { weekStart: '2025-03-17', p10: 1, p50: 1, p90: 1 },
    ]);
  });

  it('reads quantiles across runs of hand-made finishes', () => {
    // 2 milestones x 10 runs: milestone 0 is done in week 0 in every run; milestone 1 in week
    // 0 in runs 0-3, in week 1 in runs 4-8 and in week 3 in run 9.
    const runs = 10;
    const week = (w: number) => DAY0 + 7 * w + 2;
    const second = [0, 0, 0, 0, 1, 1, 1, 1, 1, 3].map(week);
    const finish = Int32Array.from([...Array<number>(runs).fill(week(0)), ...second]);
    const fan = progressFan(finish, runs, DAY0 + 1);
    expect(fan.map((b) => [b.p10, b.p50, b.p90])).toEqual([
      [0.5, 0.5, 1],
      [0.5, 1, 1],
      [0.5, 1, 1],
      [1, 1, 1],
    ]);
    // P10 reads the lowest of 10 runs (rank ceil(0.1 x 10) = 1): the fan runs until run 9 is done.
    expect(fan.map((b) => b.weekStart)).toEqual([
      '2025-03-03',
      '2025-03-10',
      '2025-03-17',
      '2025-03-24',
    ]);
  });

  it('is monotone, ordered, ends at 1 and matches a sort of the same runs', () => {
    const runs = 2000;
    const f = simulateProject(chain(6), { asOf: DAY0, seed: 7, runs });
    const fan = progressFan(f.samples.milestoneFinish, runs, DAY0);
    expect(fan.length).toBeGreaterThan(3);
    fan.forEach((b, w) => {
      expect(b.p10).toBeLessThanOrEqual(b.p50);
      expect(b.p50).toBeLessThanOrEqual(b.p90);
      if (w > 0) {
        const before = fan[w - 1]!;
        expect(b.p10).toBeGreaterThanOrEqual(before.p10);
        expect(b.p50).toBeGreaterThanOrEqual(before.p50);
        expect(b.p90).toBeGreaterThanOrEqual(before.p90);
      }
      const end = mondayOf(DAY0) + 7 * w + 6;
      expect(b.weekStart).toBe(fromDayNumber(end - 6));
      expect(b).toMatchObject(naiveBand(f.samples.milestoneFinish, runs, end));
    });
    expect(fan.at(-1)).toMatchObject({ p10: 1, p50: 1, p90: 1 });
    expect(fan.at(-2)!.p10).toBeLessThan(1);
  });

  it('puts milestones done before asOf in the first week and caps the weeks', () => {
    const finish = Int32Array.from([DAY0 - 30, DAY0 + 400]);
    const fan = progressFan(finish, 1, DAY0, 4);
    expect(fan.map((b) => b.p50)).toEqual([0.5, 0.5, 0.5, 1]);
    expect(progressFan(new Int32Array(0), 10, DAY0)).toEqual([]);
  });
});
