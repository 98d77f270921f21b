import { z } from 'zod';
import { KpiFilterFields, withPeriodCheck } from './kpis.ts';

// The answer of the policy-impact analysis: before/after and difference-in-differences of the
// on-time and dispute rates around a switch to milestone pricing, always with counts and intervals.

export const PolicyImpactFields = z.object({
  replicates: z.coerce
    .number()
    .int()
    .min(100)
    .max(2000)
    .default(400)
    .describe('Bootstrap replicates (brands resampled with replacement)'),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(42)
    .describe('Seed of the bootstrap'),
});
export const PolicyImpactQuery = withPeriodCheck(KpiFilterFields.extend(PolicyImpactFields.shape));
export type PolicyImpactQuery = z.output<typeof PolicyImpactQuery>;

const interval = z
  .tuple([z.number(), z.number()])
  .nullable()
  .describe('95% brand-clustered bootstrap percentile interval; null with too few brands');

export const Estimate = z.object({ value: z.number().nullable(), interval });

export const CellRate = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  interval,
});

export const DidResult = z.object({
  treatedBefore: CellRate,
  treatedAfter: CellRate,
  controlBefore: CellRate.describe('Control milestones counted once per switching brand (stacked)'),
  controlAfter: CellRate,
  beforeAfter: z.object({
    relative: Estimate.describe('treated after / before - 1 (ignores the common trend)'),
    absolute: Estimate.describe('treated after - before, in rate points'),
  }),
  differenceInDifferences: z.object({
    relative: Estimate.describe('(treated after / before) / (control after / before) - 1'),
    absolute: Estimate.describe('(treated after - before) - (control after - before)'),
  }),
});

const exampleCell = (value: number, numerator: number, denominator: number) => ({
  value,
  numerator,
  denominator,
  interval: [value - 0.02, value + 0.02] as [number, number],
});

export const PolicyImpact = z
  .object({
    asOf: z.string().nullable(),
    method: z.string(),
    treatedBrands: z.number().describe('Brands that switched to milestone pricing'),
    controlBrands: z.number().describe('Brands that never switched'),
    switchDates: z.object({ first: z.string().nullable(), last: z.string().nullable() }),
    bootstrap: z.object({ replicates: z.number(), seed: z.number(), level: z.number() }),
    onTime: DidResult.describe('On-time rate: on time / completed'),
    dispute: DidResult.describe('Dispute rate: disputed / submitted'),
  })
  .meta({
    id: 'PolicyImpact',
    example: {
      asOf: '2026-10-31',
      method:
        'stacked difference-in-differences around each brand’s first switch to milestone pricing',
      treatedBrands: 16,
      controlBrands: 24,
      switchDates: { first: '2023-02-14', last: '2024-11-30' },
      bootstrap: { replicates: 400, seed: 42, level: 0.95 },
      onTime: {
        treatedBefore: exampleCell(0.4, 4100, 10250),
        treatedAfter: exampleCell(0.5, 3000, 6000),
        controlBefore: exampleCell(0.42, 90000, 214000),
        controlAfter: exampleCell(0.38, 60000, 158000),
        beforeAfter: {
          relative: { value: 0.25, interval: [0.15, 0.35] },
          absolute: { value: 0.1, interval: [0.06, 0.14] },
        },
        differenceInDifferences: {
          relative: { value: 0.38, interval: [0.25, 0.52] },
          absolute: { value: 0.14, interval: [0.09, 0.19] },
        },
      },
      dispute: {
        treatedBefore: exampleCell(0.2, 2100, 10500),
        treatedAfter: exampleCell(0.17, 1040, 6100),
        controlBefore: exampleCell(0.18, 39000, 217000),
        controlAfter: exampleCell(0.2, 32000, 160000),
        beforeAfter: {
          relative: { value: -0.15, interval: [-0.25, -0.05] },
          absolute: { value: -0.03, interval: [-0.05, -0.01] },
        },
        differenceInDifferences: {
          relative: { value: -0.22, interval: [-0.32, -0.11] },
          absolute: { value: -0.05, interval: [-0.07, -0.02] },
        },
      },
    },
  });
export type PolicyImpact = z.infer<typeof PolicyImpact>;
export type DidResult = z.infer<typeof DidResult>;
