import type { MilestoneTable } from '../features/milestone-table.ts';

const partnerFeatures = [
  'partner_history_n',
  'partner_late_rate',
  'partner_log_ratio',
  'partner_dispute_rate',
  'partner_load_30d',
];

/**
 * What-if "another partner": that partner's track-record features from its newest milestone in
 * the (scoped) table. Undefined when the partner has no milestone there.
 */
export function partnerOverrides(
  table: MilestoneTable,
  partnerId: string,
): Record<string, number> | undefined {
  let newest = -1;
  for (let i = 0; i < table.n; i++) {
    if (table.meta.partner[i] !== partnerId) continue;
    if (newest < 0 || (table.time[i] ?? 0) >= (table.time[newest] ?? 0)) newest = i;
  }
  if (newest < 0) return undefined;
  const out: Record<string, number> = {};
  for (const f of partnerFeatures) {
    const v = table.features.numeric.get(f)?.[newest];
    if (v !== undefined && Number.isFinite(v)) out[f] = v;
  }
  return out;
}
