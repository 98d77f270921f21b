import { fromDayNumber, toDayNumber } from '../calendar/iso-date.ts';
import type { Finding, Plan, Suggestion } from '../schema/advice.ts';
import { messagesFor } from './advice-messages.ts';
import { round, type CheckContext } from './check-context.ts';
import { milestoneShare } from './draft-table.ts';
import { similarHistory } from './history-stats.ts';

type M = Plan['milestones'][number];

/** The first workday on or after `date`. */
export const workdayOnOrAfter = (ctx: CheckContext, date: string) =>
  ctx.calendar.isWorkday(date) ? date : ctx.calendar.addWorkdays(date, 1);

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** How many parts: as many as similar past milestones are smaller (share, then duration). */
function partsOf(ctx: CheckContext, m: M, why: Set<string>) {
  const sim = similarHistory(ctx.history, {
    partnerId: m.partnerId ?? ctx.plan.partnerId,
    partnerKind: ctx.plan.partnerKind ?? null,
    type: m.type,
  });
  const share = milestoneShare(ctx.plan, m);
  const days = toDayNumber(m.dueDate) - toDayNumber(m.plannedStart);
  const byShare = Math.ceil(share / Math.max(0.01, sim.stats.medianShare ?? ctx.options.maxShare));
  const byDays = Math.ceil(days / Math.max(5, sim.stats.medianPlannedDays ?? days / 2));
  // Too variable alone: split only work that is long for its kind (short work gains nothing).
  const k = why.has('share_too_large')
    ? clamp(Math.max(byShare, Math.ceil(share / ctx.options.maxShare)), 2, 4)
    : days >= 1.5 * (sim.stats.medianPlannedDays ?? Infinity)
      ? clamp(byDays, 2, 3)
      : 1;
  return { k: Math.min(k, Math.max(1, Math.floor(days / 2))), sim, share, days };
}

/**
 * The cut dates of k even slices, rolled to workdays; a cut a holiday pushes onto (or past) the
 * next one or the due date is dropped, so every part keeps a window of its own.
 */
function cutDates(ctx: CheckContext, m: M, k: number, days: number): string[] {
  const start = toDayNumber(m.plannedStart);
  const cuts: string[] = [];
  for (let i = 1; i < k; i++) {
    const cut = workdayOnOrAfter(ctx, fromDayNumber(start + Math.round((i * days) / k)));
    if (cut > (cuts.at(-1) ?? m.plannedStart) && cut < m.dueDate) cuts.push(cut);
  }
  return [...cuts, m.dueDate];
}

/** The replacement parts: even slices of the window; the last keeps the id (dependants). */
function sliceMilestone(ctx: CheckContext, m: M, parts: number, share: number, days: number) {
  const dues = cutDates(ctx, m, parts, days);
  const k = dues.length;
  const each = round(share / k, 4)!;
  return dues.map((due, i) => ({
    id: i === k - 1 ? m.id : `${m.id}.${i + 1}`,
    name: messagesFor(ctx.options.lang).splitPartName(m.name, i + 1, k),
    type: m.type,
    share: i === k - 1 ? round(share - (k - 1) * each, 4)! : each,
    plannedStart: i === 0 ? m.plannedStart : dues[i - 1]!,
    dueDate: due,
    dependsOn: i === 0 ? m.dependsOn : [`${m.id}.${i}`],
  }));
}

/** Split milestones flagged as too large a share or too variable, sized on similar history. */
export function splitSuggestions(ctx: CheckContext, findings: readonly Finding[]): Suggestion[] {
  const why = new Map<string, Set<string>>();
  for (const f of findings)
    if (f.kind === 'share_too_large' || f.kind === 'type_variable')
      for (const id of f.milestoneIds) why.set(id, (why.get(id) ?? new Set()).add(f.kind));
  return ctx.plan.milestones.flatMap((m): Suggestion[] => {
    const reasons = why.get(m.id);
    if (!reasons) return [];
    const { k: wanted, sim, share, days } = partsOf(ctx, m, reasons);
    const change = wanted < 2 ? [] : sliceMilestone(ctx, m, wanted, share, days);
    const k = change.length;
    if (k < 2) return [];
    return [
      {
        kind: 'split',
        milestoneIds: [m.id],
        message: messagesFor(ctx.options.lang).split({
          name: m.name,
          parts: k,
          sharePerPart: share / k,
          daysPerPart: Math.round(days / k),
        }),
        evidence: {
          reasons: [...reasons].join(','),
          parts: k,
          similarLevel: sim.level,
          similarN: sim.stats.n,
          similarMedianShare: round(sim.stats.medianShare),
          similarMedianPlannedDays: sim.stats.medianPlannedDays,
        },
        change,
      },
    ];
  });
}

const isTrivial = (ctx: CheckContext, m: M) =>
  milestoneShare(ctx.plan, m) < ctx.options.trivialShare &&
  toDayNumber(m.dueDate) - toDayNumber(m.plannedStart) <= ctx.options.trivialDays;

/** The neighbour a trivial milestone folds into: its dependant, else its predecessor. */
function partnerOf(plan: Plan, m: M): M | undefined {
  const next = plan.milestones.find((o) => o.dependsOn.includes(m.id));
  return next ?? plan.milestones.find((o) => m.dependsOn.includes(o.id));
}

/** Merge trivial milestones (tiny share, a few days) into the next step of their chain. */
export function mergeSuggestions(ctx: CheckContext): Suggestion[] {
  const used = new Set<string>();
  return ctx.plan.milestones.flatMap((m): Suggestion[] => {
    const other = isTrivial(ctx, m) && !used.has(m.id) ? partnerOf(ctx.plan, m) : undefined;
    if (!other || used.has(other.id)) return [];
    used.add(m.id).add(other.id);
    const pair = [m, other].sort((a, b) => a.plannedStart.localeCompare(b.plannedStart));
    const [a, b] = pair as [M, M];
    const share = milestoneShare(ctx.plan, a) + milestoneShare(ctx.plan, b);
    const criteria = [a.acceptanceCriteria, b.acceptanceCriteria].filter(Boolean).join('; ');
    return [
      {
        kind: 'merge',
        milestoneIds: [a.id, b.id],
        message: messagesFor(ctx.options.lang).merge({
          name: m.name,
          share: milestoneShare(ctx.plan, m),
          into: other.name,
        }),
        evidence: {
          share: round(milestoneShare(ctx.plan, m)),
          trivialShare: ctx.options.trivialShare,
          trivialDays: ctx.options.trivialDays,
        },
        change: [
          {
            id: other.id,
            name: `${a.name} + ${b.name}`,
            share: round(share, 4)!,
            plannedStart: a.plannedStart,
            dueDate: a.dueDate > b.dueDate ? a.dueDate : b.dueDate,
            acceptanceCriteria: criteria || null,
            dependsOn: [...new Set([...a.dependsOn, ...b.dependsOn])].filter(
              (d) => d !== a.id && d !== b.id,
            ),
          },
        ],
      },
    ];
  });
}
