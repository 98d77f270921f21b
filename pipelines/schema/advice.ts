import { z } from 'zod';
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

/** Either a stored contract (by id, within the caller's brands) or a draft plan. */
const Source = {
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
  .meta({ id: 'AdviceCheckRequest', example: { contractId: 'C0001', confidence: 0.8 } });

export const SplitConstraints = z
  .object({
    maxDepositPct: z.number().min(0).max(100).default(30),
    minSharePct: z.number().min(0).max(50).default(2),
    retentionMinPct: z.number().min(0).max(50).default(0),
    retentionMaxPct: z.number().min(0).max(50).default(15),
    costRatio: z.number().min(0.05).max(1.5).default(0.7),
    retentionReleaseDays: z.number().int().min(0).max(365).default(30),
  })
  .refine((c) => c.retentionMinPct <= c.retentionMaxPct, 'retentionMinPct > retentionMaxPct');
export type SplitConstraints = z.infer<typeof SplitConstraints>;

export const SplitRequest = z
  .object({ ...Source, constraints: SplitConstraints.default(SplitConstraints.parse({})) })
  .refine(oneSource, oneSourceMessage)
  .meta({
    id: 'AdviceSplitRequest',
    example: { contractId: 'C0001', constraints: { maxDepositPct: 20, minSharePct: 5 } },
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
  .object({ ...Source, clauses: IncentiveClauses })
  .refine(oneSource, oneSourceMessage)
  .meta({
    id: 'AdviceIncentiveRequest',
    example: {
      contractId: 'C0001',
      clauses: {
        bonusPerDay: 500,
        bonusCap: 5000,
        penaltyPerDay: 800,
        penaltyGraceDays: 3,
        penaltyCap: 10000,
      },
    },
  });

const Evidence = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));

export const Finding = z.object({
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
});
export type Finding = z.infer<typeof Finding>;

export const Suggestion = z.object({
  kind: z.enum(['split', 'merge', 'move_due_date', 'add_review_window']),
  milestoneIds: z.array(z.string()),
  message: z.string(),
  evidence: Evidence,
  /** The replacement milestones (split, merge) or the changed fields (move, review window). */
  change: z.array(milestoneFields.partial().extend({ id: z.string() })),
});
export type Suggestion = z.infer<typeof Suggestion>;
