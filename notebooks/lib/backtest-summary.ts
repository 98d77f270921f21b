// Backtest results (pipelines/models/backtest) shaped for reading: one row per source and model
// with the metrics side by side, the rolling-origin mean beside the holdout, and calibration
// curves as chart series.
import type { CalibrationPoint, ScoreRow } from '../../pipelines/models/backtest/score-rows.ts';

export interface ScoreLine {
  source: string;
  model: string;
  n: number;
  /** metric -> holdout value; metric + '@origins' -> mean over the rolling origins. */
  [metric: string]: string | number | null;
}

const round = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 1000) / 1000;

/** Metrics by source and model, holdout and (when folds were run) the mean over the origins. */
export function scoreLines(scores: readonly ScoreRow[], metrics: readonly string[]): ScoreLine[] {
  const lines = new Map<string, ScoreLine>();
  const origins = new Map<string, number[]>();
  for (const s of scores) {
    if (!metrics.includes(s.metric)) continue;
    const key = `${s.source}\u0000${s.model}`;
    const line = lines.get(key) ?? { source: s.source, model: s.model, n: 0 };
    lines.set(key, line);
    if (s.split.startsWith('holdout')) {
      line[s.metric] = round(s.value);
      line.n = s.n;
    } else if (s.value !== null && Number.isFinite(s.value)) {
      const k = `${key}\u0000${s.metric}`;
      origins.set(k, [...(origins.get(k) ?? []), s.value]);
    }
  }
  for (const [k, values] of origins) {
    const [source, model, metric] = k.split('\u0000') as [string, string, string];
    const line = lines.get(`${source}\u0000${model}`);
    if (line) line[`${metric}@origins`] = round(values.reduce((a, b) => a + b, 0) / values.length);
  }
  return [...lines.values()];
}

/** Calibration points of one target as chart series, one per model, sorted by nominal value. */
export function calibrationSeries(points: readonly CalibrationPoint[], target: string) {
  const byModel = new Map<string, [number, number | null][]>();
  for (const p of points) {
    if (p.target !== target) continue;
    byModel.set(p.model, [...(byModel.get(p.model) ?? []), [p.nominal, p.observed]]);
  }
  return [...byModel].map(([name, pts]) => ({
    name,
    points: pts.sort((a, b) => a[0] - b[0]),
    dashed: name !== 'milepost',
  }));
}

/**
 * A metric's value as a loss (lower is better), or null for descriptive metrics (base rates,
 * interval widths) that are not better or worse on their own: coverage counts by its distance to
 * the nominal level (P80: 0.80; P10-P90: 0.80), AUC by 1 - AUC.
 */
export function metricLoss(metric: string, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (/^(pinball|brier|log_loss)/.test(metric)) return value;
  if (metric.startsWith('auc')) return 1 - value;
  const span = /^coverage_p(\d+)_p(\d+)$/.exec(metric);
  if (span) return Math.abs(value - (Number(span[2]) - Number(span[1])) / 100);
  const level = /^coverage_p(\d+)$/.exec(metric);
  if (level) return Math.abs(value - Number(level[1]) / 100);
  return null;
}

export interface Loss {
  source: string;
  metric: string;
  model: string;
  modelValue: number;
  /** The baseline that did better, and its value. */
  baseline: string;
  baselineValue: number;
  /** How much worse the model is, in the metric's loss (see metricLoss). */
  margin: number;
}

/**
 * Every holdout metric on which a baseline beats `model` by more than `minMargin` (ties at the
 * third decimal are not losses worth reading), worst first.
 */
export function modelLosses(
  scores: readonly ScoreRow[],
  options: { model?: string; minMargin?: number } = {},
): Loss[] {
  const model = options.model ?? 'milepost';
  const minMargin = options.minMargin ?? 0;
  const holdout = scores.filter((s) => s.split.startsWith('holdout'));
  const out: Loss[] = [];
  for (const m of holdout.filter((s) => s.model === model)) {
    const own = metricLoss(m.metric, m.value);
    if (own === null || m.value === null) continue;
    for (const b of holdout) {
      const theirs = metricLoss(b.metric, b.value);
      if (b.model === model || b.source !== m.source || b.metric !== m.metric) continue;
      if (theirs === null || b.value === null || own - theirs <= minMargin) continue;
      out.push({
        source: m.source,
        metric: m.metric,
        model,
        modelValue: m.value,
        baseline: b.model,
        baselineValue: b.value,
        margin: own - theirs,
      });
    }
  }
  return out.sort((a, b) => b.margin - a.margin);
}
