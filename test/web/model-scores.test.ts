import { describe, expect, it } from 'vitest';
import type { ModelQuality } from '../../api/types.ts';
import { calibrationOption } from '../../web/src/lib/charts/calibration-option.ts';
import { coverageOption } from '../../web/src/lib/charts/coverage-option.ts';
import { scoreFormat, scoresOption } from '../../web/src/lib/charts/scores-option.ts';
import {
  calibrationCurves,
  metricDirection,
  pick,
  scoredLedger,
  scoreGrid,
  scoreMetrics,
  scoreSources,
} from '../../web/src/lib/forecast/model-scores.ts';
import { createFormat } from '../../web/src/lib/format.ts';

const f = createFormat('en-US');
const score = (split: string, model: string, metric: string, value: number | null) => ({
  runId: 'r1',
  source: 'demo',
  split,
  model,
  metric,
  value,
  n: 100,
});
const scores: ModelQuality['scores'] = [
  score('holdout', 'as_planned', 'pinball_p50', 9),
  score('holdout', 'milepost', 'pinball_p50', 4),
  score('origin-1', 'milepost', 'pinball_p50', 5),
  score('holdout', 'milepost', 'auc_late', 0.8),
  { ...score('holdout', 'milepost', 'auc_late', 0.7), source: 'sip' },
];

describe('scoreGrid', () => {
  it('lays one metric out as splits x models, the model first, gaps as null', () => {
    const grid = scoreGrid(scores, 'demo', 'pinball_p50');
    expect(grid.splits).toEqual(['holdout', 'origin-1']);
    expect(grid.models).toEqual(['milepost', 'as_planned']);
    expect(grid.values.milepost).toEqual([4, 5]);
    expect(grid.values.as_planned).toEqual([9, null]);
    const option = scoresOption(grid, {
      locale: 'en-US',
      modelName: (m) => m.toUpperCase(),
      aria: 'x',
    });
    expect((option.series as { name: string }[]).map((s) => s.name)).toEqual([
      'MILEPOST',
      'AS_PLANNED',
    ]);
  });

  it('lists sources and metrics, and picks a valid choice from the URL', () => {
    expect(scoreSources(scores)).toEqual(['demo', 'sip']);
    expect(scoreMetrics(scores, 'demo')).toEqual(['pinball_p50', 'auc_late']);
    expect(pick('auc_late', ['pinball_p50', 'auc_late'])).toBe('auc_late');
    expect(pick('nope', ['pinball_p50', 'auc_late'], 'auc_late')).toBe('auc_late');
    expect(pick(null, ['a', 'b'])).toBe('a');
    expect(pick(null, [])).toBe('');
  });

  it('formats scores to three significant digits for the locale', () => {
    expect(scoreFormat('en-US')(0.123456)).toBe('0.123');
    expect(scoreFormat('en-US')(1234.5)).toBe('1,230');
    expect(scoreFormat('de-DE')(0.5)).toBe('0,5');
    expect(scoreFormat('en-US')(null)).toBe('—');
  });

  it('knows which way each score is better', () => {
    expect(metricDirection('pinball_mean_p10_p50_p90')).toBe('lower');
    expect(metricDirection('brier_late')).toBe('lower');
    expect(metricDirection('auc_disputed')).toBe('higher');
    expect(metricDirection('coverage_p80')).toBe('nominal');
    expect(metricDirection('rate_late')).toBe('none');
  });
});

describe('calibration and coverage', () => {
  const points: ModelQuality['calibration'] = [
    { runId: 'r', model: 'milepost', target: 'delivery', nominal: 0.8, observed: 0.78, n: 50 },
    { runId: 'r', model: 'milepost', target: 'delivery', nominal: 0.5, observed: 0.52, n: 50 },
    { runId: 'r', model: 'as_planned', target: 'delivery', nominal: 0.5, observed: null, n: 0 },
    { runId: 'r', model: 'milepost', target: 'p_late', nominal: 0.1, observed: 0.12, n: 50 },
  ];

  it('groups calibration points per model, sorted, without unobserved ones', () => {
    const curves = calibrationCurves(points, 'delivery');
    expect(curves).toEqual([
      {
        model: 'milepost',
        points: [
          { nominal: 0.5, observed: 0.52, n: 50 },
          { nominal: 0.8, observed: 0.78, n: 50 },
        ],
      },
    ]);
    const option = calibrationOption(curves, {
      format: f,
      modelName: (m) => m,
      labels: { nominal: 'Nominal', observed: 'Observed', ideal: 'Ideal', aria: 'cal' },
    });
    const series = option.series as { name: string; data: number[][] }[];
    expect(series[0]!.data).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(series[1]!.data).toEqual([
      [0.5, 0.52],
      [0.8, 0.78],
    ]);
  });

  it('keeps only scored ledger snapshots, oldest first, with nominal lines', () => {
    const snap = (asOf: string, c: number | null) => ({
      asOf,
      modelVersion: 1,
      issued: 10,
      delivered: 5,
      coverageP50: c,
      coverageP80: c,
      coverageP90: null,
      brierLate: null,
    });
    const ledger = scoredLedger([
      snap('2026-10-01', 0.5),
      snap('2026-09-01', 0.4),
      snap('2026-11-01', null),
    ]);
    expect(ledger.map((l) => l.asOf)).toEqual(['2026-09-01', '2026-10-01']);
    const option = coverageOption(ledger, {
      format: f,
      coverage: (p) => `Coverage ${p}`,
      aria: 'c',
    });
    const series = option.series as { name: string; markLine: { data: { yAxis: number }[] } }[];
    expect(series.map((s) => s.markLine.data[0]!.yAxis)).toEqual([0.5, 0.8, 0.9]);
    expect(series[0]!.name).toBe('Coverage P50');
  });
});
