// The large-data path of the product fits (more than 50,000 fitting rows): a seeded sample of the
// rows in time order, the quantile levels fitted on two threads, and binary refits that continue
// the early-stopped model. Small data must not take any of it.
import { MessageChannel, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../../pipelines/models/backtest/tasks.ts';
import {
  binaryDatasets,
  fitBinaryModel,
  type BinaryModel,
} from '../../../../pipelines/models/fit/binary-model.ts';
import {
  BINARY_ENTRY,
  binaryClaimTask,
  fitBinaryModels,
  sentJobs,
} from '../../../../pipelines/models/fit/binary-models.ts';
import { fitProductModels } from '../../../../pipelines/models/fit/product-fits.ts';
import {
  fitPoolClaimed,
  poolClaims,
  POOL_ENTRY,
  type PoolTask,
} from '../../../../pipelines/models/fit/product-pool.ts';
import {
  fitQuantileModel,
  prepareQuantileFit,
} from '../../../../pipelines/models/fit/quantile-model.ts';
import { gbdtDataset } from '../../../../pipelines/models/learn/gbdt-dataset.ts';
import { fitGbdt } from '../../../../pipelines/models/learn/gbdt-fit.ts';
import { fitGbdtMany } from '../../../../pipelines/models/learn/gbdt-fit-many.ts';
import type { GbdtModel } from '../../../../pipelines/models/learn/gbdt-model.ts';
import { predictRaw } from '../../../../pipelines/models/learn/gbdt-predict.ts';
import { sampleInOrder } from '../../../../pipelines/models/learn/gbdt-sample.ts';
import { serializeGbdt } from '../../../../pipelines/models/learn/gbdt-serialize.ts';
import { rngFor } from '../../../../pipelines/random/prng.ts';
import { heteroscedasticProblem } from './synthetic.ts';

describe('sampleInOrder', () => {
  const rows = Int32Array.from({ length: 10_000 }, (_, i) => 3 * i);

  it('draws exactly max rows, in their given order, the same for the same seed', () => {
    const a = sampleInOrder(rows, 2500, rngFor(1, 1));
    expect(a.length).toBe(2500);
    const given = new Set(rows);
    expect(a.every((r, i) => given.has(r) && (i === 0 || r > (a[i - 1] as number)))).toBe(true);
    expect(sampleInOrder(rows, 2500, rngFor(1, 1))).toEqual(a);
    expect(sampleInOrder(rows, 2500, rngFor(2, 1))).not.toEqual(a);
  });

  it('spreads the draw over the whole list and returns a short list as it is', () => {
    const a = sampleInOrder(rows, 2000, rngFor(3, 1));
    const early = a.filter((r) => r < 15_000).length;
    expect(early).toBeGreaterThan(900);
    expect(early).toBeLessThan(1100);
    expect(sampleInOrder(rows, 10_000, rngFor(3, 1))).toBe(rows);
  });
});

describe('fitGbdtMany', () => {
  const p = heteroscedasticProblem(3000, 5);
  const ds = gbdtDataset(p.x);
  const fits = [0.1, 0.5, 0.9].map((alpha) => ({
    loss: { kind: 'quantile', alpha } as const,
    maxIterations: 15,
    maxLeaves: 7,
    subsample: 0.5,
    seed: 3,
  }));

  it('fits on a worker thread exactly the models fitted one after another here', () => {
    const alone = fits.map((o) => fitGbdt(ds, p.y, o));
    const shared = fitGbdtMany(ds, p.y, fits, { parallel: true, predictOn: ds });
    expect(shared.models.map((m) => JSON.stringify(serializeGbdt(m)))).toEqual(
      alone.map((m) => JSON.stringify(serializeGbdt(m))),
    );
    expect(shared.models.every((m) => m.mapper === ds.mapper)).toBe(true);
    expect(shared.predictions).toEqual(alone.map((m) => predictRaw(m, ds)));
  });

  it('has its worker fit every fit it claims, as this thread would', async () => {
    const claims = new Int32Array(new SharedArrayBuffer(4 * (fits.length + 1)));
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const entry = new URL(
      '../../../../pipelines/models/learn/gbdt-fit-worker.mjs',
      import.meta.url,
    );
    const task = { data: ds, target: p.y, fits, predictOn: null, claims };
    const worker = new Worker(entry, {
      workerData: { port: port2, flag, task },
      transferList: [port2],
      execArgv: [],
    });
    const reply = await new Promise<{ indices: number[]; models: GbdtModel[] }>((resolve) =>
      port1.once('message', resolve),
    );
    // The flag goes up just after the reply is posted: wait for it (at most 10 s).
    Atomics.wait(flag, 0, 0, 10_000);
    await worker.terminate();
    port1.close();
    expect(reply.indices).toEqual([0, 1, 2]);
    expect([...claims]).toEqual([4, 1, 1, 1]);
    expect(Atomics.load(flag, 0)).toBe(1);
    expect(reply.models.map((m) => JSON.stringify(serializeGbdt(m)))).toEqual(
      fits.map((o) => JSON.stringify(serializeGbdt(fitGbdt(ds, p.y, o)))),
    );
  });
});

/** A task of n time-ordered rows: three numeric features, y from heteroscedasticProblem. */
function task(n: number, binary: boolean, threshold = 2.5): Task {
  const p = heteroscedasticProblem(n, 9);
  const col = (j: number) => {
    const f = p.x.features[j];
    return f?.kind === 'numeric' ? f.values : new Float64Array(n);
  };
  return {
    source: 't',
    kind: binary ? 'binary' : 'quantile',
    target: 'y',
    rows: Int32Array.from({ length: n }, (_, i) => i),
    y: binary ? p.y.map((v) => (v > threshold ? 1 : 0)) : p.y,
    time: Float64Array.from({ length: n }, (_, i) => i),
    knownAt: Float64Array.from({ length: n }, (_, i) => i),
    numeric: new Map([0, 1, 2].map((j) => [`x${j}`, col(j)])),
    categorical: new Map(),
    referenceGroup: new Array<string>(n).fill('all'),
  };
}

const splitOf = (n: number) => ({
  fit: Int32Array.from({ length: Math.floor(n * 0.8) }, (_, i) => i),
  calibration: Int32Array.from(
    { length: n - Math.floor(n * 0.8) },
    (_, i) => Math.floor(n * 0.8) + i,
  ),
});
const quick = { settings: { maxIterations: 6, earlyStoppingRounds: 50 } };

describe('the large-data path of the product fits', () => {
  it('fits each quantile level on its own, on large data from a sample of the rows', () => {
    const large = fitQuantileModel(task(80_000, false), splitOf(80_000), quick);
    expect(large.models.map((m) => m.warmStartTrees)).toEqual([0, 0, 0, 0, 0]);
    expect(large.models.map((m) => m.trees.length)).toEqual([6, 6, 6, 6, 6]);
    // 54,400 fitting rows: under the 150,000 cap, every one of them is used.
    expect(large.models[0]!.trees[0]!.cover[0]).toBeGreaterThan(0.25 * 54_400);
  });

  it('continues the early-stopped classifier on large data and refits anew on small', () => {
    const large = fitBinaryModel(task(80_000, true), splitOf(80_000), quick);
    expect(large.model.warmStartTrees).toBe(6);
    expect(large.model.trees.length).toBe(6 + 10);
    const small = fitBinaryModel(task(20_000, true), splitOf(20_000), quick);
    expect(small.model.warmStartTrees).toBe(0);
    expect(small.model.trees.length).toBe(10);
  });

  // 70,000 rows: 56,000 fitting rows, the large-data path.
  const jobs = [2.5, 1.5].map((threshold) => ({
    task: task(70_000, true, threshold),
    split: splitOf(70_000),
    options: quick,
  }));
  const json = (m: { model: GbdtModel }) => JSON.stringify(serializeGbdt(m.model));

  it('fits two classifiers at once on large data, exactly as one after another', () => {
    const alone = jobs.map((j) => fitBinaryModel(j.task, j.split, j.options));
    const both = fitBinaryModels(jobs);
    expect(both.map(json)).toEqual(alone.map(json));
    expect(both.map((m) => m.calibration)).toEqual(alone.map((m) => m.calibration));
    expect(json(both[0]!)).not.toEqual(json(both[1]!));
    expect(both.map((m) => m.model.warmStartTrees)).toEqual([6, 6]);
  });

  it('has its worker fit the classifiers it claims, as this thread would', async () => {
    const task = binaryClaimTask(
      jobs,
      jobs.map((j) => binaryDatasets(j.task, j.split)),
    );
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const entry = new URL(
      '../../../../pipelines/models/learn/gbdt-fit-worker.mjs',
      import.meta.url,
    );
    const worker = new Worker(entry, {
      workerData: { port: port2, flag, task, entry: BINARY_ENTRY },
      transferList: [port2],
      execArgv: [],
    });
    const reply = await new Promise<{ indices: number[]; models: BinaryModel[] }>((resolve) =>
      port1.once('message', resolve),
    );
    await worker.terminate();
    port1.close();
    expect(reply.indices).toEqual([0, 1]);
    expect([...task.claims]).toEqual([3, 1, 1]);
    const alone = jobs.map((j) => fitBinaryModel(j.task, j.split, j.options));
    expect(reply.models.map(json)).toEqual(alone.map(json));
    expect(reply.models.map((m) => m.calibration)).toEqual(alone.map((m) => m.calibration));
  });
});

describe('one pool for the seven product fits on large data', () => {
  // 80,000 delivery rows (54,400 quantile fitting rows) and two 70,000-row classifiers.
  const q = task(80_000, false);
  const delivery = {
    task: q,
    split: splitOf(80_000),
    options: { ...quick, weights: q.y.map((_, i) => 1 + (i % 3)) },
  };
  const risks = [2.5, 1.5].map((threshold) => ({
    task: task(70_000, true, threshold),
    split: splitOf(70_000),
    options: quick,
  }));
  const json = (m: GbdtModel) => JSON.stringify(serializeGbdt(m));

  it('fits the same models, shifts and maps as the quantiles and classifiers one by one', () => {
    const steps: string[] = [];
    const pooled = fitProductModels(delivery, risks, (s) => steps.push(s));
    expect(steps).toEqual(['binning (80000 milestones)', '7 fits on two threads', 'calibration']);
    const alone = fitQuantileModel(delivery.task, delivery.split, delivery.options);
    expect(pooled.delivery.models.map(json)).toEqual(alone.models.map(json));
    expect(pooled.delivery.corrections).toEqual(alone.corrections);
    expect(pooled.delivery.levels).toEqual(alone.levels);
    const risksAlone = risks.map((j) => fitBinaryModel(j.task, j.split, j.options));
    expect(pooled.risks.map((m) => json(m.model))).toEqual(risksAlone.map((m) => json(m.model)));
    expect(pooled.risks.map((m) => m.calibration)).toEqual(risksAlone.map((m) => m.calibration));
    expect(pooled.risks.map((m) => m.model.warmStartTrees)).toEqual([6, 6]);
    expect(json(pooled.risks[0]!.model)).not.toEqual(json(pooled.risks[1]!.model));
  });

  it('keeps smaller data on the quantiles, then the classifiers', () => {
    const steps: string[] = [];
    const small = { ...delivery, task: task(60_000, false), split: splitOf(60_000) };
    fitProductModels(small, risks, (s) => steps.push(s));
    expect(steps).toEqual(['delivery quantiles (60000 milestones)', 'P(late) and P(dispute)']);
  });

  const poolOf = (sent: boolean): PoolTask => {
    const prep = prepareQuantileFit(delivery.task, delivery.split, delivery.options);
    const datasets = risks.map((j) => binaryDatasets(j.task, j.split));
    return {
      classifiers: 2,
      sent: sent ? sentJobs(risks, datasets) : null,
      quantile: { data: prep.train, target: prep.yTrain, fits: prep.fits, predictOn: prep.cal },
      claims: poolClaims(7),
    };
  };
  type Reply = ReturnType<typeof fitPoolClaimed>;
  const inWorker = async (pool: PoolTask) => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const entry = new URL(
      '../../../../pipelines/models/learn/gbdt-fit-worker.mjs',
      import.meta.url,
    );
    const worker = new Worker(entry, {
      workerData: { port: port2, flag, task: pool, entry: POOL_ENTRY },
      transferList: [port2],
      execArgv: [],
    });
    const reply = await new Promise<Reply>((resolve) => port1.once('message', resolve));
    await worker.terminate();
    port1.close();
    return reply;
  };
  const seen = (r: Reply) =>
    r.done.map((d) =>
      'classifier' in d
        ? [json(d.classifier.model), d.classifier.calibration]
        : [json(d.model), [...(d.prediction ?? [])]],
    );

  it('has its worker fit every job it claims, classifiers first, as this thread would', async () => {
    const pool = poolOf(true);
    const reply = await inWorker(pool);
    expect(reply.indices).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([...pool.claims]).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 6]);
    const here = fitPoolClaimed({ ...pool, claims: poolClaims(7) }, false);
    expect(seen(reply)).toEqual(seen(here));
  });

  it('has its worker fit the levels while the classifiers rows are not there yet', async () => {
    const pool = poolOf(false);
    const reply = await inWorker(pool);
    expect(reply.indices).toEqual([2, 3, 4, 5, 6]);
    expect([...pool.claims]).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 6]);
    const here = fitPoolClaimed({ ...poolOf(true), claims: poolClaims(7) }, false);
    expect(seen(reply)).toEqual(seen(here).slice(2));
  });
});
