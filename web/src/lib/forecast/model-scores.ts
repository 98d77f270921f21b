// Shapes GET /api/models/quality for the Model quality page: one score across splits and models,
// calibration curves per model, and the direction in which a score is better.
import type { ModelQuality } from '../../../../api/types.ts';

type Score = ModelQuality['scores'][number];
type CalibrationPoint = ModelQuality['calibration'][number];

export type Direction = 'lower' | 'higher' | 'nominal' | 'none';

/** Which way a score is better: pinball, Brier, log loss, width lower; AUC higher; coverage nearest its level. */
export function metricDirection(metric: string): Direction {
  if (/^(pinball|brier|log_loss|width)/.test(metric)) return 'lower';
  if (metric.startsWith('auc')) return 'higher';
  if (metric.startsWith('coverage')) return 'nominal';
  return 'none';
}

const unique = (values: Iterable<string>) => [...new Set(values)];

export function scoreSources(scores: readonly Score[]): string[] {
  return unique(scores.map((s) => s.source)).sort();
}

/** Metrics of a source, in the order the backtest stored them. */
export function scoreMetrics(scores: readonly Score[], source: string): string[] {
  return unique(scores.filter((s) => s.source === source).map((s) => s.metric));
}

export interface ScoreGrid {
  splits: string[];
  models: string[];
  /** values[model][split]; null when not scored. */
  values: Record<string, (number | null)[]>;
  counts: Record<string, (number | null)[]>;
}

/** One metric of one source as splits x models (models in a fixed order: the model first). */
export function scoreGrid(scores: readonly Score[], source: string, metric: string): ScoreGrid {
  const rows = scores.filter((s) => s.source === source && s.metric === metric);
  const splits = unique(rows.map((r) => r.split));
  const models = unique(rows.map((r) => r.model)).sort((a, b) => modelRank(a) - modelRank(b));
  const values: ScoreGrid['values'] = {};
  const counts: ScoreGrid['counts'] = {};
  for (const model of models) {
    values[model] = splits.map(
      (split) => rows.find((r) => r.model === model && r.split === split)?.value ?? null,
    );
    counts[model] = splits.map(
      (split) => rows.find((r) => r.model === model && r.split === split)?.n ?? null,
    );
  }
  return { splits, models, values, counts };
}

const modelOrder = ['milepost', 'logistic', 'reference_class', 'as_planned'];
function modelRank(model: string): number {
  const i = modelOrder.indexOf(model);
  return i === -1 ? modelOrder.length : i;
}

export interface CalibrationCurve {
  model: string;
  points: { nominal: number; observed: number; n: number }[];
}

export function calibrationTargets(points: readonly CalibrationPoint[]): string[] {
  return unique(points.map((p) => p.target));
}

/** Curves of one target, per model, sorted by nominal level; unobserved points left out. */
export function calibrationCurves(
  points: readonly CalibrationPoint[],
  target: string,
): CalibrationCurve[] {
  const byModel = new Map<string, CalibrationCurve['points']>();
  for (const p of points) {
    if (p.target !== target || p.observed === null) continue;
    const list = byModel.get(p.model) ?? [];
    list.push({ nominal: p.nominal, observed: p.observed, n: p.n });
    byModel.set(p.model, list);
  }
  return [...byModel.entries()]
    .sort(([a], [b]) => modelRank(a) - modelRank(b))
    .map(([model, list]) => ({ model, points: list.sort((a, b) => a.nominal - b.nominal) }));
}

/** Ledger snapshots with at least one scored coverage. */
export function scoredLedger(ledger: ModelQuality['ledger']): ModelQuality['ledger'] {
  return ledger
    .filter((l) => l.coverageP50 !== null || l.coverageP80 !== null || l.coverageP90 !== null)
    .sort((a, b) => a.asOf.localeCompare(b.asOf));
}

/** A choice from the URL if it is offered, else the first offered (or the preferred) one. */
export function pick(value: string | null, offered: readonly string[], preferred?: string): string {
  if (value !== null && offered.includes(value)) return value;
  if (preferred !== undefined && offered.includes(preferred)) return preferred;
  return offered[0] ?? '';
}
