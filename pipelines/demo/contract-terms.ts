// Commercial terms by pricing model. Milestone contracts hold back a retention and often carry
// late-penalty (sometimes early-bonus) clauses; upfront contracts take a large deposit; time and
// materials and retainers bill per delivered piece.
import type { PricingModel } from '../schema/enums.ts';
import type { Rng } from '../random/prng.ts';

export interface Terms {
  readonly depositPct: number;
  readonly retentionPct: number;
  /** Fractions of the contract value (0 when the contract has no such clause). */
  readonly penaltyPerDayRate: number;
  readonly penaltyCapRate: number;
  readonly penaltyGraceDays: number;
  readonly bonusPerDayRate: number;
  readonly bonusCapRate: number;
}

const none = {
  penaltyPerDayRate: 0,
  penaltyCapRate: 0,
  penaltyGraceDays: 0,
  bonusPerDayRate: 0,
  bonusCapRate: 0,
};

function clauses(rng: Rng, chance: number): Omit<Terms, 'depositPct' | 'retentionPct'> {
  if (!rng.chance(chance)) return none;
  const bonus = rng.chance(0.4);
  return {
    penaltyPerDayRate: rng.uniform(0.001, 0.004),
    penaltyCapRate: rng.pick([0.05, 0.1]),
    penaltyGraceDays: rng.pick([0, 3, 5]),
    bonusPerDayRate: bonus ? rng.uniform(0.0005, 0.002) : 0,
    bonusCapRate: bonus ? 0.05 : 0,
  };
}

export function contractTerms(rng: Rng, model: PricingModel): Terms {
  switch (model) {
    case 'milestone':
      return {
        depositPct: [0, 10, 20, 30][rng.weighted([20, 30, 35, 15])] ?? 0,
        retentionPct: [0, 5, 10][rng.weighted([30, 40, 30])] ?? 0,
        ...clauses(rng, 0.4),
      };
    case 'upfront':
      return { depositPct: rng.pick([50, 60, 70]), retentionPct: 0, ...clauses(rng, 0.1) };
    case 'retainer':
      return { depositPct: rng.pick([0, 0, 10]), retentionPct: 0, ...none };
    default:
      return { depositPct: 0, retentionPct: rng.chance(0.1) ? 5 : 0, ...clauses(rng, 0.05) };
  }
}

/** The pricing model of a contract signed on `signedDay`. */
export function pricingModelOn(
  rng: Rng,
  signedDay: number,
  changeDay: number,
  fromModel: PricingModel,
): PricingModel {
  if (changeDay >= 0 && signedDay >= changeDay) return 'milestone';
  // Most contracts follow the brand's usual model; a few are one-offs on another non-milestone model.
  if (rng.chance(0.85)) return fromModel;
  return rng.pick(
    (['upfront', 'time_and_materials', 'retainer'] as const).filter((m) => m !== fromModel),
  );
}
