// The per-iteration shortcuts of the boosting loop (new tree's leaf values added by partitioning
// rows, no re-walk of dropped trees when the caller discards the scores, binned rows shared by
// a bag of classifiers) must leave every fitted model bit-identical.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fitBinaryBag, fitBinaryModel } from '../../../../pipelines/models/fit/binary-model.ts';
import type { Task } from '../../../../pipelines/models/backtest/tasks.ts';
import { sliceRows, withWeights } from '../../../../pipelines/models/learn/feature-matrix.ts';
import { gbdtDataset } from '../../../../pipelines/models/learn/gbdt-dataset.ts';
import { fitGbdt, fitGbdtDetailed } from '../../../../pipelines/models/learn/gbdt-fit.ts';
import type { GbdtFitOptions } from '../../../../pipelines/models/learn/gbdt-fit.ts';
import type { GbdtModel } from '../../../../pipelines/models/learn/gbdt-model.ts';
import {
  addForestScores,
  forestOf,
  predictRaw,
} from '../../../../pipelines/models/learn/gbdt-predict.ts';
import { sampleRows } from '../../../../pipelines/models/learn/gbdt-sample.ts';
import { serializeGbdt } from '../../../../pipelines/models/learn/gbdt-serialize.ts';
import {
  addTreeScores,
  treeScoreScratch,
} from '../../../../pipelines/models/learn/gbdt-tree-scores.ts';
import { rngFor } from '../../../../pipelines/random/prng.ts';
import { heteroscedasticProblem } from './synthetic.ts';

/** 5,000 rows: numeric, categorical and missing values, uneven weights. */
function fixture() {
  const p = heteroscedasticProblem(5000, 11);
  const x2 = p.x.features[2];
  if (x2?.kind === 'numeric') for (let i = 0; i < x2.values.length; i += 7) x2.values[i] = NaN;
  const w = Float64Array.from({ length: 5000 }, (_, i) => 0.5 + (i % 5) / 4);
  const train = withWeights(sliceRows(p.x, 0, 4000), w.subarray(0, 4000));
  const yLate = p.y.map((v) => (v > 2.5 ? 1 : 0));
  return { p, train, valid: sliceRows(p.x, 4000, 5000), yLate };
}

const settings = {
  subsample: 0.4,
  maxIterations: 300,
  maxLeaves: 15,
  minSamplesLeaf: 20,
  learningRate: 0.1,
  earlyStoppingRounds: 8,
  seed: 5,
};
const fingerprint = (m: GbdtModel) =>
  createHash('sha256')
    .update(JSON.stringify(serializeGbdt(m)))
    .digest('hex')
    .slice(0, 16);

describe('boosting shortcuts keep models identical', () => {
  const { p, train, valid, yLate } = fixture();
  const quantile: GbdtFitOptions = {
    ...settings,
    loss: { kind: 'quantile', alpha: 0.8 },
    validation: { data: valid, target: p.y.subarray(4000) },
  };
  const logistic: GbdtFitOptions = {
    ...settings,
    loss: { kind: 'logistic' },
    validation: { data: valid, target: yLate.subarray(4000) },
  };

  it('fit the same models as the per-row tree walk did (fingerprints taken before the change)', () => {
    const q = fitGbdt(train, p.y.subarray(0, 4000), quantile);
    const l = fitGbdt(train, yLate.subarray(0, 4000), logistic);
    // Early stopping cut both fits, so trees were grown past the best iteration and dropped.
    expect([q.trees.length, l.trees.length]).toEqual([32, 39]);
    expect([fingerprint(q), fingerprint(l)]).toEqual(['ed871b276c12ab04', 'cf937e8430a7d40c']);
  });

  it('fitGbdt skips re-scoring the dropped trees but keeps the same model as fitGbdtDetailed', () => {
    const y = p.y.subarray(0, 4000);
    const detailed = fitGbdtDetailed(train, y, quantile);
    expect(fingerprint(fitGbdt(train, y, quantile))).toBe(fingerprint(detailed.model));
    // The detailed scores are still those of the kept trees only.
    const again = predictRaw(detailed.model, train);
    detailed.trainScores.forEach((s, i) => expect(s).toBeCloseTo(again[i] ?? NaN, 9));
  });
});

describe('addTreeScores', () => {
  const { p, train } = fixture();
  const model = fitGbdt(train, p.y.subarray(0, 4000), {
    ...settings,
    maxIterations: 3,
    loss: { kind: 'quantile', alpha: 0.5 },
  });
  const ds = gbdtDataset(p.x, { mapper: model.mapper });

  it('adds exactly what walking the rows down the tree adds, to the listed rows only', () => {
    const tree = model.trees[1];
    if (!tree) throw new Error('no tree');
    const inSample = new Uint8Array(ds.rows);
    const drawn = new Uint32Array(ds.rows);
    const out = new Uint32Array(ds.rows);
    const m = sampleRows(rngFor(1, 2), ds.rows, 0.3, drawn, inSample, out);
    const walked = new Float64Array(ds.rows).fill(0.25);
    addForestScores(forestOf([tree]), ds, walked, inSample);
    const partitioned = new Float64Array(ds.rows).fill(0.25);
    const scratch = treeScoreScratch(ds.rows, tree.nodeCount);
    addTreeScores(tree, ds, partitioned, out, ds.rows - m, scratch);
    expect(Array.from(partitioned)).toEqual(Array.from(walked));
    expect(partitioned.filter((s, r) => inSample[r] === 1 && s !== 0.25).length).toBe(0);
  });

  it('lists the rows not drawn, ascending, as the complement of the drawn ones', () => {
    const drawn = new Uint32Array(100);
    const out = new Uint32Array(100);
    const m = sampleRows(rngFor(3, 4), 100, 0.5, drawn, new Uint8Array(100), out);
    const all = [...drawn.subarray(0, m), ...out.subarray(0, 100 - m)].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...out.subarray(0, 100 - m)]).toEqual(
      [...out.subarray(0, 100 - m)].sort((a, b) => a - b),
    );
  });
});

describe('a bag of classifiers bins its rows once', () => {
  const { p, yLate } = fixture();
  const x = p.x.features;
  const num = (j: number) => (x[j]?.kind === 'numeric' ? x[j].values : new Float64Array(0));
  const n = yLate.length;
  const task = {
    source: 't',
    kind: 'binary',
    target: 'late',
    rows: Int32Array.from({ length: n }, (_, i) => i),
    y: yLate,
    time: Float64Array.from({ length: n }, (_, i) => i),
    knownAt: Float64Array.from({ length: n }, (_, i) => i),
    numeric: new Map([
      ['x0', num(0)],
      ['x1', num(1)],
      ['x2', num(2)],
    ]),
    categorical: new Map(),
    referenceGroup: new Array<string>(n).fill('all'),
  } as Task;
  const split = {
    fit: Int32Array.from({ length: 4000 }, (_, i) => i),
    calibration: Int32Array.from({ length: 1000 }, (_, i) => 4000 + i),
  };

  it('and fits the same members as fitting each on its own', () => {
    const options = { settings: { ...settings, maxIterations: 40 } };
    const bag = fitBinaryBag(task, split, { ...options, bag: 2 });
    const alone = [5, 6].map((seed) =>
      fitBinaryModel(task, split, { settings: { ...options.settings, seed } }),
    );
    expect(bag.map((b) => fingerprint(b.model))).toEqual(alone.map((a) => fingerprint(a.model)));
    expect(bag.map((b) => b.calibration)).toEqual(alone.map((a) => a.calibration));
    expect(fingerprint(bag[0]!.model)).not.toBe(fingerprint(bag[1]!.model));
  });
});
