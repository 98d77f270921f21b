// The allocation-free conditioned quantile must give the very doubles of the product's path:
// quantileAt(conditionOnSurvival(quantileDistribution(levels, values), age), u).
import { describe, expect, it } from 'vitest';
import { conditionedQuantileAt } from '../../../pipelines/forecast/conditioned-quantile.ts';
import {
  conditionOnSurvival,
  quantileAt,
  quantileDistribution,
} from '../../../pipelines/forecast/quantile-distribution.ts';
import { rngFor } from '../../../pipelines/random/prng.ts';

const slow = (levels: number[], values: number[], age: number, u: number) =>
  quantileAt(conditionOnSurvival(quantileDistribution(levels, values), age), u);

describe('conditionedQuantileAt', () => {
  it.each([[[0.1, 0.5, 0.8, 0.9, 0.95]], [[0.1, 0.5, 0.9]], [[0.005, 0.5, 0.995]]])(
    'matches the distribution path exactly (levels %j)',
    (levels) => {
      const rng = rngFor(5, 1);
      const fast = conditionedQuantileAt(levels);
      for (let trial = 0; trial < 2000; trial++) {
        // Non-decreasing knots, sometimes flat (bounded tails), ages below, inside and beyond.
        let v = rng.normal() * 0.5;
        const values = levels.map(() => (v += rng.uniform(0, 1) < 0.2 ? 0 : rng.uniform(0, 0.6)));
        const age = [0, Math.exp(rng.normal()), Math.exp(values.at(-1)! + 0.5)][trial % 3]!;
        for (const u of [0.1, 0.5, 0.8, 0.95])
          expect(fast(values, age, u)).toBe(slow(levels, values, age, u));
      }
    },
  );
});
