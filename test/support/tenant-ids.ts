// Ids of a tenant of the two-brand warehouse, and a "ghost" tenant shaped like it whose ids exist
// nowhere: an isolation test asks for a brand's ids and for its ghost's, and the two answers must
// not differ, or the answer tells the caller that the other brand's id exists.
import type { Tenant } from './two-brand-warehouse.ts';

/** A tenant whose ids exist nowhere, shaped like a real one. */
export function ghost(t: Tenant): Tenant {
  const g = (s: string) => `${s}-ghost`;
  return {
    ...t,
    brandId: g(t.brandId),
    partnerId: g(t.partnerId),
    contractId: g(t.contractId),
    projectId: g(t.projectId),
    milestoneIds: t.milestoneIds.map(g),
    loadIds: t.loadIds.map(g),
  };
}

/** Every id of a tenant, longest first (so replacing them one by one never cuts one in two). */
export function idsOf(t: Tenant): string[] {
  return [t.brandId, t.partnerId, t.contractId, t.projectId, ...t.milestoneIds, ...t.loadIds].sort(
    (x, y) => y.length - x.length,
  );
}

/** A text with a tenant's ids replaced by `<id>`, to compare answers about a tenant and its ghost. */
export function withoutIds(text: string, t: Tenant): string {
  return idsOf(t).reduce((s, id) => s.replaceAll(id, '<id>'), text);
}
