import { describe, expect, it } from 'vitest';
import {
  fitReferenceClass,
  referenceQuantiles,
} from '../../../../pipelines/models/learn/reference-class.ts';
import {
  fitBetaPrior,
  fitMeanPrior,
  shrinkMeans,
  shrinkRates,
} from '../../../../pipelines/models/learn/shrink-rate.ts';
import { rngFor } from '../../../../pipelines/random/prng.ts';

describe('reference classes', () => {
  // Group "big" has 40 rows 1..40, "small" 5 rows of 100; both under parent "p"; "orphan" has none.
  const target = [
    ...Array.from({ length: 40 }, (_, i) => i + 1),
    100,
    100,
    100,
    100,
    100,
    7,
    Number.NaN,
  ];
  const groups = [...new Array(40).fill('big'), ...new Array(5).fill('small'), 'orphan', 'big'];
  const parents = [...new Array(45).fill('p'), null, 'p'];
  const model = fitReferenceClass(target, groups, { quantiles: [0.5, 0.9], parents, minCount: 30 });

  it('uses the group when it has enough rows (type-7 quantiles, NaN ignored)', () => {
    const own = referenceQuantiles(model, 'big', 'p');
    expect(own).toMatchObject({ level: 'group', count: 40 });
    expect(own.values[0]).toBeCloseTo(20.5, 12);
    expect(own.values[1]).toBeCloseTo(36.1, 12);
  });

  it('falls back to the parent, then to all rows', () => {
    expect(referenceQuantiles(model, 'small', 'p')).toMatchObject({ level: 'parent', count: 45 });
    expect(referenceQuantiles(model, 'orphan', null)).toMatchObject({ level: 'global', count: 46 });
    expect(referenceQuantiles(model, 'new', 'unknown').level).toBe('global');
    expect(model.groups.small).toBeUndefined();
  });

  it('uses weighted quantiles with weights', () => {
    const weighted = fitReferenceClass([1, 2, 3], ['g', 'g', 'g'], {
      quantiles: [0.5],
      minCount: 1,
      weights: [1, 1, 5],
    });
    expect(referenceQuantiles(weighted, 'g').values).toEqual([3]);
  });
});

describe('beta-binomial shrinkage', () => {
  it('estimates the prior strength by moments and shrinks small groups more', () => {
    const rng = rngFor(101, 0);
    const groups = 600;
    const trueStrength = 20;
    const mean = 0.2;
    const successes: number[] = [];
    const trials: number[] = [];
    for (let g = 0; g < groups; g++) {
      const rate = betaDraw(rng, mean * trueStrength, (1 - mean) * trueStrength);
      const n = rng.int(5, 80);
      let s = 0;
      for (let i = 0; i < n; i++) if (rng.chance(rate)) s++;
      successes.push(s);
      trials.push(n);
    }
    const prior = fitBetaPrior(successes, trials);
    expect(prior.mean).toBeCloseTo(0.2, 1);
    expect(prior.strength).toBeGreaterThan(trueStrength * 0.7);
    expect(prior.strength).toBeLessThan(trueStrength * 1.4);
    const [tiny, big] = shrinkRates([2, 200], [3, 300], prior);
    expect(tiny).toBeLessThan(0.35); // 2 of 3 is mostly noise
    expect(big).toBeGreaterThan(0.6); // 200 of 300 is not
  });

  it('pools fully when groups differ no more than binomial noise', () => {
    const prior = fitBetaPrior([10, 10, 10, 10], [100, 100, 100, 100], { maxStrength: 1e5 });
    expect(prior.strength).toBe(1e5);
    expect(shrinkRates([0], [5], prior)[0]).toBeCloseTo(0.1, 3);
  });
});

describe('credibility shrinkage of means', () => {
  it('estimates k = within / between and shrinks toward the given targets', () => {
    const means = [0, 2, 4, 6, 8];
    const counts = [10, 10, 10, 10, 10];
    const variances = [10, 10, 10, 10, 10];
    const prior = fitMeanPrior(means, counts, variances);
    // spread = 10 * 40 = 400; between = (400 - 4 * 10) / (50 - 10) = 9; k = 10 / 9.
    expect(prior.between).toBeCloseTo(9, 12);
    expect(prior.strength).toBeCloseTo(10 / 9, 12);
    const shrunk = shrinkMeans(means, counts, prior);
    expect(shrunk[0]).toBeCloseTo((10 * 0 + (10 / 9) * 4) / (10 + 10 / 9), 12);
    const towardParents = shrinkMeans([0], [10], prior, [100]);
    expect(towardParents[0]).toBeGreaterThan(9);
    expect(shrinkMeans([5], [0], prior)[0]).toBe(4);
  });
});

function betaDraw(rng: ReturnType<typeof rngFor>, a: number, b: number): number {
  const x = gammaDraw(rng, a);
  return x / (x + gammaDraw(rng, b));
}

/** Marsaglia-Tsang gamma draw (shape >= 1). */
function gammaDraw(rng: ReturnType<typeof rngFor>, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(rng.next()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}
