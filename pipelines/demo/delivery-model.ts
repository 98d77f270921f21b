// The probability model behind every milestone outcome, including the planted policy effect.
//
// On time: p0 = sigmoid(drivers) x common trend; without the switch p = min(CAP, p0), after the
// brand's switch p = min(CAP, p0 x (1 + onTimeRelative)). The same uniform draw decides both
// worlds, so the effect on each milestone is exactly the planted one (short of the cap).
//
// Disputes rise with lateness, so a policy that makes work more punctual would lower disputes
// through lateness as well; the switch therefore rescales the dispute probability by k so that
// its expectation over the on-time draw is exactly (1 + disputeRelative) times the one without
// the switch, while disputes still follow lateness within each world.
import type { PlantedEffect } from './demo-options.ts';

export const ON_TIME_CAP = 0.97;
const DISPUTE_CAP = 0.95;
// Intercepts tuned at the default size: ~55% of completed milestones approved after their
// baseline due date, ~18% of submitted milestones disputed (README.md, calibration.ts).
const ON_TIME_INTERCEPT = 0.3;
const DISPUTE_INTERCEPT = -3.0;

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Common trend for every brand: platforms get busier, punctuality erodes a little each year. */
export function onTimeTrend(years: number): number {
  return 1 - 0.035 * Math.min(8, Math.max(0, years));
}

/** Common trend for every brand: more brands and more scrutiny, disputes grow a little each year. */
export function disputeTrend(years: number): number {
  return 1 + 0.05 * Math.min(8, Math.max(0, years));
}

export interface OnTimeDrivers {
  typeShift: number;
  partnerReliability: number;
  projectShock: number;
  /** Mean calendar days per review round of the brand. */
  reviewDays: number;
  /** 0..1: how much of the work window falls into capacity shocks (CNY weighs most). */
  peakShare: number;
  revisionRounds: number;
  years: number;
}

export interface Probabilities {
  /** Without the switch (the counterfactual for switched milestones). */
  readonly counterfactual: number;
  /** In the generated world. */
  readonly actual: number;
}

export function onTimeProbability(
  d: OnTimeDrivers,
  treated: boolean,
  effect: PlantedEffect,
): Probabilities {
  const logit =
    ON_TIME_INTERCEPT +
    d.typeShift +
    d.partnerReliability +
    d.projectShock -
    0.06 * (d.reviewDays - 5) -
    1.2 * d.peakShare -
    0.3 * d.revisionRounds;
  const p0 = sigmoid(logit) * onTimeTrend(d.years);
  const counterfactual = Math.min(ON_TIME_CAP, p0);
  const actual = treated ? Math.min(ON_TIME_CAP, p0 * (1 + effect.onTimeRelative)) : counterfactual;
  return { counterfactual, actual };
}

export interface DisputeDrivers {
  revisionRounds: number;
  vague: boolean;
  partnerReliability: number;
  brandShift: number;
  /** Slip of the late outcome as a share of the planned duration (drawn whether or not late). */
  slipShare: number;
  rejected: boolean;
  years: number;
}

/** Dispute probability given the on-time outcome, and its expectations in both worlds. */
export function disputeProbability(
  d: DisputeDrivers,
  onTime: boolean,
  onTimeP: Probabilities,
  treated: boolean,
  effect: PlantedEffect,
): { p: number; expectedCounterfactual: number; expectedActual: number } {
  const base =
    DISPUTE_INTERCEPT +
    0.3 * d.revisionRounds +
    (d.vague ? 0.55 : 0) -
    0.35 * d.partnerReliability +
    d.brandShift;
  const onTimeP0 = sigmoid(base);
  const lateP0 = sigmoid(base + 0.6 + 0.7 * Math.min(2, d.slipShare));
  const scale = disputeTrend(d.years) * (d.rejected ? 2.5 : 1);
  const mix = (pOn: number): number => pOn * onTimeP0 + (1 - pOn) * lateP0;
  const cf = mix(onTimeP.counterfactual);
  const k = treated ? ((1 + effect.disputeRelative) * cf) / mix(onTimeP.actual) : 1;
  return {
    p: Math.min(DISPUTE_CAP, (onTime ? onTimeP0 : lateP0) * k * scale),
    expectedCounterfactual: Math.min(DISPUTE_CAP, cf * scale),
    expectedActual: Math.min(DISPUTE_CAP, mix(onTimeP.actual) * k * scale),
  };
}
