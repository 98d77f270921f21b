// A portfolio across the machine's cores: contiguous chunks of projects, one worker thread per
// chunk, each running `simulatePortfolio` with the same options. Every draw is keyed by (seed,
// project, milestone) or (seed, partner), never by position or thread, so the merged answer is
// identical to the single-thread one. Small portfolios stay on this thread, where starting
// workers would cost more than it saves. Workers are always terminated before this returns.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChunkRange, ChunkResult } from './portfolio-chunks.ts';
import { chunkRanges, mergeChunks } from './portfolio-chunks.ts';
import type { SimulationOptions } from './project-input.ts';
import { DEFAULT_RUNS } from './project-input.ts';
import type { PortfolioOutlook, PortfolioProject } from './simulate-portfolio.ts';
import { simulatePortfolio } from './simulate-portfolio.ts';

export type PortfolioOptions = Omit<SimulationOptions, 'projectKey'>;

export interface PortfolioTask {
  projects: readonly PortfolioProject[];
  options: PortfolioOptions;
}

export interface ParallelOptions {
  /** Worker threads (default: os.availableParallelism(), at most MAX_WORKERS); 1 = this thread. */
  workers?: number;
  /** Below this many milestone draws (milestones x runs, summed) the portfolio stays here. */
  minDraws?: number;
}

export const MAX_WORKERS = 8;
/** Measured on the 2-core dev machine, see pipelines/forecast/README.md. */
export const MIN_PARALLEL_DRAWS = 20_000_000;

const WORKER_ENTRY = new URL('./portfolio-worker.mjs', import.meta.url);

function drawCount(projects: readonly PortfolioProject[], runs: number): number {
  let milestones = 0;
  for (const p of projects) milestones += p.milestones.length;
  return milestones * runs;
}

function startChunk(task: PortfolioTask, range: ChunkRange) {
  const worker = new Worker(WORKER_ENTRY, { workerData: task, execArgv: [] });
  const result = new Promise<ChunkResult<PortfolioOutlook>>((resolve, reject) => {
    const fail = (cause: unknown) => {
      const why = cause instanceof Error ? cause.message : String(cause);
      const which = `projects ${range.start}..${range.end - 1}`;
      reject(new Error(`portfolio worker for ${which} failed: ${why}`, { cause }));
    };
    worker.once('message', (items: PortfolioOutlook[]) => resolve({ start: range.start, items }));
    worker.once('error', fail);
    worker.once('messageerror', fail);
    worker.once('exit', (code) => fail(new Error(`exited with code ${code} before answering`)));
  });
  return { worker, result };
}

/** Same answer as `simulatePortfolio(projects, options)`, computed on worker threads. */
export async function simulatePortfolioParallel(
  projects: readonly PortfolioProject[],
  options: PortfolioOptions,
  parallel: ParallelOptions = {},
): Promise<PortfolioOutlook[]> {
  const workers = Math.min(parallel.workers ?? availableParallelism(), MAX_WORKERS);
  const draws = drawCount(projects, options.runs ?? DEFAULT_RUNS);
  if (workers < 2 || projects.length < 2 || draws < (parallel.minDraws ?? MIN_PARALLEL_DRAWS)) {
    return simulatePortfolio(projects, options);
  }
  const chunks = chunkRanges(projects.length, workers).map((range) =>
    startChunk({ projects: projects.slice(range.start, range.end), options }, range),
  );
  try {
    return mergeChunks(await Promise.all(chunks.map((c) => c.result)), projects.length);
  } finally {
    await Promise.all(chunks.map((c) => c.worker.terminate()));
  }
}
