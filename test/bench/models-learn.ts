// node --import tsx test/bench/models-learn.ts [--rows 1000000] [--iterations 100] [--no-separate]
// Times the learning library on synthetic milestone-like data (20 features: 16 numeric with
// some missing values, 4 categorical up to 2000 levels): binning, the seven product models
// (P50 in full, P10/P80/P90/P95 warm-started from it, two classifiers), optionally the four
// other quantiles fitted separately for comparison, IRLS logistic regression on 10 columns,
// prediction and contributions. Accuracy on a held-out tail (pinball loss, coverage, AUC) shows
// what the warm-start shortcut costs. Wall and CPU time are both reported: these machines are
// shared, and CPU time is the steadier of the two. Last line: one JSON object.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import {
  auc,
  categoricalFeature,
  coverage,
  featureContributions,
  featureMatrix,
  fitGbdt,
  fitGbdtDetailed,
  fitLogistic,
  gbdtDataset,
  numericFeature,
  pinballLoss,
  predictLogistic,
  predictProbability,
  predictRaw,
  sliceRows,
} from '../../pipelines/models/learn/index.ts';
import type { FeatureMatrix, GbdtModel } from '../../pipelines/models/learn/index.ts';
import { rngFor } from '../../pipelines/random/prng.ts';
import { peakRssMb } from './median.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    holdout: { type: 'string', default: '100000' },
    iterations: { type: 'string', default: '100' },
    follow: { type: 'string', default: '33' },
    leaves: { type: 'string', default: '31' },
    subsample: { type: 'string', default: '0.3' },
    'no-separate': { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const holdout = Number(values.holdout);
const iterations = Number(values.iterations);
const follow = Number(values.follow);
const QUANTILES = [0.1, 0.5, 0.8, 0.9, 0.95];

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timed<T>(label: string, run: () => T): [T, Timing] {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = run();
  const cpu = process.cpuUsage(cpu0);
  const timing = {
    wallMs: Math.round(performance.now() - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  };
  console.error(`${label}: ${timing.wallMs} ms wall, ${timing.cpuMs} ms cpu`);
  return [out, timing];
}

/** Milestone-like data: log duration ratio with heteroscedastic noise, late and dispute labels. */
function synthetic(n: number, seed: number) {
  const rng = rngFor(seed, 0);
  const num = Array.from({ length: 16 }, () => new Float64Array(n));
  const cats = [6, 9, 30, 2000].map((levels) => ({ levels, codes: new Int32Array(n) }));
  const logRatio = new Float64Array(n);
  const late = new Float64Array(n);
  const disputed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 16; j++) {
      // Mixed kinds: counts (few distinct values), skewed amounts, plain numbers, some missing.
      const v = j % 4 === 0 ? rng.poisson(2) : j % 4 === 1 ? Math.exp(rng.normal()) : rng.normal();
      num[j]![i] = j % 5 === 4 && rng.chance(0.05) ? Number.NaN : v;
    }
    for (const c of cats)
      c.codes[i] = Math.min(c.levels - 1, Math.floor(c.levels * rng.next() ** 1.5));
    const x = (j: number) => (Number.isNaN(num[j]![i]!) ? 0 : num[j]![i]!);
    const kind = cats[0]!.codes[i]!;
    const mean = 0.1 * x(0) + 0.3 * Math.tanh(x(2)) + (kind === 2 ? 0.3 : 0) + 0.2 * x(3) * x(6);
    const sd = 0.15 + 0.25 * Math.abs(Math.tanh(x(7))) + (kind === 4 ? 0.2 : 0);
    logRatio[i] = mean + sd * rng.normal();
    late[i] = logRatio[i]! > 0.25 ? 1 : 0;
    const disputeLogit =
      -2 + 0.8 * x(10) * x(11) + 0.5 * (cats[1]!.codes[i]! % 3 === 0 ? 1 : 0) + 0.3 * x(4);
    disputed[i] = rng.chance(1 / (1 + Math.exp(-disputeLogit))) ? 1 : 0;
  }
  const features = [
    ...num.map((v, j) => numericFeature(`n${j}`, v)),
    ...cats.map((c, j) =>
      categoricalFeature(
        `c${j}`,
        c.codes,
        Array.from({ length: c.levels }, (_, k) => `l${k}`),
      ),
    ),
  ];
  return { x: featureMatrix(features), logRatio, late, disputed };
}

function quantileScores(models: Map<number, GbdtModel>, test: FeatureMatrix, y: Float64Array) {
  return Object.fromEntries(
    [...models].map(([q, model]) => {
      const pred = predictRaw(model, test);
      return [
        `p${Math.round(q * 100)}`,
        {
          pinball: round(pinballLoss(y, pred, q), 5),
          coverage: round(coverage(y, pred), 4),
          trees: model.trees.length,
        },
      ];
    }),
  );
}

function round(v: number, digits: number): number {
  return Number(v.toFixed(digits));
}

console.error(
  `generating ${rows.toLocaleString('en')} + ${holdout.toLocaleString('en')} rows x 20 features ...`,
);
const data = synthetic(rows + holdout, 20260101);
const train = sliceRows(data.x, 0, rows);
const test = sliceRows(data.x, rows, rows + holdout);
const yTrain = data.logRatio.subarray(0, rows);
const yTest = data.logRatio.subarray(rows);
const gbdt = {
  maxIterations: iterations,
  maxLeaves: Number(values.leaves),
  subsample: Number(values.subsample),
  seed: 1,
};

const [ds, bin] = timed('bin 1M x 20', () => gbdtDataset(train, { maxBins: 255 }));
const [p50Fit, p50] = timed('P50', () =>
  fitGbdtDetailed(ds, yTrain, { ...gbdt, loss: { kind: 'quantile', alpha: 0.5 } }),
);
const p50Only = p50Fit.model;
// What fitMultiQuantile does, timed apart from the P50 it starts from.
const [shortcut, warm] = timed(`P10/P80/P90/P95 warm-started (${follow} trees each)`, () => {
  const out = new Map<number, GbdtModel>([[0.5, p50Only]]);
  for (const q of QUANTILES) {
    if (q === 0.5) continue;
    const loss = { kind: 'quantile', alpha: q } as const;
    const warmStartScores = { train: p50Fit.trainScores };
    out.set(
      q,
      fitGbdt(ds, yTrain, {
        ...gbdt,
        loss,
        maxIterations: follow,
        warmStart: p50Only,
        warmStartScores,
      }),
    );
  }
  return out;
});
const quantiles = { wallMs: p50.wallMs + warm.wallMs, cpuMs: p50.cpuMs + warm.cpuMs };
const [lateModel, late] = timed('classifier: late', () =>
  fitGbdt(ds, data.late.subarray(0, rows), { ...gbdt, loss: { kind: 'logistic' } }),
);
const [disputeModel, dispute] = timed('classifier: disputed', () =>
  fitGbdt(ds, data.disputed.subarray(0, rows), { ...gbdt, loss: { kind: 'logistic' } }),
);
let separate: { timing: Timing; scores: ReturnType<typeof quantileScores> } | null = null;
if (!values['no-separate']) {
  const [models, timing] = timed('4 other quantiles fitted separately', () => {
    const out = new Map<number, GbdtModel>([[0.5, p50Only]]);
    for (const q of QUANTILES)
      if (q !== 0.5)
        out.set(q, fitGbdt(ds, yTrain, { ...gbdt, loss: { kind: 'quantile', alpha: q } }));
    return out;
  });
  separate = { timing, scores: quantileScores(models, test, yTest) };
}
const [, predictTiming] = timed('predict P50 on 1M rows', () => predictRaw(p50Only, ds));
const [, contribTiming] = timed('contributions of 10k rows', () =>
  featureContributions(p50Only, sliceRows(train, 0, 10_000)),
);
const irlsColumns = featureMatrix(train.features.filter((f) => f.kind === 'numeric').slice(0, 10));
const [irlsModel, irls] = timed('IRLS logistic 1M x 10', () =>
  fitLogistic(irlsColumns, data.disputed.subarray(0, rows)),
);

const productMs = bin.wallMs + quantiles.wallMs + late.wallMs + dispute.wallMs;
const productCpuMs = bin.cpuMs + quantiles.cpuMs + late.cpuMs + dispute.cpuMs;
const figures = {
  bench: 'models-learn',
  rows,
  features: 20,
  params: { ...gbdt, follow },
  loadAverage: loadavg().map((v) => round(v, 2)),
  productSevenModels: { wallMs: productMs, cpuMs: productCpuMs, targetMs: 30_000 },
  binMs: bin,
  quantileShortcut: {
    timing: quantiles,
    warmStarted: warm,
    scores: quantileScores(shortcut, test, yTest),
  },
  quantilesSeparate: separate,
  p50: p50,
  classifiers: {
    late: {
      timing: late,
      auc: round(auc(data.late.subarray(rows), predictProbability(lateModel, test)), 4),
    },
    disputed: {
      timing: dispute,
      auc: round(auc(data.disputed.subarray(rows), predictProbability(disputeModel, test)), 4),
    },
  },
  irls: {
    timing: irls,
    iterations: irlsModel.iterations,
    auc: round(
      auc(
        data.disputed.subarray(rows),
        predictLogistic(
          irlsModel,
          featureMatrix(test.features.filter((f) => f.kind === 'numeric').slice(0, 10)),
        ),
      ),
      4,
    ),
  },
  predictP50: predictTiming,
  contributions10k: contribTiming,
  peakRssMb: peakRssMb(),
};
console.log(JSON.stringify(figures));
