// The cohort page's state (dimensions, metric) <-> URL, dimension labels, metric formatting and the
// export link. Pure: unit-tested in test/web/cohort-view.test.ts.
import type { CohortDimension, CohortMetric, FilterOptions } from '../../../api/types.ts';
import type { Filters } from './filters.ts';
import type { Format } from './format.ts';
import { toQueryString } from './query-string.ts';

export const dimensions: readonly CohortDimension[] = [
  'cohortQuarter',
  'cohortMonth',
  'partnerKind',
  'milestoneType',
  'pricingModel',
  'sizeBand',
  'brand',
  'partner',
];
export const metrics: readonly CohortMetric[] = [
  'onTimeRate',
  'disputeRate',
  'slipP50',
  'slipP80',
  'slipP90',
  'paymentLagMedian',
  'milestones',
  'completed',
  'value',
];
export const exportFormats = ['csv', 'xlsx', 'parquet', 'arrow'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface CohortChoice {
  /** Columns of the heatmap. */
  x: CohortDimension;
  /** Rows of the heatmap; the table groups by rows, then columns. */
  y: CohortDimension;
  metric: CohortMetric;
}

export const defaultChoice: CohortChoice = {
  x: 'cohortQuarter',
  y: 'partnerKind',
  metric: 'onTimeRate',
};

const pick = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

/** The choice in the URL (`x`, `y`, `metric`), with defaults; x and y never equal. */
export function readChoice(params: URLSearchParams): CohortChoice {
  const x = pick(dimensions, params.get('x'), defaultChoice.x);
  let y = pick(dimensions, params.get('y'), defaultChoice.y);
  if (y === x) y = dimensions.find((d) => d !== x) ?? defaultChoice.y;
  return { x, y, metric: pick(metrics, params.get('metric'), defaultChoice.metric) };
}

/** Whether a metric is a rate (formatted as a percentage, with counts). */
export const isRate = (metric: CohortMetric) => metric === 'onTimeRate' || metric === 'disputeRate';
export const isDays = (metric: CohortMetric) =>
  metric.startsWith('slip') || metric === 'paymentLagMedian';

/** A heatmap cell or table value as text in the page's locale. */
export function formatMetric(
  metric: CohortMetric,
  value: number | null,
  f: Format,
  currency: string | null = null,
): string {
  if (isRate(metric)) return f.percent(value);
  if (isDays(metric)) return f.days(value);
  if (metric === 'value') return f.money(value, currency);
  return f.integer(value);
}

export interface LabelSources {
  options: FilterOptions | undefined;
  format: Format;
  milestoneTypes: Record<string, string>;
  partnerKinds: Record<string, string>;
  pricingModels: Record<string, string>;
  sizeBands: Record<string, string>;
}

/** A dimension value as people read it: names for ids, words for codes, months in the locale. */
export function dimensionLabel(
  dimension: CohortDimension,
  value: string | null,
  s: LabelSources,
): string {
  if (value === null) return '—';
  switch (dimension) {
    case 'brand':
      return s.options?.brands.find((b) => b.id === value)?.name ?? value;
    case 'partner':
      return s.options?.partners.find((p) => p.id === value)?.name ?? value;
    case 'partnerKind':
      return s.partnerKinds[value] ?? value;
    case 'milestoneType':
      return s.milestoneTypes[value] ?? value;
    case 'pricingModel':
      return s.pricingModels[value] ?? value;
    case 'sizeBand':
      return s.sizeBands[value] ?? value;
    case 'cohortMonth':
      return s.format.month(value);
    default:
      return value;
  }
}

/** GET /api/exports/cohorts with the page's grouping and filters, as a same-origin link. */
export function exportHref(choice: CohortChoice, filters: Filters, format: ExportFormat): string {
  return `/api/exports/cohorts${toQueryString({ ...filters, by: `${choice.y},${choice.x}`, format })}`;
}
