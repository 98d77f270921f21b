import {
  auc,
  brierScore,
  calibrationCurve,
  coverage,
  intervalCoverage,
  logLoss,
  meanIntervalWidth,
  pinballLoss,
} from '../learn/metrics.ts';
import type { CalibrationPoint, ScoreRow } from './score-rows.ts';

interface Where {
  source: string;
  split: string;
  model: string;
}

/**
 * The domain doc's scores for quantile forecasts: pinball loss per level and its mean over
 * P10/P50/P90, coverage of each level (share at or below it), P10-P90 interval coverage and
 * mean width. Calibration points pair each nominal level with its observed coverage.
 */
export function quantileScores(
  y: Float64Array,
  q: Float64Array[],
  levels: readonly number[],
  where: Where,
): { scores: ScoreRow[]; calibration: CalibrationPoint[] } {
  const n = y.length;
  const at = (level: number) => q[levels.indexOf(level)] as Float64Array;
  const scores: ScoreRow[] = [];
  const add = (metric: string, value: number) => scores.push({ ...where, metric, value, n });
  const calibration: CalibrationPoint[] = [];
  levels.forEach((level, k) => {
    const qk = q[k] as Float64Array;
    add(`pinball_p${Math.round(level * 100)}`, pinballLoss(y, qk, level));
    const c = coverage(y, qk);
    add(`coverage_p${Math.round(level * 100)}`, c);
    calibration.push({ model: where.model, target: 'delivery', nominal: level, observed: c, n });
  });
  if (levels.includes(0.1) && levels.includes(0.5) && levels.includes(0.9)) {
    const mean = [0.1, 0.5, 0.9].reduce((s, l) => s + pinballLoss(y, at(l), l), 0) / 3;
    add('pinball_mean_p10_p50_p90', mean);
    add('coverage_p10_p90', intervalCoverage(y, at(0.1), at(0.9)));
    add('width_p10_p90', meanIntervalWidth(at(0.1), at(0.9)));
  }
  return { scores, calibration };
}

/** AUC, Brier score, log loss and a 10-bin calibration curve for a probability forecast. */
export function binaryScores(
  y: Float64Array,
  p: Float64Array,
  where: Where & { target: string },
): { scores: ScoreRow[]; calibration: CalibrationPoint[] } {
  const n = y.length;
  const base = { source: where.source, split: where.split, model: where.model, n };
  const t = where.target;
  const scores: ScoreRow[] = [
    { ...base, metric: `auc_${t}`, value: auc(y, p) },
    { ...base, metric: `brier_${t}`, value: brierScore(y, p) },
    { ...base, metric: `log_loss_${t}`, value: logLoss(y, p, { eps: 1e-6 }) },
    { ...base, metric: `rate_${t}`, value: y.reduce((s, v) => s + v, 0) / Math.max(1, n) },
  ];
  const calibration = calibrationCurve(y, p, { bins: 10, strategy: 'quantile' }).map((b) => ({
    model: where.model,
    target: `p_${t}`,
    nominal: b.meanPredicted,
    observed: b.observedRate,
    n: b.count,
  }));
  return { scores, calibration };
}
