import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../../pipelines/forecast/normal.ts';
import {
  cdfAt,
  conditionOnSurvival,
  fixedRatio,
  quantileAt,
  quantileDistribution,
  ratioDistribution,
  ratioQuantiles,
  repairMonotone,
  sampleRatio,
} from '../../../pipelines/forecast/quantile-distribution.ts';
import { Rng } from '../../../pipelines/random/prng.ts';

const LEVELS = [0.1, 0.5, 0.8, 0.9, 0.95];
const TYPICAL = [-0.1, 0.05, 0.25, 0.4, 0.55];

// Five levels, any values (crossing ones included), as the models may emit them.
const anyQuantiles = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), {
  minLength: 5,
  maxLength: 5,
});
const tail = fc.constantFrom('exponential' as const, 'linear' as const);

describe('quantileDistribution', () => {
  it('repairs crossing quantiles by pooling adjacent violators', () => {
    expect(repairMonotone([0, 0.3, 0.2, 0.5])).toEqual([0, 0.25, 0.25, 0.5]);
    expect(repairMonotone([3, 2, 1])).toEqual([2, 2, 2]);
    const d = quantileDistribution([0.5, 0.1, 0.9], [0.2, 0.3, 0.4]);
    expect(quantileAt(d, 0.1)).toBeCloseTo(0.25, 12);
    expect(quantileAt(d, 0.5)).toBeCloseTo(0.25, 12);
  });

  it('passes through the given quantiles', () => {
    const d = quantileDistribution(LEVELS, TYPICAL);
    LEVELS.forEach((u, i) => expect(quantileAt(d, u)).toBeCloseTo(TYPICAL[i]!, 12));
  });

  it('has a monotone inverse CDF whatever the input, with either tail', () => {
    fc.assert(
      fc.property(anyQuantiles, tail, fc.double({ min: 0, max: 1, noNaN: true }), (vs, t, a) => {
        const d = quantileDistribution(LEVELS, vs, { tail: t });
        const grid = Array.from({ length: 201 }, (_, i) => (i + 0.5 * a) / 201.5);
        const q = grid.map((u) => quantileAt(d, u));
        for (let i = 1; i < q.length; i++) expect(q[i]!).toBeGreaterThanOrEqual(q[i - 1]!);
      }),
    );
  });

  it('inverts its CDF', () => {
    fc.assert(
      fc.property(
        anyQuantiles,
        tail,
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (vs, t, u) => {
          const d = quantileDistribution(
            LEVELS,
            [...vs].sort((a, b) => a - b).map((v, i) => v + i * 0.01),
            { tail: t },
          );
          expect(cdfAt(d, quantileAt(d, u))).toBeCloseTo(u, 9);
        },
      ),
    );
  });

  it('extends a Gaussian to P0.01 / P0.99 exactly (the tails keep normal spacing)', () => {
    const normal = LEVELS.map((u) => 0.2 + 0.3 * normalQuantile(u));
    const d = quantileDistribution(LEVELS, normal);
    expect(quantileAt(d, 0.99)).toBeCloseTo(0.2 + 0.3 * normalQuantile(0.99), 6);
    expect(quantileAt(d, 0.01)).toBeCloseTo(0.2 + 0.3 * normalQuantile(0.01), 6);
  });

  it('has unbounded exponential tails and bounded linear ones', () => {
    const exp = quantileDistribution(LEVELS, TYPICAL);
    const lin = quantileDistribution(LEVELS, TYPICAL, { tail: 'linear' });
    expect(quantileAt(exp, 1 - 1e-9)).toBeGreaterThan(quantileAt(exp, 0.99) + 1);
    expect(quantileAt(lin, 1)).toBeLessThan(quantileAt(lin, 0.99) + 0.2);
    expect(cdfAt(lin, quantileAt(lin, 1) + 1e-9)).toBe(1);
    expect(cdfAt(exp, quantileAt(exp, 0.99) + 0.3)).toBeLessThan(1);
  });

  it('samples from a uniform with the right quantiles', () => {
    const d = quantileDistribution(LEVELS, TYPICAL);
    const rng = new Rng(7);
    const draws = Array.from({ length: 40_000 }, () => Math.log(sampleRatio(d, rng.next())));
    draws.sort((a, b) => a - b);
    LEVELS.forEach((u, i) =>
      expect(draws[Math.floor(u * draws.length)]!).toBeCloseTo(TYPICAL[i]!, 1),
    );
  });

  it('rejects levels outside (0, 1), repeated levels and bad ratios', () => {
    expect(() => quantileDistribution([0, 0.5], [0, 1])).toThrow(/\(0, 1\)/);
    expect(() => quantileDistribution([0.5, 0.5], [0, 1])).toThrow(/twice/);
    expect(() => quantileDistribution([0.5], [0])).toThrow(/two levels/);
    expect(() => ratioDistribution([0.1, 0.9], [0, 2])).toThrow(/> 0/);
  });
});

describe('conditionOnSurvival', () => {
  const d = quantileDistribution(LEVELS, TYPICAL);

  it('never gives quantiles below the age', () => {
    fc.assert(
      fc.property(
        anyQuantiles,
        tail,
        fc.double({ min: 0.05, max: 30, noNaN: true }),
        (vs, t, age) => {
          const c = conditionOnSurvival(quantileDistribution(LEVELS, vs, { tail: t }), age);
          for (const r of ratioQuantiles(c, [0, 0.001, 0.1, 0.5, 0.9, 0.999])) {
            expect(r).toBeGreaterThanOrEqual(age * (1 - 1e-12));
          }
        },
      ),
    );
  });

  it('is the distribution of R given R > age', () => {
    const age = Math.exp(0.1);
    const c = conditionOnSurvival(d, age);
    const fa = cdfAt(d, 0.1);
    for (const x of [0.15, 0.3, 0.5, 0.7]) {
      expect(cdfAt(c, x)).toBeCloseTo((cdfAt(d, x) - fa) / (1 - fa), 9);
    }
  });

  it('changes nothing for an age with no mass below it, or conditioned twice', () => {
    const lin = quantileDistribution(LEVELS, TYPICAL, { tail: 'linear' });
    expect(conditionOnSurvival(lin, 0.5)).toBe(lin);
    const once = conditionOnSurvival(d, 1.2);
    const twice = conditionOnSurvival(once, 1.2);
    for (const u of [0.1, 0.5, 0.9])
      expect(quantileAt(twice, u)).toBeCloseTo(quantileAt(once, u), 12);
  });

  it('is memoryless beyond the last knot and imminent beyond a bounded support', () => {
    const late = conditionOnSurvival(d, 10);
    expect(Math.exp(quantileAt(late, 0))).toBeCloseTo(10, 9);
    expect(quantileAt(late, 0.5) - Math.log(10)).toBeCloseTo(d.upperScale * Math.log(2), 9);
    const lin = conditionOnSurvival(quantileDistribution(LEVELS, TYPICAL, { tail: 'linear' }), 10);
    expect(ratioQuantiles(lin, [0.1, 0.9]).map((r) => r.toFixed(9))).toEqual([
      '10.000000000',
      '10.000000000',
    ]);
  });

  it('keeps a point mass as it is', () => {
    expect(ratioQuantiles(fixedRatio(1.5), [0.01, 0.5, 0.99])).toEqual(
      [1.5, 1.5, 1.5].map((r) => Math.exp(Math.log(r))),
    );
  });
});
