import { z } from 'zod';
import { cohortDimensions } from '../cube/dimensions.ts';
import { KpiFilterFields, Rate, withPeriodCheck } from './kpis.ts';

// Shapes of the cohort answers: KPIs grouped by one or two dimensions, as a table or a heatmap.

export const CohortDimension = z.enum(cohortDimensions);

const dimensionList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  )
  .pipe(
    z
      .array(CohortDimension)
      .min(1, 'name one or two dimensions')
      .max(2, 'at most two dimensions')
      .refine((xs) => new Set(xs).size === xs.length, 'a dimension is named twice'),
  );

export const CohortTableFields = z.object({
  by: dimensionList.meta({
    description: `One or two of ${cohortDimensions.join(', ')}, comma-separated`,
    example: 'partnerKind,cohortQuarter',
  }),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});
export const CohortTableQuery = withPeriodCheck(KpiFilterFields.extend(CohortTableFields.shape));
export type CohortTableQuery = z.output<typeof CohortTableQuery>;

export const cohortMetrics = [
  'onTimeRate',
  'disputeRate',
  'slipP50',
  'slipP80',
  'slipP90',
  'paymentLagMedian',
  'value',
  'milestones',
  'completed',
] as const;
export const CohortMetric = z.enum(cohortMetrics);
export type CohortMetric = z.infer<typeof CohortMetric>;

export const CohortHeatmapFields = z.object({
  x: CohortDimension.default('cohortMonth').meta({ example: 'cohortMonth' }),
  y: CohortDimension.default('partnerKind').meta({ example: 'partnerKind' }),
  metric: CohortMetric.default('onTimeRate').meta({ example: 'onTimeRate' }),
});
export const CohortHeatmapQuery = withPeriodCheck(
  KpiFilterFields.extend(CohortHeatmapFields.shape),
).refine((q) => q.x !== q.y, { message: 'x and y must differ', path: ['y'] });
export type CohortHeatmapQuery = z.output<typeof CohortHeatmapFields> &
  z.output<typeof KpiFilterFields>;

const days = z.number().nullable();

export const CohortRow = z.object({
  keys: z
    .record(z.string(), z.string().nullable())
    .describe('The group: one entry per `by` dimension (brand and partner as ids)'),
  milestones: z.number(),
  completed: z.number(),
  open: z.number(),
  submitted: z.number(),
  disputed: z.number(),
  onTimeRate: Rate,
  disputeRate: Rate,
  slipDays: z.object({ p50: days, p80: days, p90: days, mean: days, count: z.number() }),
  paymentLagDays: z.object({ median: days, mean: days, count: z.number() }),
  value: z.object({
    amount: z.number().describe('Sum of milestone amounts'),
    currency: z
      .string()
      .nullable()
      .describe('The one currency of the group, else USD at the newest rate'),
    unconverted: z.number().describe('Milestones left out for want of an exchange rate'),
  }),
});
export type CohortRow = z.infer<typeof CohortRow>;

const exampleRow: CohortRow = {
  keys: { partnerKind: 'agency', cohortQuarter: '2024-Q1' },
  milestones: 1250,
  completed: 1180,
  open: 60,
  submitted: 1210,
  disputed: 221,
  onTimeRate: { value: 0.431, numerator: 509, denominator: 1180 },
  disputeRate: { value: 0.183, numerator: 221, denominator: 1210 },
  slipDays: { p50: 3, p80: 13, p90: 21, mean: 7.4, count: 1180 },
  paymentLagDays: { median: 41, mean: 41.2, count: 1130 },
  value: { amount: 6120000.5, currency: 'USD', unconverted: 0 },
};

export const CohortTable = z
  .object({
    asOf: z.string().nullable(),
    by: z.array(CohortDimension),
    total: z.number().describe('Groups in all; `rows` is one page of them'),
    rows: z.array(CohortRow),
  })
  .meta({
    id: 'CohortTable',
    example: {
      asOf: '2026-10-31',
      by: ['partnerKind', 'cohortQuarter'],
      total: 84,
      rows: [exampleRow],
    },
  });
export type CohortTable = z.infer<typeof CohortTable>;

export const CohortHeatmap = z
  .object({
    asOf: z.string().nullable(),
    metric: CohortMetric,
    x: z.object({ dimension: CohortDimension, values: z.array(z.string()) }),
    y: z.object({ dimension: CohortDimension, values: z.array(z.string()) }),
    values: z
      .array(z.array(z.number().nullable()))
      .describe('values[i][j] = metric for y.values[i] and x.values[j]; null when empty'),
    counts: z
      .array(z.array(z.number()))
      .describe('The count behind each cell: the denominator of a rate, else milestones'),
  })
  .meta({
    id: 'CohortHeatmap',
    example: {
      asOf: '2026-10-31',
      metric: 'onTimeRate',
      x: { dimension: 'cohortMonth', values: ['2024-01', '2024-02'] },
      y: { dimension: 'partnerKind', values: ['agency', 'livestream'] },
      values: [
        [0.44, 0.41],
        [0.31, null],
      ],
      counts: [
        [410, 388],
        [120, 0],
      ],
    },
  });
export type CohortHeatmap = z.infer<typeof CohortHeatmap>;
