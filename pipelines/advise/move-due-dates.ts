import { fromDayNumber, toDayNumber } from '../calendar/iso-date.ts';
import { probabilityByDay } from '../forecast/milestone-dates.ts';
import type { Finding, Plan, Suggestion } from '../schema/advice.ts';
import { messagesFor } from './advice-messages.ts';
import { iso, round, type CheckContext } from './check-context.ts';
import type { PlanMilestoneForecast } from './plan-forecast.ts';
import { workdayOnOrAfter } from './split-merge.ts';

type M = Plan['milestones'][number];

/** Plan indexes with predecessors first (a cycle is broken in plan order). */
export function dependencyOrder(plan: Plan): number[] {
  const index = new Map(plan.milestones.map((m, i) => [m.id, i]));
  const done = new Set<number>();
  const order: number[] = [];
  while (order.length < plan.milestones.length) {
    const ready = plan.milestones.findIndex(
      (m, i) =>
        !done.has(i) && m.dependsOn.every((d) => done.has(index.get(d) ?? -1) || !index.has(d)),
    );
    const next = ready >= 0 ? ready : plan.milestones.findIndex((_, i) => !done.has(i));
    done.add(next);
    order.push(next);
  }
  return order;
}

interface Moved {
  start: string;
  due: string;
}

/** New start (after moved predecessors, for work planned to follow them) and due date. */
function reschedule(
  ctx: CheckContext,
  m: M,
  f: PlanMilestoneForecast,
  moved: Map<string, Moved>,
  offDay: boolean,
) {
  const deps = m.dependsOn
    .map((d) => ctx.plan.milestones.find((o) => o.id === d))
    .filter((d) => d !== undefined);
  const chained = deps.length > 0 && deps.every((d) => m.plannedStart >= d.dueDate);
  const after =
    deps
      .map((d) => moved.get(d.id)?.due ?? d.dueDate)
      .sort()
      .at(-1) ?? m.plannedStart;
  const start = chained && after > m.plannedStart ? after : m.plannedStart;
  const delay = toDayNumber(start) - toDayNumber(m.plannedStart);
  const early = f.pOnTime < ctx.options.confidence - 0.02;
  const base = early ? f.days.conf : toDayNumber(m.dueDate);
  const due = workdayOnOrAfter(ctx, fromDayNumber(base + delay));
  const timing = { startDay: f.startDay + delay, plannedDays: f.plannedDays };
  const pNew = probabilityByDay(f.distribution, timing, toDayNumber(due));
  return {
    start,
    due,
    early,
    delay,
    pNew,
    changed: due !== m.dueDate || start !== m.plannedStart || offDay,
  };
}

type Rescheduled = ReturnType<typeof reschedule>;

function moveSuggestion(
  ctx: CheckContext,
  m: M,
  f: PlanMilestoneForecast,
  r: Rescheduled,
): Suggestion {
  return {
    kind: 'move_due_date',
    milestoneIds: [m.id],
    message: messagesFor(ctx.options.lang).moveDueDate({
      name: m.name,
      from: m.dueDate,
      to: r.due,
      confidence: ctx.options.confidence,
      early: r.early,
      afterPredecessor: r.delay > 0,
      pBefore: f.pOnTime,
      pAfter: r.pNew,
    }),
    evidence: {
      confidence: ctx.options.confidence,
      dueDate: m.dueDate,
      newDueDate: r.due,
      newPlannedStart: r.start,
      pOnTimeBefore: round(f.pOnTime),
      pOnTimeAfter: round(r.pNew),
      p50: iso(f.days.p50),
      source: f.source,
    },
    change: [
      {
        id: m.id,
        dueDate: r.due,
        ...(r.start !== m.plannedStart ? { plannedStart: r.start } : {}),
      },
    ],
  };
}

/**
 * Move due dates to the forecast at the chosen confidence (rolled to a workday) when they are
 * earlier than it, or off a day off. Work planned to follow a moved milestone starts after its
 * new due date, and its own due date moves with it (the plan stays consistent).
 */
export function moveDueDateSuggestions(
  ctx: CheckContext,
  findings: readonly Finding[],
): Suggestion[] {
  const offDay = new Set(
    findings.filter((f) => f.kind === 'due_in_holiday').flatMap((f) => f.milestoneIds),
  );
  const moved = new Map<string, Moved>();
  const out = new Map<number, Suggestion>();
  for (const i of dependencyOrder(ctx.plan)) {
    const m = ctx.plan.milestones[i]!;
    const f = ctx.forecasts[i];
    if (!f) continue;
    const r = reschedule(ctx, m, f, moved, offDay.has(m.id));
    if (!r.changed || r.due < m.dueDate) continue;
    moved.set(m.id, { start: r.start, due: r.due });
    out.set(i, moveSuggestion(ctx, m, f, r));
  }
  // In plan order.
  return [...out.keys()].sort((a, b) => a - b).map((i) => out.get(i)!);
}
