import { describe, expect, it } from 'vitest';
import {
  auc,
  brierScore,
  calibrationCurve,
  coverage,
  intervalCoverage,
  logLoss,
  meanIntervalWidth,
  meanPinballLoss,
  pinballLoss,
} from '../../../../pipelines/models/learn/metrics.ts';

describe('auc', () => {
  it('scores known small cases', () => {
    expect(auc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
    expect(auc([1, 1, 0, 0], [0.1, 0.2, 0.3, 0.4])).toBe(0);
    expect(auc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    // Pairs (pos, neg): (0.35, 0.1) ok, (0.35, 0.4) wrong, (0.8, both) ok -> 3 / 4.
    expect(auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    // A tie between a positive and a negative counts one half: (1 + 0.5 + 1 + 1) / 4.
    expect(auc([0, 0, 1, 1], [0.1, 0.4, 0.4, 0.8])).toBe(0.875);
    expect(auc([1, 1], [0.2, 0.3])).toBeNaN();
  });

  it('treats a weight like repeated rows', () => {
    const labels = [0, 1, 0, 1, 1];
    const scores = [0.3, 0.2, 0.5, 0.9, 0.5];
    const weighted = auc(labels, scores, [2, 1, 1, 3, 1]);
    const repeated = auc([0, 0, 1, 0, 1, 1, 1, 1], [0.3, 0.3, 0.2, 0.5, 0.9, 0.9, 0.9, 0.5]);
    expect(weighted).toBeCloseTo(repeated, 12);
  });
});

describe('quantile scores', () => {
  const y = [1, 2, 3, 4];
  const p = [2, 2, 2, 2];

  it('pinball loss weights misses by q on one side and 1 - q on the other', () => {
    // Under-predictions (y > p): 1 and 2 at q; over-prediction (y < p): 1 at 1 - q.
    expect(pinballLoss(y, p, 0.8)).toBeCloseTo((0.2 * 1 + 0 + 0.8 * 1 + 0.8 * 2) / 4, 12);
    expect(
      meanPinballLoss(y, [
        { q: 0.8, pred: p },
        { q: 0.2, pred: p },
      ]),
    ).toBeCloseTo((pinballLoss(y, p, 0.8) + pinballLoss(y, p, 0.2)) / 2, 12);
    expect(pinballLoss(y, p, 0.5, [0, 0, 0, 1])).toBe(1);
  });

  it('coverage, interval coverage and width', () => {
    expect(coverage(y, p)).toBe(0.5);
    expect(intervalCoverage(y, [0, 2.5, 3, 5], [1, 3, 4, 6])).toBe(0.5);
    expect(meanIntervalWidth([0, 1], [2, 5])).toBe(3);
    expect(meanIntervalWidth([0, 1], [2, 5], [1, 0])).toBe(2);
  });
});

describe('probability scores', () => {
  it('Brier and log loss', () => {
    expect(brierScore([1, 0], [0.8, 0.4])).toBeCloseTo((0.04 + 0.16) / 2, 12);
    expect(logLoss([1, 0], [0.8, 0.4])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 12);
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true);
  });

  it('calibration curve with fixed and equal-count bins', () => {
    const probs = [0.05, 0.15, 0.12, 0.95, 0.9, 0.85];
    const labels = [0, 0, 1, 1, 1, 0];
    const fixed = calibrationCurve(labels, probs, { bins: 10 });
    expect(fixed.map((b) => b.count)).toEqual([1, 2, 1, 2]);
    expect(fixed[1]).toMatchObject({ observedRate: 0.5, count: 2 });
    expect(fixed[1]!.meanPredicted).toBeCloseTo(0.135, 12);
    const equal = calibrationCurve(labels, probs, { bins: 2, strategy: 'quantile' });
    expect(equal.map((b) => b.count)).toEqual([3, 3]);
    expect(equal[0]!.observedRate).toBeCloseTo(1 / 3, 12);
    expect(equal[1]!.meanPredicted).toBeCloseTo(0.9, 12);
  });
});
