// npm run bench:models [-- --milestones 1000000 --runs 1]
// Issue 4's model targets on a demo warehouse of N milestones (built once under bench-results/):
// train the delivery quantiles and both risk models in under 30 s and 4 GB; predict 10,000
// milestones in under 1 s; then the Monte Carlo figures of test/bench/forecast.ts (one project,
// 12 x 10,000, under 5 ms; 1,000 projects under 3 s). Baselines in the same run: the feature SQL
// alone, and an IRLS logistic regression on the same P(late) rows (the issue quotes ~1.5 s for
// 1M x 10). `train.phases` splits the last run's training into its steps (features and tasks;
// on large data then binning, the 7 fits on two threads with the risk rows' binning, calibration;
// else delivery quantiles, P(late) and P(dispute)) with wall and CPU seconds (CPU counts every
// thread).
// Last line: one JSON object.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fitLogisticBaseline } from '../../pipelines/models/backtest/logistic-baseline.ts';
import { makeTask } from '../../pipelines/models/backtest/tasks.ts';
import { milestoneTable } from '../../pipelines/models/features/milestone-table.ts';
import { forecastRows } from '../../pipelines/models/predict/milestone-forecasts.ts';
import { productModelFrom, trainProductModel } from '../../pipelines/models/product-model.ts';
import { openWarehouse } from '../../pipelines/warehouse/warehouse.ts';
import { median, peakRssMb } from './median.ts';

const { values } = parseArgs({
  options: {
    milestones: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '1' },
    build: { type: 'boolean', default: false },
  },
});
const n = Number(values.milestones);
const dir = join(import.meta.dirname, '../../bench-results/models');
const db = join(dir, `demo-${n}.duckdb`);
const asOf = '2026-10-31';

if (values.build) {
  const { loadDemo } = await import('../../pipelines/demo/index.ts');
  const wh = await openWarehouse(db);
  await loadDemo(wh, { seed: 42, milestones: n, asOf });
  await wh.close();
  process.exit(0);
}
if (!existsSync(db)) {
  mkdirSync(dir, { recursive: true });
  console.error(
    `building a ${n.toLocaleString('en')}-milestone demo warehouse at ${db} (once) ...`,
  );
  execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--milestones', String(n), '--build'],
    {
      stdio: 'inherit',
    },
  );
}

const seconds = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const v = await fn();
  return [v, (performance.now() - t) / 1000];
};

const wh = await openWarehouse(db);
const trainRuns: number[] = [];
const featureRuns: number[] = [];
let trained: Awaited<ReturnType<typeof trainProductModel>> | undefined;
// Wall and CPU seconds of each training step (features with the tasks, then each model), last run.
let phases: Record<string, { seconds: number; cpuSeconds: number }> = {};
const phaseTimer = () => {
  const out: typeof phases = {};
  let name = '';
  let wall = performance.now();
  let cpu = process.cpuUsage();
  const close = (next: string) => {
    const used = process.cpuUsage(cpu);
    if (name)
      out[name] = {
        seconds: +((performance.now() - wall) / 1000).toFixed(1),
        cpuSeconds: +((used.user + used.system) / 1e6).toFixed(1),
      };
    [name, wall, cpu] = [next.split(' (')[0] ?? next, performance.now(), process.cpuUsage()];
  };
  return { out, close };
};
for (let r = 0; r < Number(values.runs); r++) {
  const [, f] = await seconds(() => wh.withConnection((c) => milestoneTable(c, { asOf })));
  featureRuns.push(f);
  const timer = phaseTimer();
  const [t, s] = await seconds(() =>
    wh.withConnection((c) => trainProductModel(c, { asOf, onStep: timer.close })),
  );
  timer.close('');
  phases = timer.out;
  trained = t;
  trainRuns.push(s);
  console.error(
    `run ${r + 1}: features ${f.toFixed(1)} s, train (features included) ${s.toFixed(1)} s`,
  );
}
const peakTrainMb = peakRssMb();
if (!trained) throw new Error('no run');
const table = trained.table;

// Baseline in the same run: logistic IRLS on the same P(late) rows and features.
const late = makeTask(table, { source: 'bench', kind: 'binary', target: 'late', y: table.late });
const [, logisticSeconds] = await seconds(() =>
  fitLogisticBaseline(late, Int32Array.from(late.y.keys())),
);

// Predict 10,000 milestones (features already built): quantiles, risks, factors and dates.
const model = productModelFrom(trained.params);
const rows = Int32Array.from({ length: Math.min(10_000, table.n) }, (_, i) => table.n - 1 - i);
const predictMs: number[] = [];
for (let r = 0; r < 5; r++)
  predictMs.push((await seconds(() => forecastRows(model, table, rows, asOf)))[1] * 1000);
await wh.close();

const forecastOut = execFileSync(
  process.execPath,
  ['--import', 'tsx', join(import.meta.dirname, 'forecast.ts')],
  {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const monteCarlo = JSON.parse(forecastOut.trim().split('\n').at(-1) ?? '{}') as Record<
  string,
  unknown
>;

const figures = {
  bench: 'models',
  milestones: table.n,
  trainedOn: trained.rows,
  features: late.numeric.size + late.categorical.size,
  train: {
    medianSeconds: +median(trainRuns).toFixed(1),
    targetSeconds: 30,
    runs: trainRuns.length,
    phases,
  },
  featureSqlSeconds: +median(featureRuns).toFixed(1),
  logisticBaselineSeconds: +logisticSeconds.toFixed(1),
  trainOverLogistic: +(median(trainRuns) / logisticSeconds).toFixed(1),
  peakRssMb: peakTrainMb,
  targetRssMb: 4096,
  predict10k: { medianMs: Math.round(median(predictMs)), targetMs: 1000 },
  monteCarlo,
  machine: {
    cpus: cpus().length,
    loadavg1m: +(loadavg()[0] ?? 0).toFixed(2),
    node: process.version,
  },
};
console.log(JSON.stringify(figures));
