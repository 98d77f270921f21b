// npm run bench:advise [-- --reps 7 --runs 2000]
// The payment-split optimiser on a 12-milestone plan (target: under 2 s). It simulates the plan
// (seeded Monte Carlo over the delivery forecasts), builds the cash-flow basis and scores the
// grid of splits. Baseline in the same run: one simulation of the same plan alone, so the ratio
// says how many "simulations" the optimiser costs. Medians, since the machines are shared.
// Last line: one JSON object.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { currentSplit } from '../../pipelines/advise/advice-answers.ts';
import { paymentBasis } from '../../pipelines/advise/payment-basis.ts';
import { forecastPlan } from '../../pipelines/advise/plan-forecast.ts';
import { simulatePlan } from '../../pipelines/advise/plan-simulation.ts';
import { optimiseSplit } from '../../pipelines/advise/split-optimise.ts';
import { Plan, SplitConstraints } from '../../pipelines/schema/advice.ts';
import { fixtureHistory } from '../pipelines/advise/fixture-plan.ts';
import { median } from './median.ts';

const { values } = parseArgs({
  options: { reps: { type: 'string', default: '7' }, runs: { type: 'string', default: '2000' } },
});
const REPS = Number(values.reps);
const RUNS = Number(values.runs);

// A campaign of 12 steps in three chains that meet at the report, ~5 months.
const steps: [string, 'strategy' | 'creative' | 'livestream', number, number, string[]][] = [
  ['strategy', 'strategy', 0, 14, []],
  ['creative', 'creative', 14, 21, ['strategy']],
  ['kol-brief', 'creative', 35, 10, ['creative']],
  ['kol-wave-1', 'livestream', 45, 14, ['kol-brief']],
  ['kol-wave-2', 'livestream', 59, 14, ['kol-wave-1']],
  ['store-setup', 'creative', 14, 28, ['strategy']],
  ['store-content', 'creative', 42, 21, ['store-setup', 'creative']],
  ['video-shoot', 'creative', 35, 21, ['creative']],
  ['live-1', 'livestream', 73, 7, ['kol-wave-2', 'store-content']],
  ['live-2', 'livestream', 80, 7, ['live-1']],
  ['live-3', 'livestream', 87, 14, ['live-2', 'video-shoot']],
  ['report', 'creative', 101, 14, ['live-3']],
];
const day0 = Date.UTC(2025, 8, 1);
const iso = (d: number) => new Date(day0 + d * 86_400_000).toISOString().slice(0, 10);
const plan = Plan.parse({
  brandId: 'B1',
  partnerId: 'P1',
  partnerKind: 'livestream',
  value: 1_200_000,
  depositPct: 10,
  retentionPct: 5,
  paymentTermsDays: 30,
  milestones: steps.map(([id, type, start, days, dependsOn]) => ({
    id,
    name: id,
    type,
    share: 1 / 12,
    plannedStart: iso(start),
    dueDate: iso(start + days),
    dependsOn,
  })),
});
const history = fixtureHistory();
const forecasts = forecastPlan(plan, { history }, { confidence: 0.8 });
const constraints = SplitConstraints.parse({});
const late = Array.from({ length: 200 }, (_, i) => (i % 5) * 4);

function simulation() {
  return simulatePlan(plan, forecasts, { seed: 1, runs: RUNS });
}

function optimise() {
  const sim = simulation();
  const basis = paymentBasis(sim, {
    termsDays: plan.paymentTermsDays,
    lateDays: late,
    retentionReleaseDays: constraints.retentionReleaseDays,
    costRatio: constraints.costRatio,
    seed: 1,
  });
  return optimiseSplit(basis, {
    value: plan.value,
    values: sim.values,
    p50: sim.outlook.milestones.map((m) => m.p50),
    current: currentSplit(plan),
    constraints,
  });
}

const time = <T>(f: () => T): [number, T] => {
  const t0 = performance.now();
  const out = f();
  return [performance.now() - t0, out];
};

optimise(); // warm-up (JIT)
const simMs: number[] = [];
const optMs: number[] = [];
let last: ReturnType<typeof optimise> | undefined;
for (let r = 0; r < REPS; r++) {
  simMs.push(time(simulation)[0]);
  const [ms, out] = time(optimise);
  optMs.push(ms);
  last = out;
}
const opt = median(optMs);
const sim = median(simMs);
const advice = last!;
console.log(
  `12-milestone plan, ${RUNS} runs, ${advice.candidates} splits scored, ${advice.frontier.length} on the frontier`,
);
console.log(
  `optimiser median ${opt.toFixed(0)} ms (target < 2000), one simulation median ${sim.toFixed(1)} ms, ratio ${(opt / sim).toFixed(1)}x`,
);
console.log(`recommended: ${advice.reasoning}`);
console.log(
  JSON.stringify({
    bench: 'advise',
    milestones: plan.milestones.length,
    runs: RUNS,
    reps: REPS,
    candidates: advice.candidates,
    frontier: advice.frontier.length,
    optimiseMedianMs: Math.round(opt),
    simulationMedianMs: Math.round(sim * 10) / 10,
    ratio: Math.round((opt / sim) * 10) / 10,
    targetMs: 2000,
    pass: opt < 2000,
    cpus: cpus().length,
    loadavg: Math.round(loadavg()[0]! * 10) / 10,
  }),
);
