import type { AtRiskList } from '../../schema/forecasts.ts';
import type { ForecastContext } from './forecast-context.ts';

/** Open milestones ranked by the chosen calibrated risk, each with its main factors. */
export function atRiskList(
  ctx: ForecastContext,
  q: {
    risk: 'late' | 'dispute';
    brand?: string | undefined;
    partner?: string | undefined;
    limit: number;
  },
): AtRiskList {
  const items = ctx.open
    .filter((f) => (!q.brand || f.brandId === q.brand) && (!q.partner || f.partnerId === q.partner))
    .map((f) => ({ f, p: q.risk === 'late' ? f.pLate : f.pDispute }))
    .filter((x) => Number.isFinite(x.p))
    .sort((a, b) => b.p - a.p || a.f.milestoneId.localeCompare(b.f.milestoneId))
    .slice(0, q.limit);
  return {
    asOf: ctx.asOf,
    modelVersion: ctx.version,
    risk: q.risk,
    items: items.map(({ f, p }) => ({
      milestoneId: f.milestoneId,
      projectId: f.projectId,
      brandId: f.brandId,
      partnerId: f.partnerId,
      status: f.status,
      baselineDue: f.baselineDue,
      p80: f.delivery.p80,
      probability: p,
      reasons: q.risk === 'late' ? f.lateFactors : f.disputeFactors,
    })),
  };
}
