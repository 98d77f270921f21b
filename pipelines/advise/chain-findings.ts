import type { Finding } from '../schema/advice.ts';
import { messagesFor } from './advice-messages.ts';
import { iso, round, type CheckContext } from './check-context.ts';
import { contrastEvidence } from './definition-rules.ts';
import { compareGroups } from './history-stats.ts';

/**
 * A milestone that starts on (or before) the due date of a predecessor has no buffer: any slip
 * of the predecessor moves it. Flagged when the predecessor's forecast P80 lands after the
 * successor's planned start, i.e. the chain is likely to push the work back.
 */
export function chainFindings(ctx: CheckContext): Finding[] {
  const byId = new Map(ctx.plan.milestones.map((m, i) => [m.id, i]));
  const withPredecessor = compareGroups(ctx.history, (r) => r.predecessors > 0, 'chained');
  return ctx.plan.milestones.flatMap((m): Finding[] => {
    const tight = m.dependsOn.flatMap((dep) => {
      const i = byId.get(dep);
      const pred = i === undefined ? undefined : ctx.plan.milestones[i];
      const f = i === undefined ? undefined : ctx.forecasts[i];
      if (!pred || !f) return [];
      const buffer = ctx.calendar.workdaysBetween(pred.dueDate, m.plannedStart);
      return buffer <= 0 && iso(f.days.p80) > m.plannedStart ? [{ pred, f, buffer }] : [];
    });
    const worst = tight[0];
    if (!worst) return [];
    return [
      {
        kind: 'chain_no_buffer',
        milestoneIds: [...tight.map((t) => t.pred.id), m.id],
        severity: tight.length > 1 || worst.f.pOnTime < 0.5 ? 'high' : 'medium',
        message: messagesFor(ctx.options.lang).chainNoBuffer({
          name: m.name,
          plannedStart: m.plannedStart,
          predecessor: worst.pred.name,
          predecessorDue: worst.pred.dueDate,
          predecessorP80: iso(worst.f.days.p80),
        }),
        evidence: {
          predecessor: worst.pred.id,
          predecessorDue: worst.pred.dueDate,
          predecessorP80: iso(worst.f.days.p80),
          predecessorPOnTime: round(worst.f.pOnTime),
          bufferWorkdays: worst.buffer,
          ...contrastEvidence(withPredecessor.flagged, withPredecessor.unflagged),
        },
      },
    ];
  });
}
