import { describe, expect, it } from 'vitest';
import {
  featureMatrix,
  numericFeature,
} from '../../../../pipelines/models/learn/feature-matrix.ts';
import {
  featureContributions,
  topContributions,
} from '../../../../pipelines/models/learn/gbdt-contributions.ts';
import { fitGbdt } from '../../../../pipelines/models/learn/gbdt-fit.ts';
import { predictProbability, predictRaw } from '../../../../pipelines/models/learn/gbdt-predict.ts';
import {
  deserializeGbdt,
  serializeGbdt,
} from '../../../../pipelines/models/learn/gbdt-serialize.ts';
import { rngFor } from '../../../../pipelines/random/prng.ts';
import { heteroscedasticProblem, xorProblem } from './synthetic.ts';

describe('serializeGbdt / deserializeGbdt', () => {
  it('round-trips through JSON text with bit-identical predictions and contributions', () => {
    const { x, y } = heteroscedasticProblem(4000, 21);
    const model = fitGbdt(x, y, {
      loss: { kind: 'quantile', alpha: 0.8 },
      maxIterations: 30,
      subsample: 0.7,
      colsample: 0.75,
    });
    const text = JSON.stringify(serializeGbdt(model));
    const loaded = deserializeGbdt(JSON.parse(text));
    expect(predictRaw(loaded, x)).toEqual(predictRaw(model, x));
    expect(featureContributions(loaded, x).values).toEqual(featureContributions(model, x).values);
    expect(loaded.params).toEqual(model.params); // maxDepth Infinity survived as null
    expect(JSON.stringify(serializeGbdt(loaded))).toBe(text);
  });

  it('keeps categorical and missing-value routing', () => {
    const { x, y } = xorProblem(3000, 22);
    const withGaps = featureMatrix(
      x.features.map((f) =>
        f.kind === 'numeric'
          ? numericFeature(
              f.name,
              f.values.map((v, i) => (i % 7 === 0 ? Number.NaN : v)),
            )
          : f,
      ),
    );
    const model = fitGbdt(withGaps, y, { loss: { kind: 'logistic' }, maxIterations: 20 });
    const loaded = deserializeGbdt(JSON.parse(JSON.stringify(serializeGbdt(model))));
    expect(predictProbability(loaded, withGaps)).toEqual(predictProbability(model, withGaps));
  });

  it('rejects what it did not write', () => {
    expect(() => deserializeGbdt({ format: 'other' })).toThrow(/Not a serialised GBDT/);
    const { x, y } = xorProblem(500, 23);
    const json = serializeGbdt(fitGbdt(x, y, { loss: { kind: 'logistic' }, maxIterations: 2 }));
    json.trees[0]!.value.pop();
    expect(() => deserializeGbdt(json)).toThrow(/Corrupt/);
  });
});

describe('featureContributions', () => {
  const rng = rngFor(31, 0);
  const n = 3000;
  const cols = Array.from({ length: 4 }, () =>
    Float64Array.from({ length: n }, () => rng.uniform(-1, 1)),
  );
  // x0 matters a lot, x1 a little, x2 and x3 not at all.
  const y = Float64Array.from(
    { length: n },
    (_, i) => 5 * cols[0]![i]! + cols[1]![i]! + 0.1 * rng.normal(),
  );
  const x = featureMatrix(cols.map((c, j) => numericFeature(`x${j}`, c)));
  const model = fitGbdt(x, y, { loss: { kind: 'squared' }, maxIterations: 60 });
  const contributions = featureContributions(model, x);
  const raw = predictRaw(model, x);

  it('sums to prediction minus bias for every row', () => {
    for (let r = 0; r < n; r++) {
      let sum = contributions.bias;
      for (let f = 0; f < 4; f++) sum += contributions.values[r * 4 + f]!;
      expect(sum).toBeCloseTo(raw[r]!, 9);
    }
    // The bias is about the mean training prediction.
    expect(contributions.bias).toBeCloseTo(raw.reduce((s, v) => s + v, 0) / n, 1);
  });

  it('credits the features that drive the prediction', () => {
    const meanAbs = [0, 1, 2, 3].map((f) => {
      let s = 0;
      for (let r = 0; r < n; r++) s += Math.abs(contributions.values[r * 4 + f]!);
      return s / n;
    });
    expect(meanAbs[0]).toBeGreaterThan(3 * meanAbs[1]!);
    expect(meanAbs[1]).toBeGreaterThan(3 * Math.max(meanAbs[2]!, meanAbs[3]!));
    const row = cols[0]!.findIndex((v) => v > 0.9);
    const top = topContributions(contributions, row, 2);
    expect(top[0]).toMatchObject({ feature: 'x0' });
    expect(top[0]!.value).toBeGreaterThan(3);
  });
});
