import { z } from 'zod';
import {
  atRiskListExample,
  cashFlowForecastExample,
  milestoneForecastExample,
  modelQualityExample,
  projectForecastExample,
  projectForecastListExample,
} from './forecast-examples.ts';

// Shapes of the forecast answers (issue 4). Dates are ISO 'YYYY-MM-DD'.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const probability = z.number().min(0).max(1);

export const Factor = z
  .object({
    feature: z.string().describe('Feature name, e.g. partner_late_rate'),
    value: z.union([z.number(), z.string(), z.null()]).describe("The milestone's value of it"),
    effect: z.number().describe('Contribution to the log-odds (risk) or log-ratio (delivery)'),
  })
  .meta({ id: 'Factor' });

export const DeliveryQuantiles = z
  .object({ p10: isoDate, p50: isoDate, p80: isoDate, p90: isoDate, p95: isoDate })
  .meta({ id: 'DeliveryQuantiles' });

export const MilestoneForecast = z
  .object({
    milestoneId: z.string(),
    projectId: z.string(),
    brandId: z.string(),
    partnerId: z.string(),
    status: z.string(),
    plannedStart: isoDate,
    baselineDue: isoDate,
    dueDate: isoDate.describe(
      'The due date the probabilities refer to (the what-if date if given)',
    ),
    asOf: isoDate,
    modelVersion: z.number().int(),
    delivery: DeliveryQuantiles,
    pOnTime: probability.describe('P(delivered on or before dueDate)'),
    pLate: probability.describe('Calibrated P(late) from the risk model'),
    pDispute: probability,
    lateFactors: z.array(Factor),
    disputeFactors: z.array(Factor),
    conditionedOnAge: z
      .boolean()
      .describe('True when the forecast is conditional on the milestone still being open'),
  })
  .meta({ id: 'MilestoneForecast', example: milestoneForecastExample });
export type MilestoneForecast = z.infer<typeof MilestoneForecast>;

export const WhatIfQuery = z.object({
  dueDate: isoDate.optional().describe('What-if: a moved due date'),
  partner: z.string().min(1).max(128).optional().describe('What-if: another partner id'),
});

export const ProjectForecastQuery = WhatIfQuery.extend({
  milestone: z.string().min(1).max(128).optional().describe('Milestone the what-if applies to'),
  runs: z.coerce.number().int().min(100).max(50_000).default(10_000),
  seed: z.coerce.number().int().min(0).default(1),
  deadline: isoDate.optional().describe('P(finish by this date); default the latest baseline due'),
});

export const ProjectForecast = z
  .object({
    projectId: z.string(),
    asOf: isoDate,
    modelVersion: z.number().int(),
    runs: z.number().int(),
    seed: z.number().int(),
    deadline: isoDate,
    finish: z.object({ p50: isoDate, p80: isoDate, p95: isoDate }),
    pFinishByDeadline: probability,
    finishCdf: z.array(z.object({ date: isoDate, p: probability })),
    progressFan: z
      .array(
        z.object({
          weekStart: isoDate.describe('Monday of the week'),
          p10: probability,
          p50: probability,
          p90: probability,
        }),
      )
      .optional()
      .describe(
        "Share of the project's milestones (by count) delivered by the end of each week, P10/P50/P90 over the same runs as `finish`; from the week of asOf until P10 reaches 1",
      ),
    milestones: z.array(
      z.object({
        milestoneId: z.string(),
        name: z.string(),
        status: z.string(),
        baselineDue: isoDate,
        done: z.boolean(),
        p10: isoDate,
        p50: isoDate,
        p90: isoDate,
        criticality: probability,
      }),
    ),
  })
  .meta({ id: 'ProjectForecast', example: projectForecastExample });
export type ProjectForecast = z.infer<typeof ProjectForecast>;

export const ProjectForecastListQuery = z.object({
  brand: z.string().min(1).max(128).optional(),
  partner: z.string().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  runs: z.coerce.number().int().min(100).max(5_000).default(1_000),
  seed: z.coerce.number().int().min(0).default(1),
});

export const ProjectForecastList = z
  .object({
    asOf: isoDate,
    modelVersion: z.number().int(),
    runs: z.number().int(),
    total: z.number().int().describe('Projects with open milestones in the selection'),
    items: z.array(
      z.object({
        projectId: z.string(),
        name: z.string(),
        brandId: z.string(),
        partnerId: z.string(),
        openMilestones: z.number().int(),
        maxPLate: probability.describe('The highest P(late) among its open milestones'),
        deadline: isoDate,
        finish: z.object({ p50: isoDate, p80: isoDate, p95: isoDate }),
        pFinishByDeadline: probability,
      }),
    ),
  })
  .meta({ id: 'ProjectForecastList', example: projectForecastListExample });
export type ProjectForecastList = z.infer<typeof ProjectForecastList>;

export const CashFlowQuery = z.object({
  brand: z.string().min(1).max(128).optional().describe('Brand id (default: every brand in scope)'),
  partner: z.string().min(1).max(128).optional(),
  weeks: z.coerce.number().int().min(1).max(104).default(26),
  runs: z.coerce.number().int().min(100).max(20_000).default(2_000),
  seed: z.coerce.number().int().min(0).default(1),
});

export const CashFlowForecast = z
  .object({
    asOf: isoDate,
    currency: z.string().describe('Amounts are in USD when several currencies are in scope'),
    modelVersion: z.number().int(),
    runs: z.number().int(),
    weeks: z.array(
      z.object({
        weekStart: isoDate,
        p10: z.number(),
        p50: z.number(),
        p90: z.number(),
        cumulativeP10: z.number(),
        cumulativeP50: z.number(),
        cumulativeP90: z.number(),
      }),
    ),
    openAmount: z.number().describe('Unpaid value of the open milestones forecast'),
    milestones: z.number().int(),
  })
  .meta({ id: 'CashFlowForecast', example: cashFlowForecastExample });
export type CashFlowForecast = z.infer<typeof CashFlowForecast>;

export const AtRiskQuery = z.object({
  risk: z.enum(['late', 'dispute']).default('late'),
  brand: z.string().min(1).max(128).optional(),
  partner: z.string().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const AtRiskList = z
  .object({
    asOf: isoDate,
    modelVersion: z.number().int(),
    risk: z.enum(['late', 'dispute']),
    items: z.array(
      z.object({
        milestoneId: z.string(),
        projectId: z.string(),
        brandId: z.string(),
        partnerId: z.string(),
        status: z.string(),
        baselineDue: isoDate,
        p80: isoDate,
        probability: probability,
        reasons: z.array(Factor),
      }),
    ),
  })
  .meta({ id: 'AtRiskList', example: atRiskListExample });
export type AtRiskList = z.infer<typeof AtRiskList>;

export const ModelQuality = z
  .object({
    model: z
      .object({
        version: z.number().int(),
        createdAt: z.string(),
        trainFrom: z.string().nullable(),
        trainTo: z.string().nullable(),
        rowsTrained: z
          .number()
          .int()
          .nullable()
          .describe('rows of every brand the model was trained on; null for a brand-scoped caller'),
        metrics: z.record(z.string(), z.number().nullable()),
      })
      .nullable(),
    scores: z.array(
      z.object({
        runId: z.string(),
        source: z.string(),
        split: z.string(),
        model: z.string(),
        metric: z.string(),
        value: z.number().nullable(),
        n: z.number().int(),
      }),
    ),
    ledger: z
      .array(
        z.object({
          asOf: z.string(),
          modelVersion: z.number().int(),
          issued: z.number().int(),
          delivered: z.number().int(),
          coverageP50: z.number().nullable(),
          coverageP80: z.number().nullable(),
          coverageP90: z.number().nullable(),
          brierLate: z.number().nullable(),
        }),
      )
      .describe(
        'Forecasts issued earlier (snapshotted at training) scored against what happened since, within your brands',
      ),
    calibration: z.array(
      z.object({
        runId: z.string(),
        model: z.string(),
        target: z.string(),
        nominal: z.number(),
        observed: z.number().nullable(),
        n: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ModelQuality', example: modelQualityExample });
export type ModelQuality = z.infer<typeof ModelQuality>;
