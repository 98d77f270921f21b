import { z } from 'zod';
import { MilestoneType, PartnerKind, PricingModel } from './enums.ts';

// Shapes of the KPI answers. The API's OpenAPI document and the dashboard's types come from here.

const listOf = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0),
    )
    .pipe(z.array(item).min(1, 'empty list'));

const periodBound = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, 'expected YYYY-MM or YYYY-MM-DD');

/** Filters shared by every KPI query. Lists are comma-separated. Cohorts are baseline-due months. */
export const KpiFilterFields = z.object({
  from: periodBound.optional().describe('First cohort month (YYYY-MM) or date, inclusive'),
  to: periodBound.optional().describe('Last cohort month (YYYY-MM) or date, inclusive'),
  brand: listOf(z.string().min(1).max(128)).optional().describe('Brand id(s), comma-separated'),
  partner: listOf(z.string().min(1).max(128)).optional().describe('Partner id(s), comma-separated'),
  milestoneType: listOf(MilestoneType).optional().describe('Milestone type(s), comma-separated'),
  partnerKind: listOf(PartnerKind).optional().describe('Partner kind(s), comma-separated'),
  pricingModel: listOf(PricingModel).optional().describe('Pricing model(s), comma-separated'),
  tolerance: z.coerce
    .number()
    .int()
    .min(0)
    .max(60)
    .default(0)
    .describe('Days after the baseline due date that still count as on time'),
});

/** Adds the check that the period is not reversed to any schema with `from`/`to`. */
export function withPeriodCheck<
  T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>,
>(schema: T): T {
  return schema.refine((f) => !f.from || !f.to || boundStart(f.from) <= boundEnd(f.to), {
    message: '`from` is after `to`',
    path: ['from'],
  }) as T;
}

export const KpiFilters = withPeriodCheck(KpiFilterFields);
export type KpiFilters = z.output<typeof KpiFilterFields>;
export type KpiFilterInput = z.input<typeof KpiFilterFields>;

export function boundStart(b: string): string {
  return b.length === 7 ? `${b}-01` : b;
}
export function boundEnd(b: string): string {
  if (b.length !== 7) return b;
  const [y, m] = b.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${b}-${String(last).padStart(2, '0')}`;
}

export const Rate = z.object({
  value: z.number().nullable().describe('numerator / denominator, null when the denominator is 0'),
  numerator: z.number(),
  denominator: z.number(),
});
export type Rate = z.infer<typeof Rate>;

export const KpiSummary = z.object({
  asOf: z.string().nullable().describe('Status date of the data (last load), YYYY-MM-DD'),
  milestones: z.object({ total: z.number(), completed: z.number(), open: z.number() }),
  onTimeRate: Rate,
  disputeRate: Rate,
  valueDisputeRate: Rate.extend({
    currency: z
      .string()
      .nullable()
      .describe(
        'Currency of the amounts: the one currency in the filter, else USD at the newest rate',
      ),
    unconverted: z.number().describe('Submitted milestones left out for want of an exchange rate'),
  }),
  slipDays: z.object({
    median: z.number().nullable(),
    p80: z.number().nullable(),
    mean: z.number().nullable(),
    count: z.number(),
  }),
  paymentLagDays: z.object({
    median: z.number().nullable(),
    mean: z.number().nullable(),
    count: z.number(),
  }),
  verificationLagDays: z.object({ median: z.number().nullable(), count: z.number() }),
});
export type KpiSummary = z.infer<typeof KpiSummary>;

export const KpiTrendPoint = z.object({
  month: z.string().describe('Cohort month YYYY-MM (month of the baseline due date)'),
  completed: z.number(),
  onTime: z.number(),
  onTimeRate: z.number().nullable(),
  submitted: z.number(),
  disputed: z.number(),
  disputeRate: z.number().nullable(),
  medianSlipDays: z.number().nullable(),
  medianPaymentLagDays: z.number().nullable(),
});
export const KpiTrend = z.object({ months: z.array(KpiTrendPoint) });
export type KpiTrendPoint = z.infer<typeof KpiTrendPoint>;
export type KpiTrend = z.infer<typeof KpiTrend>;

export const PartnerRankingRow = z.object({
  partnerId: z.string(),
  name: z.string(),
  kind: z.string(),
  city: z.string().nullable(),
  milestones: z.number(),
  completed: z.number(),
  onTime: z.number(),
  onTimeRate: z.number().nullable(),
  submitted: z.number(),
  disputed: z.number(),
  disputeRate: z.number().nullable(),
  medianSlipDays: z.number().nullable(),
  p80SlipDays: z.number().nullable(),
  medianPaymentLagDays: z.number().nullable(),
});
export type PartnerRankingRow = z.infer<typeof PartnerRankingRow>;

export const partnerSortKeys = [
  'onTimeRate',
  'disputeRate',
  'medianSlipDays',
  'completed',
  'name',
] as const;
export const PartnerRankingFields = z.object({
  sort: z.enum(partnerSortKeys).default('onTimeRate'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  minCompleted: z.coerce.number().int().min(0).default(5),
});
export type PartnerRankingQuery = z.output<typeof PartnerRankingFields>;
export const PartnerRankingQuery = withPeriodCheck(
  KpiFilterFields.extend(PartnerRankingFields.shape),
);
export const PartnerRanking = z.object({
  total: z.number(),
  partners: z.array(PartnerRankingRow),
});
export type PartnerRanking = z.infer<typeof PartnerRanking>;

export const FilterOptions = z.object({
  brands: z.array(z.object({ id: z.string(), name: z.string() })),
  partners: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  milestoneTypes: z.array(z.string()),
  partnerKinds: z.array(z.string()),
  pricingModels: z.array(z.string()),
  months: z.object({ min: z.string().nullable(), max: z.string().nullable() }),
});
export type FilterOptions = z.infer<typeof FilterOptions>;
