import { z } from 'zod';
import { KpiFilterFields, Rate, withPeriodCheck } from './kpis.ts';
import { IsoDate } from './primitives.ts';

// KPIs measured at a status date (domain doc: earned value, time to resolution). The filters are
// those of /kpis without the on-time tolerance, plus the status date.

export const StatusKpiFields = KpiFilterFields.omit({ tolerance: true }).extend({
  asOf: IsoDate.optional().meta({
    description: 'Status date (YYYY-MM-DD); default: the as-of date of the newest load you may see',
    example: '2026-10-31',
  }),
});
export const StatusKpiQuery = withPeriodCheck(StatusKpiFields);
export type StatusKpiQuery = z.output<typeof StatusKpiFields>;

export const EarnedValue = z
  .object({
    asOf: z.string().nullable().describe('The status date used, YYYY-MM-DD'),
    currency: z
      .string()
      .nullable()
      .describe('Currency of the amounts: the one currency in the filter, else USD'),
    contracts: z.number().describe('Contracts with at least one milestone in the filter'),
    milestones: z.number().describe('Milestones in the filter (cancelled ones left out)'),
    unconverted: z.number().describe('Contracts left out for want of an exchange rate to USD'),
    contractValue: z.number().describe('Sum of the values of those contracts'),
    earnedValue: z.number().describe('EV: contract value x share of milestones approved by asOf'),
    plannedValue: z
      .number()
      .describe('PV: contract value x share of milestones with baseline due on or before asOf'),
    approvedShare: Rate.describe('EV / contract value'),
    plannedShare: Rate.describe('PV / contract value'),
    spi: Rate.describe('Schedule performance index EV / PV; null when PV is 0'),
  })
  .meta({
    id: 'EarnedValue',
    example: {
      asOf: '2026-10-31',
      currency: 'USD',
      contracts: 3120,
      milestones: 25109,
      unconverted: 0,
      contractValue: 412_880_150.5,
      earnedValue: 301_220_400.25,
      plannedValue: 352_100_900,
      approvedShare: { value: 0.7296, numerator: 301_220_400.25, denominator: 412_880_150.5 },
      plannedShare: { value: 0.8528, numerator: 352_100_900, denominator: 412_880_150.5 },
      spi: { value: 0.8555, numerator: 301_220_400.25, denominator: 352_100_900 },
    },
  });
export type EarnedValue = z.infer<typeof EarnedValue>;

export const TimeToResolution = z
  .object({
    asOf: z.string().nullable().describe('The status date used, YYYY-MM-DD'),
    opened: z.number().describe('Disputes opened on or before asOf'),
    resolved: z.number().describe('Of those, resolved on or before asOf'),
    open: z.number().describe('Of those, still open at asOf'),
    medianDays: z.number().nullable().describe('Median of resolved - opened, days'),
    p80Days: z.number().nullable().describe('P80 of resolved - opened, days'),
    meanDays: z.number().nullable().describe('Mean of resolved - opened, days'),
    resolvedShare: Rate.describe('resolved / opened'),
  })
  .meta({
    id: 'TimeToResolution',
    example: {
      asOf: '2026-10-31',
      opened: 4670,
      resolved: 4410,
      open: 260,
      medianDays: 12,
      p80Days: 24.2,
      meanDays: 14.6,
      resolvedShare: { value: 0.9443, numerator: 4410, denominator: 4670 },
    },
  });
export type TimeToResolution = z.infer<typeof TimeToResolution>;
