import { z } from 'zod';
import {
  Currency,
  DisputeOutcome,
  DisputeReason,
  EventKind,
  MilestoneStatus,
  MilestoneType,
  PartnerKind,
  PaymentKind,
  PricingModel,
} from './enums.ts';
import { Id, IsoDate, Money, Percent } from './primitives.ts';

// The canonical records. Every importer maps into these; the warehouse tables in
// data/schema/*.sql have the same columns in snake_case.

export const Brand = z.object({
  brandId: Id,
  name: z.string().min(1),
  homeCurrency: Currency.default('USD'),
  /** Working days the brand's contracts allow for review before the delay counts against the brand. */
  reviewWindowDays: z.number().int().min(0).max(90).default(5),
});

export const Partner = z.object({
  partnerId: Id,
  name: z.string().min(1),
  kind: PartnerKind,
  city: z.string().nullable().default(null),
});

export const Contract = z.object({
  contractId: Id,
  brandId: Id,
  partnerId: Id,
  pricingModel: PricingModel,
  value: Money.nonnegative(),
  currency: Currency,
  signedDate: IsoDate,
  /** Days after approval within which payment is due. */
  paymentTermsDays: z.number().int().min(0).max(365),
  retentionPct: Percent.default(0),
  depositPct: Percent.default(0),
  reviewWindowDays: z.number().int().min(0).max(90).default(5),
  bonusPerDay: Money.nonnegative().default(0),
  bonusCap: Money.nonnegative().default(0),
  penaltyPerDay: Money.nonnegative().default(0),
  penaltyGraceDays: z.number().int().min(0).default(0),
  penaltyCap: Money.nonnegative().default(0),
});

export const Project = z.object({
  projectId: Id,
  contractId: Id,
  brandId: Id,
  name: z.string().min(1),
  startDate: IsoDate.nullable().default(null),
});

export const Milestone = z.object({
  milestoneId: Id,
  projectId: Id,
  contractId: Id,
  brandId: Id,
  partnerId: Id,
  name: z.string().min(1),
  type: MilestoneType,
  acceptanceCriteria: z.string().nullable().default(null),
  plannedStart: IsoDate.nullable().default(null),
  actualStart: IsoDate.nullable().default(null),
  /** As signed; never overwritten by a later plan. */
  baselineDue: IsoDate,
  currentDue: IsoDate,
  amount: Money.nonnegative(),
  /** Share of the contract value, 0..1. */
  share: z.number().min(0).max(1),
  status: MilestoneStatus,
  /** Imported extra columns kept for the models: numbers and short categorical strings. */
  attributes: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).default({}),
});

export const MilestoneDependency = z.object({
  milestoneId: Id,
  dependsOnId: Id,
});

export const MilestoneEvent = z.object({
  eventId: Id,
  milestoneId: Id,
  kind: EventKind,
  eventDate: IsoDate,
  actor: z.string().nullable().default(null),
});

export const Payment = z.object({
  paymentId: Id,
  contractId: Id,
  brandId: Id,
  milestoneId: Id.nullable().default(null),
  kind: PaymentKind,
  /** Signed: penalties are negative adjustments. */
  amount: Money,
  currency: Currency,
  scheduledDate: IsoDate.nullable().default(null),
  invoicedDate: IsoDate.nullable().default(null),
  paidDate: IsoDate.nullable().default(null),
});

export const Dispute = z.object({
  disputeId: Id,
  milestoneId: Id,
  brandId: Id,
  openedDate: IsoDate,
  resolvedDate: IsoDate.nullable().default(null),
  reason: DisputeReason,
  amount: Money.nonnegative(),
  outcome: DisputeOutcome.nullable().default(null),
});

/** A brand's move from one pricing model to another on a date (for before/after analysis). */
export const PolicyChange = z.object({
  brandId: Id,
  changeDate: IsoDate,
  fromModel: PricingModel,
  toModel: PricingModel,
});

export const FxRate = z.object({
  currency: Currency,
  validFrom: IsoDate,
  /** Units of USD for one unit of `currency`. */
  usdPerUnit: z.number().positive(),
});

/**
 * One day of the China calendar (`calendar_days`, pipelines/calendar): whether it is a workday
 * (make-up workdays included), the public holiday it belongs to, the named periods it falls in
 * (e.g. "cny", several joined with ","), and its workday index: workdays from the first row
 * through this day, so that the workdays in (a, b] are index(b) - index(a).
 */
export const CalendarDay = z.object({
  date: IsoDate,
  isWorkday: z.boolean(),
  holiday: z.string().min(1).nullable(),
  period: z.string().min(1).nullable(),
  workdayIndex: z.number().int().min(0),
});

export type Brand = z.infer<typeof Brand>;
export type Partner = z.infer<typeof Partner>;
export type Contract = z.infer<typeof Contract>;
export type Project = z.infer<typeof Project>;
export type Milestone = z.infer<typeof Milestone>;
export type MilestoneDependency = z.infer<typeof MilestoneDependency>;
export type MilestoneEvent = z.infer<typeof MilestoneEvent>;
export type Payment = z.infer<typeof Payment>;
export type Dispute = z.infer<typeof Dispute>;
export type PolicyChange = z.infer<typeof PolicyChange>;
export type FxRate = z.infer<typeof FxRate>;
export type CalendarDay = z.infer<typeof CalendarDay>;
