import type { Finding } from '../schema/advice.ts';
import { chainFindings } from './chain-findings.ts';
import type { CheckContext } from './check-context.ts';
import {
  calendarFindings,
  criteriaFindings,
  forecastFindings,
  reviewWindowFindings,
  shareFindings,
  variabilityFindings,
} from './definition-rules.ts';

const rank = { high: 0, medium: 1, low: 2 } as const;

/** Every definition rule over the plan; findings ordered by severity, then plan order. */
export function checkPlan(ctx: CheckContext): Finding[] {
  const order = new Map(ctx.plan.milestones.map((m, i) => [m.id, i]));
  const at = (f: Finding) => order.get(f.milestoneIds.at(-1) ?? '') ?? 0;
  return [
    ...shareFindings(ctx),
    ...variabilityFindings(ctx),
    ...calendarFindings(ctx),
    ...forecastFindings(ctx),
    ...criteriaFindings(ctx),
    ...reviewWindowFindings(ctx),
    ...chainFindings(ctx),
  ].sort((a, b) => rank[a.severity] - rank[b.severity] || at(a) - at(b));
}
