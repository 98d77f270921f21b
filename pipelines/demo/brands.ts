// Brands with their habits: how fast they review (the approval date is the delivery date, so a
// slow reviewer makes partners look late), how late they pay, how vague their acceptance criteria
// are, and which pricing model they start with.
import type { Currency, PricingModel } from '../schema/enums.ts';
import type { Brand } from '../schema/records.ts';
import { brandName, brandReviewers } from './names.ts';
import { cumulative, pickCumulative, rngFor } from '../random/prng.ts';
import type { Rng } from '../random/prng.ts';

export interface DemoBrand {
  readonly record: Brand;
  /** Mean calendar days the brand takes per review round. */
  readonly reviewDays: number;
  /** Mean days paid after the due date (negative: pays early). */
  readonly payLagMean: number;
  readonly paymentTermsDays: number;
  /** Share of this brand's milestones with vague acceptance criteria. */
  readonly vagueShare: number;
  /** Added to the dispute logit (some brands contest more). */
  readonly disputeShift: number;
  /** Relative volume of contracts. */
  readonly weight: number;
  readonly reviewers: readonly string[];
  /** The partners this brand works with (indices into the partner list). */
  readonly partnerPool: readonly number[];
}

const currencies: readonly Currency[] = ['USD', 'EUR', 'GBP', 'CNY', 'JPY', 'KRW', 'AUD', 'HKD'];
const currencyWeights = [35, 25, 10, 10, 5, 5, 5, 5];
const STREAM = 1;

function reviewDays(rng: Rng): number {
  const r = rng.next();
  return r < 0.4 ? rng.uniform(2, 4) : r < 0.8 ? rng.uniform(4, 8) : rng.uniform(8, 14);
}

function payLag(rng: Rng): number {
  const r = rng.next();
  return r < 0.55 ? rng.uniform(-4, 2) : r < 0.85 ? rng.uniform(5, 18) : rng.uniform(20, 45);
}

function partnerPool(rng: Rng, partnerCum: Float64Array): number[] {
  const size = rng.int(4, 14);
  const pool = new Set<number>();
  for (let i = 0; i < size * 3 && pool.size < size; i++) pool.add(pickCumulative(rng, partnerCum));
  return [...pool];
}

export function generateBrands(
  seed: number,
  count: number,
  partnerWeights: readonly number[],
): DemoBrand[] {
  const used = new Set<string>();
  const partnerCum = cumulative(partnerWeights);
  const out: DemoBrand[] = [];
  for (let i = 0; i < count; i++) {
    const rng = rngFor(seed, STREAM, i);
    const lag = payLag(rng);
    out.push({
      record: {
        brandId: `B${String(i + 1).padStart(4, '0')}`,
        name: brandName(rng, used),
        homeCurrency: currencies[rng.weighted(currencyWeights)] ?? 'USD',
        reviewWindowDays: rng.pick([5, 5, 5, 7, 10]),
      },
      reviewDays: reviewDays(rng),
      payLagMean: lag,
      paymentTermsDays: rng.pick([15, 30, 30, 45, 60]),
      vagueShare: rng.uniform(0.15, 0.6),
      disputeShift: 0.25 * rng.normal() + (lag > 15 ? 0.3 : 0),
      weight: Math.exp(0.5 * rng.normal()),
      reviewers: brandReviewers(rng),
      partnerPool: partnerPool(rng, partnerCum),
    });
  }
  return out;
}

/** Pricing models a brand uses before any switch (controls keep them for good). */
export function originalModel(rng: Rng, switching: boolean): PricingModel {
  const models: readonly PricingModel[] = switching
    ? ['upfront', 'time_and_materials']
    : ['upfront', 'time_and_materials', 'retainer'];
  return rng.pick(models);
}
