import type { Suggestion } from '../schema/advice.ts';
import { messagesFor } from './advice-messages.ts';
import type { CheckContext } from './check-context.ts';
import { hasWindow, reviewLag } from './definition-rules.ts';

/** A review window sized on the brand's own review time (P80 of the verification lag). */
export function reviewWindowSuggestions(ctx: CheckContext): Suggestion[] {
  const missing = ctx.plan.milestones.filter((m) => !hasWindow(ctx.plan, m));
  if (!missing.length) return [];
  const lag = reviewLag(ctx);
  const calendarDays = lag.verificationLagP80 ?? 7;
  const days = Math.min(15, Math.max(3, Math.ceil((calendarDays * 5) / 7)));
  return [
    {
      kind: 'add_review_window',
      milestoneIds: missing.map((m) => m.id),
      message: messagesFor(ctx.options.lang).addReviewWindow({
        days,
        names: missing.map((m) => m.name),
        calendarDays,
      }),
      evidence: { windowDays: days, ...lag },
      change: missing.map((m) => ({ id: m.id, reviewWindowDays: days })),
    },
  ];
}
