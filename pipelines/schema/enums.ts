import { z } from 'zod';

// Vocabularies of the canonical model (../shared/docs/domain.md). The SQL CHECK constraints in
// data/schema mirror these lists; test/pipelines/schema checks that they agree.
export const partnerKinds = [
  'agency',
  'kol_network',
  'store_operator',
  'livestream',
  'production',
  'other',
] as const;
export const pricingModels = ['milestone', 'retainer', 'time_and_materials', 'upfront'] as const;
export const milestoneTypes = [
  'strategy',
  'creative',
  'kol_seeding',
  'livestream',
  'store_setup',
  'content_production',
  'media_buy',
  'reporting',
  'other',
] as const;
export const milestoneStatuses = [
  'planned',
  'in_progress',
  'submitted',
  'revision_requested',
  'approved',
  'rejected',
  'cancelled',
] as const;
export const eventKinds = ['submitted', 'revision_requested', 'approved', 'rejected'] as const;
export const paymentKinds = [
  'deposit',
  'milestone',
  'retention_release',
  'bonus',
  'penalty',
] as const;
export const disputeReasons = [
  'quality',
  'scope',
  'delay',
  'acceptance_unclear',
  'late_payment',
  'other',
] as const;
export const disputeOutcomes = ['paid_in_full', 'partial', 'withheld', 'cancelled'] as const;
export const currencies = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'HKD', 'AUD'] as const;

export const PartnerKind = z.enum(partnerKinds);
export const PricingModel = z.enum(pricingModels);
export const MilestoneType = z.enum(milestoneTypes);
export const MilestoneStatus = z.enum(milestoneStatuses);
export const EventKind = z.enum(eventKinds);
export const PaymentKind = z.enum(paymentKinds);
export const DisputeReason = z.enum(disputeReasons);
export const DisputeOutcome = z.enum(disputeOutcomes);
export const Currency = z.enum(currencies);

export type PartnerKind = z.infer<typeof PartnerKind>;
export type PricingModel = z.infer<typeof PricingModel>;
export type MilestoneType = z.infer<typeof MilestoneType>;
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;
export type EventKind = z.infer<typeof EventKind>;
export type PaymentKind = z.infer<typeof PaymentKind>;
export type DisputeReason = z.infer<typeof DisputeReason>;
export type DisputeOutcome = z.infer<typeof DisputeOutcome>;
export type Currency = z.infer<typeof Currency>;
