import { describe, expect, it } from 'vitest';
import {
  categoricalFromStrings,
  featureMatrix,
  numericFeature,
} from '../../../../pipelines/models/learn/feature-matrix.ts';
import {
  fitLogistic,
  logisticContributions,
  predictLogit,
  predictLogistic,
  solveCholesky,
} from '../../../../pipelines/models/learn/logistic-irls.ts';
import { rngFor } from '../../../../pipelines/random/prng.ts';

const rng = rngFor(61, 0);
const n = 40_000;
const a = Float64Array.from({ length: n }, () => rng.normal() * 2 + 5);
const b = Float64Array.from({ length: n }, () => rng.uniform(0, 1000));
const noise = Float64Array.from({ length: n }, () => rng.normal());
// True logit: -1 + 0.8 (a - 5) - 0.002 b, i.e. intercept -5 and slopes 0.8, -0.002, 0.
const labels = Float64Array.from({ length: n }, (_, i) => {
  const logit = -1 + 0.8 * (a[i]! - 5) - 0.002 * b[i]!;
  return rng.chance(1 / (1 + Math.exp(-logit))) ? 1 : 0;
});
const x = featureMatrix([
  numericFeature('a', a),
  numericFeature('b', b),
  numericFeature('noise', noise),
]);

describe('fitLogistic', () => {
  const model = fitLogistic(x, labels, { l2: 0 });

  it('recovers the coefficients on the original scale', () => {
    expect(model.converged).toBe(true);
    expect(model.coefficients[0]).toBeCloseTo(0.8, 1);
    expect(model.coefficients[1]! / -0.002).toBeCloseTo(1, 1);
    expect(Math.abs(model.coefficients[2]!)).toBeLessThan(0.05);
    expect(model.intercept).toBeCloseTo(-5, 0);
  });

  it('does not depend on the units of a column', () => {
    const scaled = featureMatrix([
      numericFeature('a', a),
      numericFeature(
        'b',
        b.map((v) => v / 1000),
      ),
      numericFeature('noise', noise),
    ]);
    const other = fitLogistic(scaled, labels, { l2: 0 });
    expect(other.coefficients[1]! / 1000).toBeCloseTo(model.coefficients[1]!, 9);
    expect(other.intercept).toBeCloseTo(model.intercept, 8);
  });

  it('shrinks standardised slopes under a strong penalty', () => {
    const strong = fitLogistic(x, labels, { l2: 1 });
    expect(Math.abs(strong.standardizedCoefficients[0]!)).toBeLessThan(
      0.6 * Math.abs(model.standardizedCoefficients[0]!),
    );
  });

  it('explains each prediction: contributions sum to the logit, missing values count as the mean', () => {
    const probe = featureMatrix([
      numericFeature('a', [7, Number.NaN]),
      numericFeature('b', [100, 500]),
      numericFeature('noise', [0, 0]),
    ]);
    const c = logisticContributions(model, probe);
    const logits = predictLogit(model, probe);
    expect(c.bias + c.values[0]! + c.values[1]! + c.values[2]!).toBeCloseTo(logits[0]!, 12);
    expect(c.values[0]).toBeCloseTo(model.coefficients[0]! * (7 - model.means[0]!), 12);
    expect(c.values[3]).toBe(0);
    const p = predictLogistic(model, probe);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-logits[0]!)), 12);
  });

  it('rejects categorical features and non-binary labels', () => {
    expect(() =>
      fitLogistic(
        x,
        labels.map((v) => v * 3),
      ),
    ).toThrow(/0 or 1/);
    const withCategory = featureMatrix([
      ...x.features,
      categoricalFromStrings('kind', new Array<string>(n).fill('a')),
    ]);
    expect(() => fitLogistic(withCategory, labels)).toThrow(/one-hot/);
  });
});

describe('solveCholesky', () => {
  it('solves a symmetric positive definite system', () => {
    const m = Float64Array.of(4, 2, 0, 2, 5, 1, 0, 1, 3);
    const xTrue = [1, -2, 3];
    const rhs = Float64Array.from([0, 1, 2], (i) =>
      xTrue.reduce((s, v, j) => s + m[i * 3 + j]! * v, 0),
    );
    const solved = solveCholesky(m, rhs, 3);
    xTrue.forEach((v, i) => expect(solved[i]).toBeCloseTo(v, 12));
  });
});
