// The dispute of a milestone that `simulateMilestone` marked as disputed: its reason follows what
// went wrong (many revision rounds: quality; vague criteria: acceptance unclear; a long slip:
// delay; a brand that pays late: late payment), and its dates follow the milestone's timeline.
import type { DisputeOutcome, DisputeReason } from '../schema/enums.ts';
import type { Dispute } from '../schema/records.ts';
import type { DemoBrand } from './brands.ts';
import { isoOf } from './day-number.ts';
import type { MilestoneOutcome } from './milestone-outcome.ts';
import type { Rng } from '../random/prng.ts';
import type { PlannedMilestone } from './project-schedule.ts';
import { round2 } from './contract-payments.ts';

const reasons: readonly DisputeReason[] = [
  'quality',
  'acceptance_unclear',
  'delay',
  'late_payment',
  'scope',
  'other',
];
const outcomes: readonly DisputeOutcome[] = ['paid_in_full', 'partial', 'withheld', 'cancelled'];
const outcomeWeights: Readonly<Record<DisputeReason, readonly number[]>> = {
  quality: [20, 40, 30, 10],
  acceptance_unclear: [35, 40, 15, 10],
  delay: [35, 45, 15, 5],
  late_payment: [85, 10, 0, 5],
  scope: [30, 50, 10, 10],
  other: [40, 30, 10, 20],
};

export interface DisputeInput {
  readonly disputeId: string;
  readonly milestoneId: string;
  readonly brandId: string;
  readonly amount: number;
  readonly plan: PlannedMilestone;
  readonly outcome: MilestoneOutcome;
  readonly vague: boolean;
  readonly brand: DemoBrand;
  readonly termsDays: number;
}

function reasonOf(rng: Rng, d: DisputeInput): DisputeReason {
  const o = d.outcome;
  const length = Math.max(1, d.plan.baselineDue - d.plan.plannedStart);
  const slipShare = Math.max(0, (o.verdictDay - d.plan.baselineDue) / length);
  const weights = [
    1 + o.rounds,
    d.vague ? 2.5 : 0.3,
    o.onTime ? 0.1 : 1 + 2 * Math.min(2, slipShare),
    !o.rejected && d.brand.payLagMean > 10 ? 1.5 : 0,
    0.6,
    0.3,
  ];
  return reasons[rng.weighted(weights)] ?? 'other';
}

function openedDay(rng: Rng, d: DisputeInput, reason: DisputeReason): number {
  const o = d.outcome;
  const first = o.timeline.submissions[0] ?? o.verdictDay;
  switch (reason) {
    case 'quality':
    case 'acceptance_unclear':
      return o.timeline.revisionRequests.length > 0
        ? rng.pick(o.timeline.revisionRequests)
        : o.verdictDay + rng.int(0, 7);
    case 'delay':
      return Math.max(first, Math.min(o.verdictDay, d.plan.baselineDue + rng.int(7, 20)));
    case 'late_payment':
      return o.verdictDay + d.termsDays + rng.int(10, 30);
    default:
      return first + rng.int(0, Math.max(0, o.verdictDay - first));
  }
}

/** The dispute as known on `asOf`, or null when it has not been opened by then. */
export function milestoneDispute(rng: Rng, d: DisputeInput, asOfDay: number): Dispute | null {
  const reason = reasonOf(rng, d);
  const opened = openedDay(rng, d, reason);
  const resolved =
    opened + Math.min(240, Math.max(1, Math.round(21 * Math.exp(0.7 * rng.normal()))));
  const weights = d.outcome.rejected ? [5, 20, 70, 5] : outcomeWeights[reason];
  const outcome = outcomes[rng.weighted(weights)] ?? 'partial';
  const share = reason === 'late_payment' ? 1 : rng.uniform(0.2, 1);
  if (opened > asOfDay) return null;
  const isResolved = resolved <= asOfDay;
  return {
    disputeId: d.disputeId,
    milestoneId: d.milestoneId,
    brandId: d.brandId,
    openedDate: isoOf(opened),
    resolvedDate: isResolved ? isoOf(resolved) : null,
    reason,
    amount: round2(d.amount * share),
    outcome: isResolved ? outcome : null,
  };
}
