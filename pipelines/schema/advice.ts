import { z } from 'zod';
import { checkResponseExample, refineResponseExample } from './advice-examples.ts';
import {
  incentiveClausesExample,
  incentiveResponseExample,
  splitResponseExample,
} from './advice-payment-examples.ts';
import { milestoneTypes, partnerKinds } from './enums.ts';
import { Id, IsoDate } from './primitives.ts';

// The draft-plan shape the dashboard editor will use, and what the advice endpoints answer.
// Shares are fractions of the contract value (0..1); an amount may be given instead.

const milestoneFields = z.object({
  id: Id,
  name: z.string().min(1).max(300),
  type: z.enum(milestoneTypes),
  share: z.number().min(0).max(1).optional(),
  amount: z.number().min(0).finite().optional(),
  plannedStart: IsoDate,
  dueDate: IsoDate,
  acceptanceCriteria: z.string().max(4000).nullable().optional(),
  reviewWindowDays: z.number().int().min(0).max(365).nullable().optional(),
  dependsOn: z.array(Id).max(200).default([]),
  partnerId: Id.optional(),
});

/** Whether the dependencies (ids outside the plan ignored) form no cycle. */
function acyclic(ms: readonly { id: string; dependsOn: readonly string[] }[]): boolean {
  const deps = new Map(ms.map((m) => [m.id, m.dependsOn]));
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done' || !deps.has(id)) return true;
    if (state.get(id) === 'open') return false;
    state.set(id, 'open');
    const ok = (deps.get(id) ?? []).every(visit);
    state.set(id, 'done');
    return ok;
  };
  return ms.every((m) => visit(m.id));
}

export const PlanMilestone = milestoneFields
  .refine((m) => m.share !== undefined || m.amount !== undefined, 'give share or amount')
  .refine((m) => m.dueDate > m.plannedStart, 'dueDate must be after plannedStart');
export type PlanMilestone = z.infer<typeof PlanMilestone>;

export const Plan = z
  .object({
    brandId: Id.optional(),
    partnerId: Id,
    partnerKind: z.enum(partnerKinds).optional(),
    currency: z.string().min(3).max(3).default('CNY'),
    value: z.number().positive().finite(),
    depositPct: z.number().min(0).max(100).default(0),
    retentionPct: z.number().min(0).max(100).default(0),
    paymentTermsDays: z.number().int().min(0).max(365).default(30),
    reviewWindowDays: z.number().int().min(0).max(365).nullable().optional(),
    milestones: z.array(PlanMilestone).min(1).max(200),
  })
  .refine((p) => new Set(p.milestones.map((m) => m.id)).size === p.milestones.length, {
    message: 'milestone ids must be unique',
    path: ['milestones'],
  })
  .refine((p) => acyclic(p.milestones), {
    message: 'dependsOn must not form a cycle',
    path: ['milestones'],
  })
  .meta({
    id: 'Plan',
    example: {
      partnerId: 'P001',
      currency: 'CNY',
      value: 600000,
      depositPct: 10,
      retentionPct: 5,
      paymentTermsDays: 30,
      milestones: [
        {
          id: 'm1',
          name: 'Strategy',
          type: 'strategy',
          share: 0.1,
          plannedStart: '2025-09-01',
          dueDate: '2025-09-19',
          acceptanceCriteria:
            'Strategy deck (≥ 30 pages) signed off by the China lead by 2025-09-19',
          reviewWindowDays: 5,
          dependsOn: [],
        },
        {
          id: 'm2',
          name: '11.11 livestreams',
          type: 'livestream',
          share: 0.9,
          plannedStart: '2025-09-22',
          dueDate: '2025-11-11',
          acceptanceCriteria: '品牌满意',
          dependsOn: ['m1'],
        },
      ],
    },
  });
export type Plan = z.infer<typeof Plan>;
export type PlanInput = z.input<typeof Plan>;

export const AdviceLang = z
  .enum(['en', 'zh'])
  .default('en')
  .meta({ description: 'Language of the messages and reasoning in the answer (default en).' });
export type AdviceLang = z.infer<typeof AdviceLang>;

/** Either a stored contract (by id, within the caller's brands) or a draft plan. */
const Source = {
  lang: AdviceLang,
  contractId: Id.optional(),
  plan: Plan.optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(1),
  runs: z.number().int().min(200).max(20000).default(2000),
};
const oneSource = (v: { contractId?: string | undefined; plan?: unknown }) =>
  (v.contractId === undefined) !== (v.plan === undefined);
const oneSourceMessage = { message: 'give exactly one of contractId or plan' };

export const CheckRequest = z
  .object({ ...Source, confidence: z.number().min(0.5).max(0.99).default(0.8) })
  .refine(oneSource, oneSourceMessage)
  .meta({
    id: 'AdviceCheckRequest',
    example: { contractId: 'C000012', confidence: 0.8, lang: 'en' },
  });

export const SplitConstraints = z
  .object({
    maxDepositPct: z.number().min(0).max(100).default(30),
    minSharePct: z.number().min(0).max(50).default(2),
    retentionMinPct: z.number().min(0).max(50).default(0),
    retentionMaxPct: z.number().min(0).max(50).default(15),
    costRatio: z.number().min(0.05).max(1.5).default(0.7),
    retentionReleaseDays: z.number().int().min(0).max(365).default(30),
    /** 0..1: weight of the brand's exposure against the partner's gap in the recommendation. */
    brandWeight: z.number().min(0).max(1).default(0.5),
  })
  .refine((c) => c.retentionMinPct <= c.retentionMaxPct, 'retentionMinPct > retentionMaxPct');
export type SplitConstraints = z.infer<typeof SplitConstraints>;

export const RefineRequest = CheckRequest.meta({
  id: 'AdviceRefineRequest',
  example: { contractId: 'C000012', confidence: 0.8 },
});

export const SplitRequest = z
  .object({ ...Source, constraints: SplitConstraints.default(SplitConstraints.parse({})) })
  .refine(oneSource, oneSourceMessage)
  .meta({
    id: 'AdviceSplitRequest',
    example: { contractId: 'C000012', constraints: { maxDepositPct: 20, minSharePct: 5 } },
  });

export const IncentiveClauses = z.object({
  bonusPerDay: z.number().min(0).finite().default(0),
  bonusCap: z.number().min(0).finite().default(0),
  penaltyPerDay: z.number().min(0).finite().default(0),
  penaltyGraceDays: z.number().int().min(0).max(365).default(0),
  penaltyCap: z.number().min(0).finite().default(0),
});
export type IncentiveClauses = z.infer<typeof IncentiveClauses>;

export const IncentiveRequest = z
  .object({ ...Source, clauses: IncentiveClauses.optional() })
  .refine(oneSource, oneSourceMessage)
  .meta({
    id: 'AdviceIncentiveRequest',
    example: {
      contractId: 'C000012',
      clauses: incentiveClausesExample,
    },
  });

const Evidence = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));

export const Finding = z
  .object({
    kind: z.enum([
      'share_too_large',
      'type_variable',
      'due_in_holiday',
      'due_in_peak',
      'due_before_p50',
      'criteria_not_measurable',
      'no_review_window',
      'chain_no_buffer',
    ]),
    milestoneIds: z.array(z.string()),
    severity: z.enum(['high', 'medium', 'low']),
    message: z.string(),
    evidence: Evidence,
  })
  .meta({
    id: 'AdviceFinding',
    example: {
      kind: 'share_too_large',
      milestoneIds: ['m2'],
      severity: 'high',
      message:
        '11.11 livestreams carries 90% of the contract value (limit 30%): one late or disputed delivery holds up most of the money.',
      evidence: {
        share: 0.9,
        maxShare: 0.3,
        historyFlaggedN: 412,
        historyFlaggedLateRate: 0.66,
        historyOtherN: 9120,
        historyOtherLateRate: 0.58,
      },
    },
  });
export type Finding = z.infer<typeof Finding>;

export const Suggestion = z
  .object({
    kind: z.enum(['split', 'merge', 'move_due_date', 'add_review_window']),
    milestoneIds: z.array(z.string()),
    message: z.string(),
    evidence: Evidence,
    /** The replacement milestones (split, merge) or the changed fields (move, review window). */
    change: z.array(milestoneFields.partial().extend({ id: z.string() })),
  })
  .meta({
    id: 'AdviceSuggestion',
    example: {
      kind: 'move_due_date',
      milestoneIds: ['m2'],
      message:
        'Move 11.11 livestreams from 2025-11-11 to 2025-11-28 (forecast P80): P(on time) 22% -> 81%.',
      evidence: {
        confidence: 0.8,
        dueDate: '2025-11-11',
        newDueDate: '2025-11-28',
        pOnTimeBefore: 0.22,
        pOnTimeAfter: 0.81,
      },
      change: [{ id: 'm2', dueDate: '2025-11-28' }],
    },
  });
export type Suggestion = z.infer<typeof Suggestion>;

// ---- Answers (what POST /api/advice/* return; the dashboard's Advisor page reads these) ----

const Quantiles = {
  p10: IsoDate,
  p50: IsoDate,
  p80: IsoDate,
  p90: IsoDate,
  /** Delivery date at the requested confidence (e.g. P80). */
  atConfidence: IsoDate,
};

export const MilestoneOutlookAdvice = z.object({
  id: z.string(),
  name: z.string(),
  dueDate: IsoDate,
  ...Quantiles,
  pOnTime: z.number(),
  pDispute: z.number().nullable(),
  source: z.enum(['model', 'reference_class', 'as_planned']),
});

const AdviceHead = {
  contractId: z.string().nullable(),
  brandId: z.string().nullable(),
  partnerId: z.string(),
  asOf: IsoDate.describe('History and model as known on this date'),
  modelVersion: z
    .number()
    .int()
    .nullable()
    .describe('null: no trained model, forecasts from history'),
  confidence: z.number(),
};

export const CheckResponse = z
  .object({
    ...AdviceHead,
    milestones: z.array(MilestoneOutlookAdvice),
    findings: z.array(Finding),
  })
  .meta({ id: 'AdviceCheck', example: checkResponseExample });
export type CheckResponse = z.infer<typeof CheckResponse>;

export const RefineResponse = z
  .object({
    ...AdviceHead,
    findings: z.array(Finding),
    suggestions: z.array(Suggestion),
    revisedPlan: Plan.describe('The plan with every suggestion applied'),
    findingsAfter: z.array(Finding).describe('What the check still finds in the revised plan'),
  })
  .meta({ id: 'AdviceRefine', example: refineResponseExample });
export type RefineResponse = z.infer<typeof RefineResponse>;

const Exposure = {
  exposureMean: z
    .number()
    .describe("Peak over time of the brand's expected paid minus delivered value"),
  exposureP90: z.number().describe('Peak over time of its P90 across runs'),
  gapMean: z
    .number()
    .describe("Peak over time of the partner's expected cost incurred minus cash received"),
  gapP90: z.number().describe('Peak over time of its P90 across runs'),
};

export const SplitPointAdvice = z.object({
  depositPct: z.number(),
  retentionPct: z.number(),
  shares: z.array(z.object({ milestoneId: z.string(), sharePct: z.number() })),
  ...Exposure,
});
export type SplitPointAdvice = z.infer<typeof SplitPointAdvice>;

export const SplitResponse = z
  .object({
    ...AdviceHead,
    currency: z.string(),
    value: z.number(),
    runs: z.number().int(),
    seed: z.number().int(),
    candidates: z.number().int().describe('Splits scored'),
    current: SplitPointAdvice,
    recommended: SplitPointAdvice,
    reasoning: z.string(),
    frontier: z.array(SplitPointAdvice).describe('Pareto frontier, by rising exposure'),
    weeks: z.array(
      z.object({
        weekStart: IsoDate,
        current: z.object(Exposure),
        recommended: z.object(Exposure),
      }),
    ),
  })
  .meta({ id: 'AdviceSplit', example: splitResponseExample });
export type SplitResponse = z.infer<typeof SplitResponse>;

export const IncentiveResponse = z
  .object({
    ...AdviceHead,
    currency: z.string(),
    runs: z.number().int(),
    seed: z.number().int(),
    clauses: IncentiveClauses,
    expectedBonus: z.number(),
    expectedPenalty: z.number(),
    expectedNet: z.number().describe('Expected cost to the brand: bonuses minus penalties'),
    pBonus: z.number().describe('P(any bonus is paid)'),
    pPenalty: z.number().describe('P(any penalty is charged)'),
    netP10: z.number(),
    netP90: z.number(),
    milestones: z.array(
      z.object({
        milestoneId: z.string(),
        pBonus: z.number(),
        pPenalty: z.number(),
        expectedBonus: z.number(),
        expectedPenalty: z.number(),
      }),
    ),
    partnerCash: z.object({
      expectedChange: z.number().describe("Expected change of the partner's cash received"),
      gapP90Without: z.number(),
      gapP90With: z.number(),
      exposureP90Without: z.number(),
      exposureP90With: z.number(),
    }),
  })
  .meta({ id: 'AdviceIncentives', example: incentiveResponseExample });
export type IncentiveResponse = z.infer<typeof IncentiveResponse>;
