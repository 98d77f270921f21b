// node --import tsx test/bench/forecast.ts [--reps 25] [--portfolio-reps 3]
// Monte Carlo project forecast: one 12-milestone project x 10,000 runs (target < 5 ms), and a
// 1,000-project portfolio at 10,000 and at 2,000 runs (target < 3 s) on worker threads, against
// the single-thread portfolio at 10,000 runs in the same process (wall and CPU). In the same run the
// single project is also simulated by a naive version of the same model (plain objects, Map
// look-ups, Box-Muller normals, a knot search per draw, sorted arrays for quantiles): its median
// over ours is the speed-up. Medians, since the machines are shared. Last line: one JSON object.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { normalCdf } from '../../pipelines/forecast/normal.ts';
import type { ForecastMilestone } from '../../pipelines/forecast/project-input.ts';
import type { QuantileDistribution } from '../../pipelines/forecast/quantile-distribution.ts';
import {
  quantileAt,
  quantileDistribution,
} from '../../pipelines/forecast/quantile-distribution.ts';
import { simulatePortfolio } from '../../pipelines/forecast/simulate-portfolio.ts';
import {
  MAX_WORKERS,
  simulatePortfolioParallel,
} from '../../pipelines/forecast/simulate-portfolio-parallel.ts';
import { simulateProject } from '../../pipelines/forecast/simulate-project.ts';
import { Rng, rngFor } from '../../pipelines/random/prng.ts';
import { median } from './median.ts';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '25' },
    'portfolio-reps': { type: 'string', default: '3' },
  },
});
const REPS = Number(values.reps);
const PORTFOLIO_REPS = Number(values['portfolio-reps']);
const AS_OF = 20_300; // 2025-07-31
const RUNS = 10_000;
const RHO = 0.3;
// A campaign: strategy, then creative, then three streams of work that meet at the launch.
const SHAPE: [string, string[]][] = [
  ['strategy', []],
  ['creative', ['strategy']],
  ['kol-brief', ['creative']],
  ['kol-seeding', ['kol-brief']],
  ['store-setup', ['strategy']],
  ['store-content', ['store-setup', 'creative']],
  ['video-shoot', ['creative']],
  ['video-edit', ['video-shoot']],
  ['launch', ['kol-seeding', 'store-content', 'video-edit']],
  ['livestream', ['launch']],
  ['media-buy', ['launch']],
  ['report', ['livestream', 'media-buy']],
];

function randomDistribution(rng: Rng): QuantileDistribution {
  const median = rng.uniform(-0.05, 0.15);
  const spread = rng.uniform(0.1, 0.35);
  const skew = rng.uniform(1, 1.8);
  const z = [-1.2816, 0, 0.8416, 1.2816, 1.6449];
  return quantileDistribution(
    [0.1, 0.5, 0.8, 0.9, 0.95],
    z.map((s) => median + spread * s * (s > 0 ? skew : 1)),
  );
}

function project(index: number, partners: number): ForecastMilestone[] {
  const rng = rngFor(2025, index);
  const partnerIds = [0, 1, 2].map(() => `partner-${rng.int(0, partners - 1)}`);
  return SHAPE.map(([id, dependsOn], i) => ({
    id,
    dependsOn,
    partnerId: partnerIds[i % 3]!,
    startDay: AS_OF + 4 * i,
    plannedDays: rng.int(5, 30),
    distribution: randomDistribution(rng),
  }));
}

// The naive baseline: the same model written the obvious way.
function naiveRun(ms: ForecastMilestone[], rng: Rng, order: string[]) {
  const byId = new Map(ms.map((m) => [m.id, m]));
  const shock = new Map<string, number>();
  for (const m of ms) if (!shock.has(m.partnerId)) shock.set(m.partnerId, rng.normal());
  const finish: Record<string, number> = {};
  const driver: Record<string, string | null> = {};
  for (const id of order) {
    const m = byId.get(id)!;
    let start = Math.max(m.startDay, AS_OF);
    driver[id] = null;
    for (const dep of m.dependsOn ?? []) {
      if (finish[dep]! > start) [start, driver[id]] = [finish[dep]!, dep];
    }
    const z = Math.sqrt(RHO) * shock.get(m.partnerId)! + Math.sqrt(1 - RHO) * rng.normal();
    const ratio = Math.exp(quantileAt(m.distribution, normalCdf(z)));
    finish[id] = start + Math.ceil(m.plannedDays * ratio - 1e-9);
  }
  const last = order.reduce((a, b) => (finish[b]! >= finish[a]! ? b : a));
  const path: string[] = [];
  for (let id: string | null = last; id; id = driver[id]!) path.push(id);
  return { finish, projectFinish: finish[last]!, path };
}

function naiveSimulate(ms: ForecastMilestone[], runs: number) {
  const order: string[] = [];
  const visit = (id: string) => {
    if (order.includes(id)) return;
    ms.find((m) => m.id === id)!.dependsOn?.forEach(visit);
    order.push(id);
  };
  ms.forEach((m) => visit(m.id));
  const rng = new Rng(7);
  const results = Array.from({ length: runs }, () => naiveRun(ms, rng, order));
  const q = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.ceil(p * xs.length) - 1]!;
  const finishes = results.map((r) => r.projectFinish);
  return {
    finish: { p50: q(finishes, 0.5), p80: q(finishes, 0.8), p95: q(finishes, 0.95) },
    milestones: ms.map((m) => ({
      id: m.id,
      p50: q(
        results.map((r) => r.finish[m.id]!),
        0.5,
      ),
      criticality: results.filter((r) => r.path.includes(m.id)).length / runs,
    })),
  };
}

function timeMs(fn: () => unknown, reps: number): number[] {
  for (let i = 0; i < 5; i++) fn(); // warm-up: let the JIT settle
  return Array.from({ length: reps }, () => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  });
}

const one = project(0, 3);
const ours = simulateProject(one, { asOf: AS_OF, seed: 1, runs: RUNS, rho: RHO });
const naive = naiveSimulate(one, RUNS);
console.error(`fast  finish P50/P80/P95: ${JSON.stringify(ours.finish)}`);
console.error(`naive finish P50/P80/P95: ${JSON.stringify(naive.finish)}`);
const oursMs = median(
  timeMs(() => simulateProject(one, { asOf: AS_OF, seed: 1, runs: RUNS }), REPS),
);
const naiveMs = median(timeMs(() => naiveSimulate(one, RUNS), Math.max(3, Math.round(REPS / 5))));
// The floor on this machine: the 150,000 raw 32-bit draws a run needs (12 milestones + 3 partner
// shocks, x 10,000 runs) and nothing else.
const floorRng = new Rng(1);
const drawOnly = () => {
  let x = 0;
  for (let i = 0; i < 15 * RUNS; i++) x ^= floorRng.nextUint32();
  return x;
};
const floorMs = median(timeMs(drawOnly, REPS));
console.error(
  `project 12 x ${RUNS}: ${oursMs.toFixed(2)} ms (naive ${naiveMs.toFixed(1)} ms, raw draws alone ${floorMs.toFixed(2)} ms)`,
);

const portfolio = Array.from({ length: 1000 }, (_, i) => ({
  id: `p${i}`,
  milestones: project(i, 60),
}));
const WORKERS = Math.min(availableParallelism(), MAX_WORKERS);

// Wall and CPU (all threads of this process, workers included) of one call, after one warm-up.
async function timeRuns(fn: () => unknown, reps: number) {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < reps; i++) {
    const [t, c] = [performance.now(), process.cpuUsage()];
    await fn();
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: Math.round(median(wall)), cpuMs: Math.round(median(cpu)) };
}

async function portfolioMs(runs: number, parallel: boolean) {
  const options = { asOf: AS_OF, seed: 1, runs };
  const got = await timeRuns(
    () =>
      parallel
        ? simulatePortfolioParallel(portfolio, options)
        : simulatePortfolio(portfolio, options),
    PORTFOLIO_REPS,
  );
  const how = parallel ? `${WORKERS} workers` : '1 thread';
  console.error(`portfolio 1,000 x 12 x ${runs}, ${how}: ${got.wallMs} ms (CPU ${got.cpuMs} ms)`);
  return got;
}
const single10k = await portfolioMs(10_000, false);
const parallel10k = await portfolioMs(10_000, true);
const parallel2k = await portfolioMs(2_000, true);
const sameAnswer =
  JSON.stringify(
    await simulatePortfolioParallel(portfolio, { asOf: AS_OF, seed: 1, runs: 2_000 }),
  ) === JSON.stringify(simulatePortfolio(portfolio, { asOf: AS_OF, seed: 1, runs: 2_000 }));

const figures = {
  bench: 'forecast',
  project: { milestones: 12, runs: RUNS, medianMs: +oursMs.toFixed(3), targetMs: 5 },
  rawDrawsOnly: { draws: 15 * RUNS, medianMs: +floorMs.toFixed(3) },
  naive: { medianMs: +naiveMs.toFixed(1), speedup: +(naiveMs / oursMs).toFixed(1) },
  agreement: {
    p50Days: ours.finish.p50 - naive.finish.p50,
    p95Days: ours.finish.p95 - naive.finish.p95,
  },
  portfolio: {
    projects: 1000,
    workers: WORKERS,
    medianMsAt10kRuns: parallel10k.wallMs,
    cpuMsAt10kRuns: parallel10k.cpuMs,
    medianMsAt2kRuns: parallel2k.wallMs,
    singleThread: { medianMsAt10kRuns: single10k.wallMs, cpuMsAt10kRuns: single10k.cpuMs },
    speedup: +(single10k.wallMs / parallel10k.wallMs).toFixed(2),
    identicalToSingleThread: sameAnswer,
    targetMs: 3000,
  },
  machine: { cpus: cpus().length, loadavg1m: +loadavg()[0]!.toFixed(2), node: process.version },
};
console.log(JSON.stringify(figures));
