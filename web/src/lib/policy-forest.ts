// Rows of the policy-impact interval chart ("forest plot"): each estimate of the policy answer with
// its 95% interval, and whether that interval excludes zero, in words for the chart's summary. Pure.
import type { PolicyImpact } from '../../../api/types.ts';
import type { Format } from './format.ts';
import type { insightsEn } from './i18n/insights-en.ts';

export type ForestMetric = 'onTime' | 'dispute';
export type ForestKind = 'did' | 'beforeAfter';
/** 'above'/'below': the interval excludes zero; 'includesZero': it does not; 'unknown': no interval. */
export type ZeroVerdict = 'above' | 'below' | 'includesZero' | 'unknown';

export interface ForestRow {
  metric: ForestMetric;
  kind: ForestKind;
  /** In rate points (0.031 = 3.1 percentage points), null when it cannot be estimated. */
  value: number | null;
  interval: [number, number] | null;
  verdict: ZeroVerdict;
}

type PolicyText = (typeof insightsEn)['policy'];

/** Whether a 95% interval lies wholly above or below zero (touching zero counts as including it). */
export function zeroVerdict(interval: [number, number] | null): ZeroVerdict {
  if (!interval || interval.some((x) => !Number.isFinite(x))) return 'unknown';
  if (interval[0] > 0) return 'above';
  if (interval[1] < 0) return 'below';
  return 'includesZero';
}

/** Difference-in-differences first, then the before/after change, for each rate. */
export function forestRows(impact: PolicyImpact): ForestRow[] {
  const metrics: [ForestMetric, PolicyImpact['onTime']][] = [
    ['onTime', impact.onTime],
    ['dispute', impact.dispute],
  ];
  return metrics.flatMap(([metric, result]) =>
    (
      [
        ['did', result.differenceInDifferences.absolute],
        ['beforeAfter', result.beforeAfter.absolute],
      ] as const
    ).map(([kind, e]) => ({
      metric,
      kind,
      value: e.value,
      interval: e.interval,
      verdict: zeroVerdict(e.interval),
    })),
  );
}

/** "On-time rate (difference-in-differences)": the row's label on the axis and in the table. */
export function forestLabel(row: ForestRow, t: PolicyText): string {
  return t.forest.rowLabel(t[row.metric], t.forest.kinds[row.kind]);
}

/** One sentence per row: estimate, interval and whether it is distinguishable from zero. */
export function forestSentence(row: ForestRow, t: PolicyText, f: Format): string {
  const label = forestLabel(row, t);
  if (!row.interval) return t.forest.sentenceNoInterval(label, f.signedPoints(row.value));
  return t.forest.sentence(
    label,
    f.signedPoints(row.value),
    f.signedPoints(row.interval[0]),
    f.signedPoints(row.interval[1]),
    t.forest.verdicts[row.verdict],
  );
}
