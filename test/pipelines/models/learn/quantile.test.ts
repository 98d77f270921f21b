import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  quantileSorted,
  selectWeightedQuantile,
  weightedQuantile,
} from '../../../../pipelines/models/learn/quantile.ts';

/** Reference: sort, accumulate weights, first value reaching p * total. */
function bySorting(values: number[], weights: number[], p: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const total = weights.reduce((s, w) => s + w, 0);
  let cum = 0;
  for (const i of order) {
    cum += weights[i]!;
    if (cum >= p * total) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}

describe('quantiles', () => {
  it('interpolates like R / NumPy type 7', () => {
    const sorted = [1, 2, 3, 4, 10];
    expect(quantileSorted(sorted, 0.5)).toBe(3);
    expect(quantileSorted(sorted, 0.9)).toBeCloseTo(7.6, 12);
    expect(quantileSorted(sorted, 0)).toBe(1);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('weighted lower quantile: smallest value whose cumulative weight reaches p', () => {
    expect(weightedQuantile([3, 1, 2], undefined, 0.5)).toBe(2);
    expect(weightedQuantile([1, 2, 3, 4], undefined, 0.5)).toBe(2);
    expect(weightedQuantile([1, 2, 3], [1, 1, 8], 0.5)).toBe(3);
    expect(weightedQuantile([1, 2], [0, 0], 0.5)).toBeNaN();
  });

  it('quickselect agrees with sorting on random data, ties and zero weights included', () => {
    const item = fc.record({
      v: fc.integer({ min: -5, max: 5 }),
      w: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (items, p) => {
          const values = items.map((i) => i.v);
          const weights = items.map((i) => i.w);
          if (weights.every((w) => w === 0)) return;
          const got = selectWeightedQuantile(
            Float64Array.from(values),
            Float64Array.from(weights),
            0,
            values.length,
            p,
          );
          expect(got).toBe(bySorting(values, weights, p));
        },
      ),
      { numRuns: 500 },
    );
  });
});
