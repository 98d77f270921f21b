// The Partners page's comparison: which partners (URL `p`, comma list), which rate, and each
// partner's monthly trend rolled up to quarters from its counts (exact, not an average of rates).
// Pure: unit-tested in test/web/partner-compare.test.ts.
import type { KpiTrendPoint } from '../../../api/types.ts';

export const compareMetrics = ['onTimeRate', 'disputeRate'] as const;
export type CompareMetric = (typeof compareMetrics)[number];
export const maxCompared = 4;

/** Partner ids from `p` (unique, at most `maxCompared`) and the metric from `metric`. */
export function readComparison(params: URLSearchParams): { ids: string[]; metric: CompareMetric } {
  const ids = [
    ...new Set(
      (params.get('p') ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ].slice(0, maxCompared);
  const metric = compareMetrics.find((m) => m === params.get('metric')) ?? 'onTimeRate';
  return { ids, metric };
}

/** "2025-03" -> "2025-Q1" */
export const quarterOf = (month: string): string =>
  `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

export interface QuarterPoint {
  quarter: string;
  numerator: number;
  denominator: number;
  /** null below `minCount` (a rate of 1 of 2 says little). */
  rate: number | null;
}

/** A partner's monthly points summed into quarters for one rate. */
export function quarterlyRates(
  months: readonly KpiTrendPoint[],
  metric: CompareMetric,
  minCount = 5,
): QuarterPoint[] {
  const sums = new Map<string, { numerator: number; denominator: number }>();
  for (const m of months) {
    const q = quarterOf(m.month);
    const s = sums.get(q) ?? { numerator: 0, denominator: 0 };
    s.numerator += metric === 'onTimeRate' ? m.onTime : m.disputed;
    s.denominator += metric === 'onTimeRate' ? m.completed : m.submitted;
    sums.set(q, s);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, s]) => ({
      quarter,
      ...s,
      rate: s.denominator >= minCount && s.denominator > 0 ? s.numerator / s.denominator : null,
    }));
}

/** The quarters any partner has a plotted rate in, first to last: the shared x axis. */
export function sharedQuarters(series: readonly (readonly QuarterPoint[])[]): string[] {
  const all = [...new Set(series.flatMap((points) => points.map((p) => p.quarter)))].sort();
  const plotted = new Set(
    series.flatMap((points) => points.filter((p) => p.rate !== null).map((p) => p.quarter)),
  );
  const first = all.findIndex((q) => plotted.has(q));
  const last = all.findLastIndex((q) => plotted.has(q));
  return first < 0 ? [] : all.slice(first, last + 1);
}
