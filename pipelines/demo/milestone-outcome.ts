// How one planned milestone really goes, over its whole life (also beyond `asOf`; the as-of
// view cuts it later). The draws happen in a fixed order whatever the outcome, so a milestone's
// fate depends only on its own stream and the switch changes thresholds, never the draws.
import type { DemoBrand } from './brands.ts';
import { nextChinaWorkday } from './day-profile.ts';
import type { DayProfile } from './day-profile.ts';
import { nextWeekday, previousWeekday, yearsSince } from './day-number.ts';
import type { PlantedEffect } from './demo-options.ts';
import { disputeProbability, onTimeProbability } from './delivery-model.ts';
import type { Probabilities } from './delivery-model.ts';
import type { DemoPartner } from './partners.ts';
import { peakExposure } from './peak-exposure.ts';
import type { PeakExposure } from './peak-exposure.ts';
import type { Rng } from '../random/prng.ts';
import type { PlannedMilestone } from './project-schedule.ts';
import { reviewTimeline } from './review-timeline.ts';
import type { ReviewTimeline } from './review-timeline.ts';
import { typeProfiles } from './type-profiles.ts';

export interface OutcomeInput {
  readonly plan: PlannedMilestone;
  readonly vague: boolean;
  readonly brand: DemoBrand;
  readonly partner: DemoPartner;
  /** Shared by the milestones of one project (a team, a client mood, a bad quarter). */
  readonly projectShock: number;
  readonly projectSlipLog: number;
  /** The brand had switched by this milestone's baseline due date. */
  readonly treated: boolean;
  readonly effect: PlantedEffect;
  readonly historyStartDay: number;
  readonly days: DayProfile;
}

export interface MilestoneOutcome {
  readonly cancelled: boolean;
  readonly cancelDay: number;
  /** Recorded actual start (null when the tracker never recorded one). */
  readonly actualStart: number | null;
  readonly rounds: number;
  readonly onTime: boolean;
  readonly rejected: boolean;
  /** Approval, or rejection when `rejected`. */
  readonly verdictDay: number;
  readonly timeline: ReviewTimeline;
  /** When the due date was re-planned (null: never) and the new current due date. */
  readonly replanDay: number | null;
  readonly replanDue: number;
  readonly disputed: boolean;
  readonly onTimeP: Probabilities;
  readonly disputeExpected: { readonly counterfactual: number; readonly actual: number };
}

function actualStart(rng: Rng, plan: PlannedMilestone): number | null {
  const recorded = rng.chance(0.75);
  const r = rng.next();
  const maxLate = Math.max(
    0,
    Math.min(5, Math.floor(0.2 * (plan.baselineDue - plan.plannedStart))),
  );
  const jitter = r < 0.7 ? 0 : r < 0.9 ? rng.int(0, maxLate) : -rng.int(1, 3);
  return recorded ? plan.plannedStart + jitter : null;
}

/** Verdict day: on time lands on or before the due date (often exactly on it), late after it. */
function verdictDay(
  rng: Rng,
  plan: PlannedMilestone,
  onTime: boolean,
  slipDays: number,
  floor: number,
): number {
  const length = plan.baselineDue - plan.plannedStart;
  const u = rng.next();
  const early = rng.chance(0.45) ? 0 : Math.ceil(length * 0.25 * u * u);
  const day = onTime
    ? previousWeekday(plan.baselineDue - early)
    : nextWeekday(plan.baselineDue + slipDays);
  return Math.max(day, floor + 1);
}

interface Delivery {
  readonly rounds: number;
  readonly onTimeP: Probabilities;
  readonly onTime: boolean;
  /** Days late if late (drawn either way, so both worlds of the switch share it). */
  readonly slipDays: number;
}

/** Revision rounds, whether the work is on time, and how late it is when it is not. */
function delivery(rng: Rng, input: OutcomeInput, peak: PeakExposure, years: number): Delivery {
  const { plan, partner } = input;
  const profile = typeProfiles[plan.type];
  const revisionMean =
    0.45 * profile.revisionFactor * (input.vague ? 2.2 : 1) * Math.exp(-0.45 * partner.reliability);
  const rounds = Math.min(5, rng.poisson(revisionMean));
  const onTimeP = onTimeProbability(
    {
      typeShift: profile.onTimeShift,
      partnerReliability: partner.reliability,
      projectShock: input.projectShock,
      reviewDays: input.brand.reviewDays,
      peakShare: peak.share,
      revisionRounds: rounds,
      years,
    },
    input.treated,
    input.effect,
  );
  const onTime = rng.next() < onTimeP.actual;
  const slipLog =
    Math.log(profile.slipMedian) +
    partner.slipLog +
    input.projectSlipLog +
    profile.slipSigma * rng.normal();
  const length = plan.baselineDue - plan.plannedStart;
  const slipDays = Math.max(1, Math.round(length * Math.exp(slipLog) + peak.extraDays));
  return { rounds, onTimeP, onTime, slipDays };
}

/** Half of the late milestones get a new current due date, set some time before the old one. */
function replan(rng: Rng, input: OutcomeInput, d: Delivery): { day: number | null; due: number } {
  const { plan } = input;
  const replanned = !d.onTime && rng.chance(0.5);
  const length = plan.baselineDue - plan.plannedStart;
  const day = Math.max(
    plan.plannedStart + 1,
    plan.baselineDue - Math.round(length * 0.3 * rng.next()),
  );
  const extra = Math.max(1, Math.round(d.slipDays * rng.uniform(0.4, 1)));
  return {
    day: replanned ? day : null,
    due: nextChinaWorkday(input.days, plan.baselineDue + extra),
  };
}

function dispute(input: OutcomeInput, d: Delivery, rejected: boolean, years: number) {
  const length = Math.max(1, input.plan.baselineDue - input.plan.plannedStart);
  const drivers = {
    revisionRounds: d.rounds,
    vague: input.vague,
    partnerReliability: input.partner.reliability,
    brandShift: input.brand.disputeShift,
    slipShare: d.slipDays / length,
    rejected,
    years,
  };
  return disputeProbability(drivers, d.onTime, d.onTimeP, input.treated, input.effect);
}

export function simulateMilestone(rng: Rng, input: OutcomeInput): MilestoneOutcome {
  const { plan, partner } = input;
  const cancelled = rng.chance(0.008);
  const start = actualStart(rng, plan);
  const years = yearsSince(plan.baselineDue, input.historyStartDay);
  const peak = peakExposure(input.days, plan.plannedStart, plan.baselineDue);
  const d = delivery(rng, input, peak, years);
  // Events come after both the planned and the recorded start (early starts happen; events
  // before the plan's start would read as data errors).
  const floor = Math.max(start ?? plan.plannedStart, plan.plannedStart);
  const verdict = verdictDay(rng, plan, d.onTime, d.slipDays, floor);
  const badPartner = partner.reliability < -0.8 ? 2.5 : 1;
  const rejected = rng.chance(0.012 * (input.vague ? 1.8 : 1) * badPartner);
  const timeline = reviewTimeline(rng, floor, verdict, d.rounds, input.brand.reviewDays);
  const replanned = replan(rng, input, d);
  const p = dispute(input, d, rejected, years);
  return {
    cancelled,
    cancelDay: plan.plannedStart + Math.ceil((plan.baselineDue - plan.plannedStart) / 2),
    actualStart: start,
    rounds: d.rounds,
    onTime: d.onTime,
    rejected,
    verdictDay: verdict,
    timeline,
    replanDay: replanned.day,
    replanDue: replanned.due,
    disputed: rng.next() < p.p,
    onTimeP: d.onTimeP,
    disputeExpected: { counterfactual: p.expectedCounterfactual, actual: p.expectedActual },
  };
}
