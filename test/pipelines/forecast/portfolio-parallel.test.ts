import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DependencyCycleError } from '../../../pipelines/forecast/compile-project.ts';
import { chunkRanges, mergeChunks } from '../../../pipelines/forecast/portfolio-chunks.ts';
import { simulatePortfolio } from '../../../pipelines/forecast/simulate-portfolio.ts';
import type { PortfolioProject } from '../../../pipelines/forecast/simulate-portfolio.ts';
import { simulatePortfolioParallel } from '../../../pipelines/forecast/simulate-portfolio-parallel.ts';
import { chain, DAY0, milestone } from './project-fixtures.ts';

// A few hundred projects of 1 to 6 milestones, partners shared across projects (so partner
// shocks are shared across chunks too), durations varying so every project's answer differs.
function portfolio(count: number): PortfolioProject[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `project-${i}`,
    milestones: [
      ...chain(1 + (i % 5), { partnerId: `partner-${i % 17}`, plannedDays: 5 + (i % 23) }),
      milestone('side', { partnerId: `partner-${(i * 7) % 17}`, startDay: DAY0 + (i % 9) }),
    ],
  }));
}

const OPTIONS = { asOf: DAY0, seed: 11, runs: 400, rho: 0.3 };
const FORCE = { workers: 3, minDraws: 0 };

describe('chunkRanges', () => {
  it('splits into contiguous, non-empty ranges that tile the input and differ by at most one', () => {
    for (const [count, parts] of [
      [1000, 2],
      [10, 3],
      [2, 8],
      [7, 7],
    ] as const) {
      const ranges = chunkRanges(count, parts);
      expect(ranges).toHaveLength(Math.min(count, parts));
      expect(ranges[0]!.start).toBe(0);
      expect(ranges.at(-1)!.end).toBe(count);
      ranges.slice(1).forEach((r, i) => expect(r.start).toBe(ranges[i]!.end));
      const sizes = ranges.map((r) => r.end - r.start);
      expect(Math.min(...sizes)).toBeGreaterThan(0);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});

describe('mergeChunks', () => {
  it('puts chunks back in input order whatever order they finish in', () => {
    const finished = [
      { start: 5, items: ['f', 'g'] },
      { start: 0, items: ['a', 'b', 'c'] },
      { start: 3, items: ['d', 'e'] },
    ];
    expect(mergeChunks(finished, 7)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('refuses chunks that leave a gap, overlap or overflow', () => {
    expect(() => mergeChunks([{ start: 0, items: [1, 2] }], 3)).toThrow(/cover 2 of 3/);
    const overlap = [
      { start: 0, items: [1, 2] },
      { start: 1, items: [2, 3] },
    ];
    expect(() => mergeChunks(overlap, 3)).toThrow(/overlap at item 1/);
    expect(() => mergeChunks([{ start: 2, items: [1, 2] }], 3)).toThrow(/outside/);
  });
});

describe('simulatePortfolioParallel', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives exactly the single-thread answer, in project order', async () => {
    const projects = portfolio(300);
    const single = simulatePortfolio(projects, OPTIONS);
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const parallel = await simulatePortfolioParallel(projects, OPTIONS, FORCE);
    expect(terminate).toHaveBeenCalledTimes(FORCE.workers);
    expect(parallel.map((p) => p.projectId)).toEqual(projects.map((p) => p.id));
    expect(parallel).toEqual(single);
    // Chunks concatenated in any other order would not match: the answers differ per project.
    const [a, b, c] = chunkRanges(projects.length, FORCE.workers).map((r) =>
      single.slice(r.start, r.end),
    );
    expect([...c!, ...a!, ...b!]).not.toEqual(single);
  });

  it('rejects with the failing chunk named when a worker throws, and its siblings stop', async () => {
    const projects = portfolio(30);
    projects[25] = {
      id: 'looped',
      milestones: [milestone('a', { dependsOn: ['b'] }), milestone('b', { dependsOn: ['a'] })],
    };
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    await expect(simulatePortfolioParallel(projects, OPTIONS, FORCE)).rejects.toThrow(
      /portfolio worker for projects 20\.\.29 failed: .*cycle/i,
    );
    expect(terminate).toHaveBeenCalledTimes(FORCE.workers);
  });

  it('stays on this thread for a small portfolio (its errors are not worker errors)', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const looped = [{ id: 'x', milestones: chain(2, { dependsOn: ['m1'] }) }];
    await expect(simulatePortfolioParallel(looped, OPTIONS)).rejects.toBeInstanceOf(
      DependencyCycleError,
    );
    const small = portfolio(5);
    expect(await simulatePortfolioParallel(small, OPTIONS)).toEqual(
      simulatePortfolio(small, OPTIONS),
    );
    expect(terminate).not.toHaveBeenCalled();
  });
});
