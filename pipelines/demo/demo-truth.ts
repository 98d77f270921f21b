// What the generator planted, stored in dataset_facts under 'demo_truth' so that analyses can be
// checked against the truth: the policy effect (nominal and as realised after the probability
// cap), who switched when, the common trend, and each partner's hidden reliability.
import type { DemoContext } from './demo-context.ts';
import { onTimeTrend, disputeTrend } from './delivery-model.ts';
import { realisedEffect } from './effect-tally.ts';
import type { EffectTally } from './effect-tally.ts';

export interface DemoTruth {
  readonly generator: 'milepost-demo/1';
  readonly seed: number;
  readonly asOf: string;
  readonly horizon: string;
  readonly milestonesTarget: number;
  readonly policyEffect: {
    readonly onTimeRelative: number;
    readonly disputeRelative: number;
    readonly appliesTo: string;
    readonly switchingBrands: readonly { brandId: string; changeDate: string; fromModel: string }[];
    readonly controlBrands: readonly string[];
    /** Brands whose switch falls after asOf (only when a horizon beyond asOf is set). */
    readonly pendingSwitches: readonly { brandId: string; changeDate: string }[];
    readonly realised: {
      readonly treatedMilestones: number;
      readonly onTimeRelative: number | null;
      readonly disputeRelative: number | null;
    };
  };
  readonly commonTrend: {
    readonly origin: string;
    readonly onTimeMultiplierPerYear: number;
    readonly disputeMultiplierPerYear: number;
  };
  /** Added to the on-time logit; below about -0.8 is a problem partner. */
  readonly partnerReliability: Readonly<Record<string, number>>;
}

const round4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e4) / 1e4);

export function demoTruth(ctx: DemoContext, tally: EffectTally): DemoTruth {
  const { options, policy, brands, partners } = ctx;
  const realised = realisedEffect(tally);
  return {
    generator: 'milepost-demo/1',
    seed: options.seed,
    asOf: options.asOf,
    horizon: options.horizon,
    milestonesTarget: options.milestones,
    policyEffect: {
      onTimeRelative: options.effect.onTimeRelative,
      disputeRelative: options.effect.disputeRelative,
      appliesTo:
        "milestones of a switching brand whose baseline_due is on or after the brand's change_date",
      switchingBrands: policy.changes
        .filter((c) => c.changeDate <= options.asOf)
        .map((c) => ({ brandId: c.brandId, changeDate: c.changeDate, fromModel: c.fromModel })),
      controlBrands: brands
        .filter((_, i) => (policy.changeDay[i] ?? -1) < 0)
        .map((b) => b.record.brandId),
      pendingSwitches: policy.changes
        .filter((c) => c.changeDate > options.asOf)
        .map((c) => ({ brandId: c.brandId, changeDate: c.changeDate })),
      realised: {
        treatedMilestones: tally.treated,
        onTimeRelative: round4(realised.onTimeRelative),
        disputeRelative: round4(realised.disputeRelative),
      },
    },
    commonTrend: {
      origin: '2021-01-01',
      onTimeMultiplierPerYear: Math.round((onTimeTrend(1) - 1) * 1e4) / 1e4,
      disputeMultiplierPerYear: Math.round((disputeTrend(1) - 1) * 1e4) / 1e4,
    },
    partnerReliability: Object.fromEntries(
      partners.map((p) => [p.record.partnerId, Math.round(p.reliability * 1000) / 1000]),
    ),
  };
}
