import { describe, expect, it } from 'vitest';
import type { CalibrationPoint, ScoreRow } from '../../../pipelines/models/backtest/score-rows.ts';
import {
  calibrationSeries,
  metricLoss,
  modelLosses,
  scoreLines,
} from '../../../notebooks/lib/backtest-summary.ts';

const row = (model: string, metric: string, value: number | null, split = 'holdout-70/30') =>
  ({ source: 'sip', split, model, metric, value, n: 100 }) satisfies ScoreRow;

describe('backtest summary', () => {
  it('reads each metric as a loss: coverage by its distance to the level, AUC as 1 - AUC', () => {
    expect(metricLoss('pinball_p50', 0.2)).toBe(0.2);
    expect(metricLoss('coverage_p80', 0.74)).toBeCloseTo(0.06, 12);
    expect(metricLoss('coverage_p80', 0.86)).toBeCloseTo(0.06, 12);
    expect(metricLoss('coverage_p10_p90', 0.7)).toBeCloseTo(0.1, 12);
    expect(metricLoss('auc_late', 0.9)).toBeCloseTo(0.1, 12);
    expect(metricLoss('width_p10_p90', 1.2)).toBeNull();
    expect(metricLoss('rate_late', 0.3)).toBeNull();
    expect(metricLoss('pinball_p50', null)).toBeNull();
  });

  it('lists the metrics a baseline wins, worst first, ties within the margin left out', () => {
    const scores = [
      row('milepost', 'pinball_p50', 0.3),
      row('as_planned', 'pinball_p50', 0.25),
      row('reference_class', 'pinball_p50', 0.2995),
      row('milepost', 'coverage_p80', 0.7),
      row('reference_class', 'coverage_p80', 0.79),
      row('milepost', 'auc_late', 0.9),
      row('logistic', 'auc_late', 0.8),
      // Rolling origins are not the holdout: a baseline winning there is not listed.
      row('milepost', 'pinball_p90', 0.5, 'origin-1'),
      row('as_planned', 'pinball_p90', 0.1, 'origin-1'),
    ];
    const losses = modelLosses(scores, { minMargin: 0.001 });
    expect(losses.map((l) => [l.metric, l.baseline])).toEqual([
      ['coverage_p80', 'reference_class'],
      ['pinball_p50', 'as_planned'],
    ]);
    expect(losses[0]?.margin).toBeCloseTo(0.09, 12);
    expect(modelLosses(scores).map((l) => l.baseline)).toContain('reference_class');
  });

  it('puts holdout values and the mean over rolling origins side by side', () => {
    const lines = scoreLines(
      [
        row('milepost', 'pinball_p50', 0.3),
        row('milepost', 'pinball_p50', 0.2, 'origin-1'),
        row('milepost', 'pinball_p50', 0.4, 'origin-2'),
        row('milepost', 'width_p10_p90', 1),
      ],
      ['pinball_p50'],
    );
    expect(lines).toEqual([
      { source: 'sip', model: 'milepost', n: 100, pinball_p50: 0.3, 'pinball_p50@origins': 0.3 },
    ]);
  });

  it('turns calibration points into one sorted series per model, baselines dashed', () => {
    const p = (model: string, nominal: number, observed: number): CalibrationPoint => ({
      model,
      target: 'delivery',
      nominal,
      observed,
      n: 10,
    });
    const series = calibrationSeries(
      [p('milepost', 0.8, 0.78), p('milepost', 0.1, 0.12), p('as_planned', 0.5, 0.6)],
      'delivery',
    );
    expect(series).toEqual([
      {
        name: 'milepost',
        points: [
          [0.1, 0.12],
          [0.8, 0.78],
        ],
        dashed: false,
      },
      { name: 'as_planned', points: [[0.5, 0.6]], dashed: true },
    ]);
    expect(calibrationSeries([p('milepost', 0.1, 0.1)], 'p_late')).toEqual([]);
  });
});
