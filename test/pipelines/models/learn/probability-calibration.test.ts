import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brierScore } from '../../../../pipelines/models/learn/metrics.ts';
import {
  calibrate,
  fitIsotonic,
  fitPlatt,
  parseCalibrator,
} from '../../../../pipelines/models/learn/probability-calibration.ts';
import { rngFor } from '../../../../pipelines/random/prng.ts';

describe('fitIsotonic', () => {
  it('pools adjacent violators (hand example)', () => {
    // Sorted by score the labels are 1, 0, 1, 1, 0, 1: the first two pool to 0.5, and 1, 0 to
    // 0.5 as well... which then violates 1 before it, so 1, 1, 0 pools to 2/3.
    const scores = [1, 2, 3, 4, 5, 6];
    const labels = [1, 0, 1, 1, 0, 1];
    const cal = fitIsotonic(scores, labels);
    expect([...calibrate(cal, scores)]).toEqual([0.5, 0.5, 2 / 3, 2 / 3, 2 / 3, 1]);
    expect(calibrate(cal, [0, 1.5, 100])).toEqual(Float64Array.of(0.5, 0.5, 1));
  });

  it('gives tied scores one value and is monotone for any data', () => {
    const tied = fitIsotonic([1, 1, 2], [1, 0, 1]);
    expect(calibrate(tied, [1])[0]).toBe(0.5);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.boolean()), {
          minLength: 1,
          maxLength: 80,
        }),
        (rows) => {
          const cal = fitIsotonic(
            rows.map((r) => r[0]),
            rows.map((r) => (r[1] ? 1 : 0)),
          );
          const grid = Array.from({ length: 41 }, (_, i) => -6 + i * 0.3);
          const out = calibrate(cal, grid);
          for (let i = 1; i < out.length; i++)
            expect(out[i]!).toBeGreaterThanOrEqual(out[i - 1]! - 1e-15);
          for (const v of out) expect(v >= 0 && v <= 1).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fitPlatt', () => {
  const rng = rngFor(81, 0);
  const scores = Float64Array.from({ length: 20_000 }, () => rng.normal() * 2);
  // True probability sigmoid(0.5 s - 1): the raw scores are overconfident.
  const labels = scores.map((s) => (rng.chance(1 / (1 + Math.exp(-(0.5 * s - 1)))) ? 1 : 0));

  it('recovers slope and offset', () => {
    const cal = fitPlatt(scores, labels);
    expect(cal.a).toBeCloseTo(0.5, 1);
    expect(cal.b).toBeCloseTo(-1, 1);
  });

  it('improves the Brier score of miscalibrated probabilities, as isotonic does', () => {
    const raw = scores.map((s) => 1 / (1 + Math.exp(-s)));
    const platt = calibrate(fitPlatt(scores, labels), scores);
    const iso = calibrate(fitIsotonic(scores, labels), scores);
    expect(brierScore(labels, platt)).toBeLessThan(brierScore(labels, raw) - 0.02);
    expect(brierScore(labels, iso)).toBeLessThan(brierScore(labels, raw) - 0.02);
  });
});

describe('parseCalibrator', () => {
  it('round-trips JSON and rejects broken calibrators', () => {
    const iso = fitIsotonic([1, 2, 3], [0, 1, 1]);
    expect(parseCalibrator(JSON.parse(JSON.stringify(iso)))).toEqual(iso);
    expect(parseCalibrator({ kind: 'platt', a: 1, b: 0 })).toEqual({ kind: 'platt', a: 1, b: 0 });
    expect(() => parseCalibrator({ kind: 'isotonic', x: [2, 1], y: [0, 1] })).toThrow();
    expect(() => parseCalibrator({ kind: 'platt', a: 'x', b: 0 })).toThrow();
    expect(() => parseCalibrator(null)).toThrow();
  });
});
