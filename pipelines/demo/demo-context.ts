// Everything shared by all contracts of a run: the small reference tables (brands, partners,
// policy, FX) with their hidden traits, the calendar profile and the campaign anchors. Built once
// per run; the contracts themselves are generated batch by batch from it.
import type { FxRate } from '../schema/records.ts';
import { generateBrands } from './brands.ts';
import type { DemoBrand } from './brands.ts';
import { anchorFinder } from './campaign-anchors.ts';
import type { AnchorFinder } from './campaign-anchors.ts';
import { buildDayProfile } from './day-profile.ts';
import type { DayProfile } from './day-profile.ts';
import { dayOf, yearOf } from './day-number.ts';
import { resolveDemoOptions } from './demo-options.ts';
import type { DemoOptions, ResolvedDemoOptions } from './demo-options.ts';
import { generateFxRates } from './fx-rates.ts';
import { generatePartners } from './partners.ts';
import type { DemoPartner } from './partners.ts';
import { planPolicy } from './policy-plan.ts';
import type { PolicyPlan } from './policy-plan.ts';
import { cumulative } from '../random/prng.ts';

export interface DemoContext {
  readonly options: ResolvedDemoOptions;
  readonly brands: readonly DemoBrand[];
  readonly brandCumulative: Float64Array;
  readonly partners: readonly DemoPartner[];
  readonly policy: PolicyPlan;
  readonly fxRates: readonly FxRate[];
  readonly days: DayProfile;
  readonly anchors: AnchorFinder;
}

export function createDemoContext(input: DemoOptions = {}): DemoContext {
  const options = resolveDemoOptions(input);
  const { seed, asOf, horizonDay, historyStartDay } = options;
  const partners = generatePartners(seed, options.partners);
  const brands = generateBrands(
    seed,
    options.brands,
    partners.map((p) => p.weight),
  );
  const policy = planPolicy(
    seed,
    brands.map((b) => b.record.brandId),
    options.switchShare,
    historyStartDay,
    horizonDay,
  );
  // Plans reach a few years past the horizon (contracts signed just before it run on).
  const days = buildDayProfile(dayOf('2020-10-01'), dayOf(`${yearOf(horizonDay) + 4}-12-31`));
  return {
    options,
    brands,
    brandCumulative: cumulative(brands.map((b) => b.weight)),
    partners,
    policy,
    fxRates: generateFxRates(seed, horizonDay).filter((r) => r.validFrom <= asOf),
    days,
    anchors: anchorFinder(),
  };
}
