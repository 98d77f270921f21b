import { z } from 'zod';
import { KpiFilterFields, KpiSummary, KpiTrendPoint, withPeriodCheck } from './kpis.ts';

// A partner's scorecard: the headline KPIs and their monthly trend, under the usual filters.

export const ScorecardQuery = withPeriodCheck(KpiFilterFields.omit({ partner: true }));
export type ScorecardQuery = z.output<typeof ScorecardQuery>;

export const PartnerScorecard = z
  .object({
    partner: z.object({
      partnerId: z.string(),
      name: z.string(),
      kind: z.string(),
      city: z.string().nullable(),
    }),
    kpis: KpiSummary,
    trend: z.array(KpiTrendPoint).describe('One point per cohort month, oldest first'),
  })
  .meta({
    id: 'PartnerScorecard',
    example: {
      partner: {
        partnerId: 'P00011',
        name: 'Shanghai Bloom Digital',
        kind: 'agency',
        city: 'Shanghai',
      },
      kpis: {
        asOf: '2026-10-31',
        milestones: { total: 3320, completed: 2790, open: 480 },
        onTimeRate: { value: 0.43, numerator: 1200, denominator: 2790 },
        disputeRate: { value: 0.18, numerator: 520, denominator: 2870 },
        valueDisputeRate: {
          value: 0.11,
          numerator: 1650000,
          denominator: 15000000,
          currency: 'CNY',
          unconverted: 0,
        },
        slipDays: { median: 3, p80: 13, mean: 7.5, count: 2790 },
        paymentLagDays: { median: 41, mean: 41.4, count: 2700 },
        verificationLagDays: { median: 9, count: 2790 },
      },
      trend: [
        {
          month: '2024-01',
          completed: 48,
          onTime: 21,
          onTimeRate: 0.4375,
          submitted: 50,
          disputed: 9,
          disputeRate: 0.18,
          medianSlipDays: 2,
          medianPaymentLagDays: 40,
        },
      ],
    },
  });
export type PartnerScorecard = z.infer<typeof PartnerScorecard>;
