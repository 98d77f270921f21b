// Partners with a persistent, hidden reliability: most are average, some are reliably good and
// about one in eight is much worse (late more often, later when late, more revision rounds).
import type { PartnerKind } from '../schema/enums.ts';
import type { Partner } from '../schema/records.ts';
import { cities, partnerContacts, partnerName } from './names.ts';
import { rngFor } from '../random/prng.ts';

export interface DemoPartner {
  readonly record: Partner;
  readonly kind: PartnerKind;
  /** Added to the on-time logit of every milestone of this partner. */
  readonly reliability: number;
  /** Added to the log of the slip size when late. */
  readonly slipLog: number;
  /** Relative volume of work the partner takes on. */
  readonly weight: number;
  readonly contacts: readonly string[];
}

const kinds: readonly PartnerKind[] = [
  'agency',
  'kol_network',
  'store_operator',
  'livestream',
  'production',
  'other',
];
const kindWeights = [25, 22, 15, 15, 13, 10];
const STREAM = 2;

export function generatePartners(seed: number, count: number): DemoPartner[] {
  const out: DemoPartner[] = [];
  for (let i = 0; i < count; i++) {
    const rng = rngFor(seed, STREAM, i);
    const kind = kinds[rng.weighted(kindWeights)] ?? 'agency';
    const city = cities[rng.weighted(cities.map((c) => c[2]))] ?? cities[0]!;
    const problem = rng.chance(0.12);
    const star = !problem && rng.chance(0.1);
    const reliability = 0.35 * rng.normal() - (problem ? 1.0 : 0) + (star ? 0.5 : 0);
    out.push({
      record: {
        partnerId: `P${String(i + 1).padStart(5, '0')}`,
        name: partnerName(rng, kind, city, i),
        kind,
        city: city[0],
      },
      kind,
      reliability,
      slipLog: -0.35 * reliability + 0.15 * rng.normal(),
      weight: Math.exp(0.6 * rng.normal()),
      contacts: partnerContacts(rng),
    });
  }
  return out;
}
