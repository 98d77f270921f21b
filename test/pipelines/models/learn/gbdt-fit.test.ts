import { describe, expect, it } from 'vitest';
import {
  categoricalFeature,
  featureMatrix,
  numericFeature,
  sliceRows,
  takeRows,
  withWeights,
} from '../../../../pipelines/models/learn/feature-matrix.ts';
import { gbdtDataset } from '../../../../pipelines/models/learn/gbdt-dataset.ts';
import { fitGbdt, fitGbdtDetailed } from '../../../../pipelines/models/learn/gbdt-fit.ts';
import { gainImportance } from '../../../../pipelines/models/learn/gbdt-importance.ts';
import { fitMultiQuantile } from '../../../../pipelines/models/learn/gbdt-multi-quantile.ts';
import { predictProbability, predictRaw } from '../../../../pipelines/models/learn/gbdt-predict.ts';
import type { GbdtTree } from '../../../../pipelines/models/learn/gbdt-tree.ts';
import { fitLogistic, predictLogistic } from '../../../../pipelines/models/learn/logistic-irls.ts';
import { auc, coverage, meanIntervalWidth } from '../../../../pipelines/models/learn/metrics.ts';
import { rngFor } from '../../../../pipelines/random/prng.ts';
import { heteroscedasticProblem, xorProblem } from './synthetic.ts';

function depths(tree: GbdtTree): number[] {
  const depth = new Int32Array(tree.nodeCount);
  const leaves: number[] = [];
  for (let node = 0; node < tree.nodeCount; node++) {
    if (tree.feature[node]! < 0) leaves.push(depth[node]!);
    else depth[tree.left[node]!] = depth[tree.right[node]!] = depth[node]! + 1;
  }
  return leaves;
}

describe('fitGbdt: logistic', () => {
  const train = xorProblem(6000, 1);
  const test = xorProblem(4000, 2);

  it('learns an interaction that logistic regression cannot', () => {
    const model = fitGbdt(train.x, train.y, { loss: { kind: 'logistic' }, maxIterations: 80 });
    const gbdtAuc = auc(test.y, predictProbability(model, test.x));
    const lrAuc = auc(test.y, predictLogistic(fitLogistic(train.x, train.y), test.x));
    // 10% label noise caps the attainable AUC near 0.9; a linear model sees nothing in an XOR.
    expect(gbdtAuc).toBeGreaterThan(0.85);
    expect(lrAuc).toBeLessThan(0.6);
    expect(gbdtAuc - lrAuc).toBeGreaterThan(0.25);
  });

  it('ranks the two XOR inputs as the important features', () => {
    const model = fitGbdt(train.x, train.y, { loss: { kind: 'logistic' }, maxIterations: 40 });
    const importance = gainImportance(model);
    expect(
      importance
        .slice(0, 2)
        .map((i) => i.feature)
        .sort(),
    ).toEqual(['x0', 'x1']);
    expect(importance[0]!.share + importance[1]!.share).toBeGreaterThan(0.7);
    expect(importance.reduce((s, i) => s + i.share, 0)).toBeCloseTo(1, 12);
  });

  it('rejects labels other than 0 and 1', () => {
    const y = Float64Array.from(train.y, (v) => v * 2);
    expect(() => fitGbdt(train.x, y, { loss: { kind: 'logistic' } })).toThrow(/0 or 1/);
  });
});

describe('fitGbdt: quantile', () => {
  const { x, y } = heteroscedasticProblem(30_000, 3);
  const test = heteroscedasticProblem(20_000, 4);
  const fitRows = 24_000;
  const fit = (alpha: number) =>
    fitGbdt(sliceRows(x, 0, fitRows), y.subarray(0, fitRows), {
      loss: { kind: 'quantile', alpha },
      maxIterations: 200,
      validation: { data: sliceRows(x, fitRows, x.rows), target: y.subarray(fitRows) },
    });

  it('covers held-out data near the nominal level and tracks the true quantile', () => {
    for (const alpha of [0.1, 0.5, 0.9]) {
      const pred = predictRaw(fit(alpha), test.x);
      expect(Math.abs(coverage(test.y, pred) - alpha)).toBeLessThan(0.025);
      const truth = test.truth(alpha);
      const truthGap = pred.reduce((sum, p, i) => sum + Math.abs(p - truth[i]!), 0);
      expect(truthGap / pred.length).toBeLessThan(0.2);
    }
  });

  it('widens the interval where the noise is larger', () => {
    const lo = predictRaw(fit(0.1), test.x);
    const hi = predictRaw(fit(0.9), test.x);
    const calm = test.sd.map((s) => (s < 0.6 ? 1 : 0));
    const rough = test.sd.map((s) => (s > 1.8 ? 1 : 0));
    expect(meanIntervalWidth(lo, hi, rough)).toBeGreaterThan(3 * meanIntervalWidth(lo, hi, calm));
  });

  it('stops early on the validation tail and keeps the best iteration', () => {
    const model = fit(0.5);
    const losses = model.validationLoss;
    expect(model.trees.length).toBeLessThan(200);
    expect(losses.length).toBeGreaterThan(model.trees.length);
    const best = losses.indexOf(Math.min(...losses));
    expect(model.trees.length).toBe(best);
  });

  it('returns scores that match predictions, after early stopping dropped trees', () => {
    const trainRows = sliceRows(x, 0, 8000);
    const validRows = sliceRows(x, fitRows, x.rows);
    const result = fitGbdtDetailed(trainRows, y.subarray(0, 8000), {
      loss: { kind: 'quantile', alpha: 0.3 },
      maxIterations: 300,
      learningRate: 0.3,
      validation: { data: validRows, target: y.subarray(fitRows) },
    });
    expect(result.model.validationLoss.length - 1).toBeGreaterThan(result.model.trees.length);
    const maxGap = (a: Float64Array, b: Float64Array) =>
      Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
    expect(maxGap(result.trainScores, predictRaw(result.model, trainRows))).toBeLessThan(1e-9);
    expect(maxGap(result.validationScores!, predictRaw(result.model, validRows))).toBeLessThan(
      1e-9,
    );
  });

  it('warm-starts other quantiles from the median at a fraction of the trees', () => {
    const models = fitMultiQuantile(sliceRows(x, 0, fitRows), y.subarray(0, fitRows), {
      quantiles: [0.5, 0.9],
      maxIterations: 60,
      followIterations: 20,
    });
    const p50 = models.get(0.5)!;
    const p90 = models.get(0.9)!;
    expect(p90.warmStartTrees).toBe(p50.trees.length);
    expect(p90.trees.length).toBe(p50.trees.length + 20);
    expect(Math.abs(coverage(test.y, predictRaw(p90, test.x)) - 0.9)).toBeLessThan(0.03);
  });
});

describe('fitGbdt: structure and options', () => {
  const { x, y } = heteroscedasticProblem(5000, 5);

  it('respects maxLeaves, maxDepth and minSamplesLeaf', () => {
    const model = fitGbdt(x, y, {
      loss: { kind: 'squared' },
      maxIterations: 10,
      maxLeaves: 7,
      minSamplesLeaf: 50,
    });
    for (const tree of model.trees) {
      const leaves = depths(tree).length;
      expect(leaves).toBeLessThanOrEqual(7);
      for (let node = 0; node < tree.nodeCount; node++) {
        if (tree.feature[node]! < 0) expect(tree.cover[node]).toBeGreaterThanOrEqual(50);
      }
    }
    const shallow = fitGbdt(x, y, {
      loss: { kind: 'squared' },
      maxIterations: 10,
      maxLeaves: 64,
      maxDepth: 2,
    });
    for (const tree of shallow.trees) expect(Math.max(...depths(tree))).toBeLessThanOrEqual(2);
  });

  it('is reproducible for a seed, and subsampling follows the seed', () => {
    const opts = {
      loss: { kind: 'squared' } as const,
      maxIterations: 20,
      subsample: 0.5,
      colsample: 0.5,
    };
    const a = predictRaw(fitGbdt(x, y, { ...opts, seed: 7 }), x);
    const b = predictRaw(fitGbdt(x, y, { ...opts, seed: 7 }), x);
    const c = predictRaw(fitGbdt(x, y, { ...opts, seed: 8 }), x);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('gives rows of weight 0 no say: same model as without them', () => {
    const rows = x.rows;
    const flipped = Float64Array.from(y, (v, i) => (i % 2 ? -100 * v : v));
    const weights = Float64Array.from({ length: rows }, (_, i) => (i % 2 ? 0 : 1));
    const even = Array.from({ length: rows / 2 }, (_, i) => 2 * i);
    const ds = gbdtDataset(x);
    const opts = { loss: { kind: 'squared' } as const, maxIterations: 15, minSamplesLeaf: 1 };
    const weighted = fitGbdt({ ...ds, weights }, flipped, opts);
    const evenOnly = gbdtDataset(takeRows(x, even), { mapper: ds.mapper });
    const subset = fitGbdt(
      evenOnly,
      even.map((i) => y[i]!),
      opts,
    );
    const a = predictRaw(weighted, evenOnly);
    const b = predictRaw(subset, evenOnly);
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]!)))).toBeLessThan(1e-9);
    expect(() =>
      withWeights(
        x,
        Float64Array.from(weights, () => -1),
      ),
    ).toThrow(/weight/);
  });

  it('splits categories by their effect (levels ordered by gradient statistics)', () => {
    const rng = rngFor(11, 0);
    const n = 4000;
    const codes = Int32Array.from({ length: n }, () => rng.int(0, 5));
    // Levels a, c, e are high and b, d, f low: no single threshold on the codes separates them.
    const target = Float64Array.from(codes, (c) => (c % 2 === 0 ? 10 : 0) + rng.normal() * 0.1);
    const m = featureMatrix([categoricalFeature('level', codes, ['a', 'b', 'c', 'd', 'e', 'f'])]);
    const model = fitGbdt(m, target, {
      loss: { kind: 'squared' },
      maxIterations: 1,
      learningRate: 1,
      maxLeaves: 2,
    });
    const root = model.trees[0]!;
    expect(root.leftBins[0]).not.toBeNull();
    const pred = predictRaw(model, m);
    const mse = pred.reduce((s, p, i) => s + (p - target[i]!) ** 2, 0) / n;
    expect(mse).toBeLessThan(0.05);
  });

  it('learns which side missing values belong to', () => {
    const rng = rngFor(12, 0);
    const n = 3000;
    const values = Float64Array.from({ length: n }, () =>
      rng.chance(0.3) ? Number.NaN : rng.uniform(0, 1),
    );
    const target = Float64Array.from(values, (v) => (Number.isNaN(v) ? 5 : v < 0.5 ? 0 : 1));
    const m = featureMatrix([numericFeature('v', values)]);
    const model = fitGbdt(m, target, {
      loss: { kind: 'squared' },
      maxIterations: 50,
      maxLeaves: 4,
      learningRate: 0.5,
    });
    const probe = featureMatrix([numericFeature('v', [Number.NaN, 0.2, 0.8])]);
    const [missing, low, high] = predictRaw(model, probe);
    expect(missing).toBeCloseTo(5, 1);
    expect(low).toBeCloseTo(0, 1);
    expect(high).toBeCloseTo(1, 1);
  });
});
