// The requests of the API bench: KPI, trend, scorecard and cohort paths with varied filters, drawn
// with a seed from what the warehouse holds for the bench token's brands, so every run asks the
// same questions. Filters are whole cohort months, as the dashboard sends them.
import { milestoneTypes, partnerKinds, pricingModels } from '../../pipelines/schema/enums.ts';
import { Rng } from '../../pipelines/random/prng.ts';

export const benchFamilies = ['kpis', 'trend', 'scorecard', 'cohorts'] as const;
export type BenchFamily = (typeof benchFamilies)[number];

export interface BenchValues {
  /** The bench token's brands. */
  readonly brands: readonly string[];
  /** Partners with milestones of those brands. */
  readonly partners: readonly string[];
  /** Cohort months present, YYYY-MM, oldest first. */
  readonly months: readonly string[];
}

const cohortGroupings = [
  'cohortMonth',
  'partnerKind',
  'milestoneType',
  'pricingModel',
  'sizeBand',
  'brand',
  'partnerKind,cohortQuarter',
  'milestoneType,cohortMonth',
  'brand,cohortQuarter',
] as const;

/** A query string of the filters every family shares: period, and sometimes one more filter. */
function filterQuery(rng: Rng, v: BenchValues): URLSearchParams {
  const q = new URLSearchParams();
  const a = rng.int(0, v.months.length - 1);
  const b = rng.int(0, v.months.length - 1);
  if (rng.chance(0.8)) {
    q.set('from', v.months[Math.min(a, b)] ?? '');
    q.set('to', v.months[Math.max(a, b)] ?? '');
  }
  const extra = rng.int(0, 5);
  if (extra === 1) q.set('brand', rng.pick(v.brands));
  if (extra === 2) q.set('milestoneType', rng.pick(milestoneTypes));
  if (extra === 3) q.set('partnerKind', rng.pick(partnerKinds));
  if (extra === 4) q.set('pricingModel', rng.pick(pricingModels));
  if (rng.chance(0.3)) q.set('tolerance', String(rng.pick([3, 7, 14])));
  return q;
}

function familyPath(family: BenchFamily, rng: Rng, v: BenchValues): string {
  const q = filterQuery(rng, v);
  if (family === 'kpis') return `/api/kpis?${q}`;
  if (family === 'trend') return `/api/kpis/trend?${q}`;
  if (family === 'scorecard') {
    q.delete('partnerKind');
    return `/api/partners/${encodeURIComponent(rng.pick(v.partners))}/scorecard?${q}`;
  }
  q.set('by', rng.pick(cohortGroupings));
  return `/api/cohorts?${q}`;
}

/** `count` distinct paths of one family (fewer if the filters cannot vary that much). */
export function benchPaths(family: BenchFamily, v: BenchValues, count: number, seed = 7): string[] {
  const rng = new Rng(seed + benchFamilies.indexOf(family));
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 20; tries++) {
    out.add(familyPath(family, rng, v));
  }
  return [...out];
}
