// Running sums of the on-time and dispute probabilities of switched milestones, with and without
// the switch. Their ratio is the effect actually planted in this data set (the planted multiplier
// less what the probability cap clipped), written beside the nominal effect in demo_truth.

export interface EffectTally {
  /** Milestones of switching brands due on or after the change date (cancelled ones excluded). */
  treated: number;
  onTimeCounterfactual: number;
  onTimeActual: number;
  disputeCounterfactual: number;
  disputeActual: number;
}

export function emptyTally(): EffectTally {
  return {
    treated: 0,
    onTimeCounterfactual: 0,
    onTimeActual: 0,
    disputeCounterfactual: 0,
    disputeActual: 0,
  };
}

export function addTally(into: EffectTally, from: EffectTally): void {
  into.treated += from.treated;
  into.onTimeCounterfactual += from.onTimeCounterfactual;
  into.onTimeActual += from.onTimeActual;
  into.disputeCounterfactual += from.disputeCounterfactual;
  into.disputeActual += from.disputeActual;
}

/** Relative effects realised in expectation: actual / counterfactual - 1. */
export function realisedEffect(t: EffectTally): {
  onTimeRelative: number | null;
  disputeRelative: number | null;
} {
  return {
    onTimeRelative: t.onTimeCounterfactual > 0 ? t.onTimeActual / t.onTimeCounterfactual - 1 : null,
    disputeRelative:
      t.disputeCounterfactual > 0 ? t.disputeActual / t.disputeCounterfactual - 1 : null,
  };
}
