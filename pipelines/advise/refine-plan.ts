import type { Finding, Plan, Suggestion } from '../schema/advice.ts';
import type { CheckContext } from './check-context.ts';
import { moveDueDateSuggestions } from './move-due-dates.ts';
import { reviewWindowSuggestions } from './review-window.ts';
import { mergeSuggestions, splitSuggestions } from './split-merge.ts';

/** Every suggestion for a checked plan. */
export function refinePlan(ctx: CheckContext, findings: readonly Finding[]): Suggestion[] {
  return [
    ...splitSuggestions(ctx, findings),
    ...mergeSuggestions(ctx),
    ...moveDueDateSuggestions(ctx, findings),
    ...reviewWindowSuggestions(ctx),
  ];
}

type M = Plan['milestones'][number];

// Review windows first (parts of a split inherit them), moves last (they name the last part).
const applyOrder: Record<Suggestion['kind'], number> = {
  add_review_window: 0,
  split: 1,
  merge: 2,
  move_due_date: 3,
};

/**
 * The plan with every suggestion applied (field changes patch a milestone; splits and
 * merges replace the milestones they name). Suggestions that touch a milestone an earlier one
 * removed are skipped, so the result is always a consistent plan.
 */
export function applySuggestions(plan: Plan, suggestions: readonly Suggestion[]): Plan {
  let ms: M[] = plan.milestones.map((m) => ({ ...m }));
  for (const s of [...suggestions].sort((a, b) => applyOrder[a.kind] - applyOrder[b.kind])) {
    const named = new Set(s.milestoneIds);
    if (![...named].every((id) => ms.some((m) => m.id === id))) continue;
    if (s.kind === 'split' || s.kind === 'merge') ms = replaceMilestones(ms, named, s.change);
    else {
      const changes = new Map(s.change.map((c) => [c.id, c]));
      ms = ms.map((m) => ({ ...m, ...changes.get(m.id) }) as M);
    }
  }
  return { ...plan, milestones: ms };
}

/** Puts `change` where the first named milestone was; dependants of removed ids follow. */
function replaceMilestones(ms: M[], named: Set<string>, change: Suggestion['change']): M[] {
  const at = ms.findIndex((m) => named.has(m.id));
  const { amount: _amount, ...base } = ms[at]!;
  const parts = change.map(
    (c) => ({ ...base, ...c, dependsOn: c.dependsOn ?? base.dependsOn }) as M,
  );
  const last = parts.at(-1)?.id ?? '';
  const gone = new Set([...named].filter((id) => !parts.some((p) => p.id === id)));
  const rest = ms.filter((m) => !named.has(m.id));
  rest.splice(at, 0, ...parts);
  return rest.map((m) => ({
    ...m,
    dependsOn: [...new Set(m.dependsOn.map((d) => (gone.has(d) ? last : d)))].filter(
      (d) => d !== m.id,
    ),
  }));
}
