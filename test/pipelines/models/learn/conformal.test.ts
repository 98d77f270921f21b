import { describe, expect, it } from 'vitest';
import {
  applyIntervalCorrection,
  applyQuantileCorrection,
  conformalQuantile,
  fitIntervalCorrection,
  fitQuantileCorrection,
  shiftFor,
} from '../../../../pipelines/models/learn/conformal.ts';
import { coverage, intervalCoverage } from '../../../../pipelines/models/learn/metrics.ts';
import { rngFor } from '../../../../pipelines/random/prng.ts';

/** Log durations ~ mu + 0.5 z; the "model" predicts its P80 too low by `bias`. */
function window(rows: number, seed: number, bias: number) {
  const rng = rngFor(seed, 0);
  const mu = Float64Array.from({ length: rows }, () => rng.uniform(1, 4));
  const y = mu.map((m) => m + 0.5 * rng.normal());
  const p80 = mu.map((m) => m + 0.5 * 0.8416 - bias);
  return { mu, y, p80 };
}

describe('conformalQuantile', () => {
  it('takes the ceil((n + 1) q)-th smallest score', () => {
    const scores = [5, 1, 4, 2, 3, 9, 8, 7, 6];
    expect(conformalQuantile(scores, 0.8)).toBe(8); // ceil(10 * 0.8) = 8
    expect(conformalQuantile(scores, 0.5)).toBe(5); // ceil(5) = 5
    expect(conformalQuantile(scores, 0.95)).toBe(9); // ceil(9.5) = 10 > n: the largest
    expect(conformalQuantile(scores, 0.8, new Array(9).fill(3))).toBe(8); // equal weights change nothing
  });

  it('gives heavier rows more say', () => {
    const scores = [1, 2, 3, 4];
    expect(conformalQuantile(scores, 0.5)).toBe(3); // ceil(5 * 0.5) = 3
    expect(conformalQuantile(scores, 0.5, [10, 1, 1, 1])).toBe(1);
  });
});

describe('fitQuantileCorrection', () => {
  it('fixes an under-covering P80 on fresh data', () => {
    const calib = window(4000, 71, 0.4);
    const fresh = window(20_000, 72, 0.4);
    expect(coverage(fresh.y, fresh.p80)).toBeLessThan(0.6);
    const correction = fitQuantileCorrection(calib.y, calib.p80, 0.8);
    expect(correction.global.shift).toBeCloseTo(0.4, 1);
    const fixed = applyQuantileCorrection(correction, fresh.p80);
    expect(Math.abs(coverage(fresh.y, fixed) - 0.8)).toBeLessThan(0.015);
  });

  it('shifts cohorts with enough rows on their own, the rest by the global shift', () => {
    const a = window(2000, 73, 0.6);
    const b = window(2000, 74, -0.2);
    const tiny = window(10, 75, 1.5);
    const y = [...a.y, ...b.y, ...tiny.y];
    const pred = [...a.p80, ...b.p80, ...tiny.p80];
    const cohorts = [
      ...new Array(2000).fill('a'),
      ...new Array(2000).fill('b'),
      ...new Array(10).fill('tiny'),
    ];
    const correction = fitQuantileCorrection(y, pred, 0.8, { cohorts, minCount: 50 });
    expect(shiftFor(correction, 'a').shift).toBeCloseTo(0.6, 1);
    expect(shiftFor(correction, 'b').shift).toBeCloseTo(-0.2, 1);
    expect(correction.cohorts.tiny).toBeUndefined();
    expect(shiftFor(correction, 'tiny')).toBe(correction.global);
    expect(shiftFor(correction, 'unknown')).toBe(correction.global);
    const fixed = applyQuantileCorrection(correction, pred, cohorts);
    expect(fixed[0]! - pred[0]!).toBe(shiftFor(correction, 'a').shift);
  });
});

describe('fitIntervalCorrection (CQR)', () => {
  it('widens a too-narrow interval to the target coverage, and narrows a too-wide one', () => {
    const rng = rngFor(76, 0);
    const make = (rows: number, halfWidth: number) => {
      const y = Float64Array.from({ length: rows }, () => rng.normal());
      return {
        y,
        lo: new Float64Array(rows).fill(-halfWidth),
        hi: new Float64Array(rows).fill(halfWidth),
      };
    };
    for (const halfWidth of [0.5, 3]) {
      const calib = make(3000, halfWidth);
      const fresh = make(20_000, halfWidth);
      const correction = fitIntervalCorrection(calib.y, calib.lo, calib.hi, 0.8);
      const { lower, upper } = applyIntervalCorrection(correction, fresh.lo, fresh.hi);
      expect(Math.abs(intervalCoverage(fresh.y, lower, upper) - 0.8)).toBeLessThan(0.015);
      // The 80% interval of a standard normal is +-1.28.
      expect(upper[0]).toBeCloseTo(1.28, 1);
    }
  });
});
