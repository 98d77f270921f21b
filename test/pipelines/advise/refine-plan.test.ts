import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../pipelines/advise/check-plan.ts';
import { probabilityByDay } from '../../../pipelines/forecast/milestone-dates.ts';
import { toDayNumber } from '../../../pipelines/calendar/iso-date.ts';
import { applySuggestions, refinePlan } from '../../../pipelines/advise/refine-plan.ts';
import type { Suggestion } from '../../../pipelines/schema/advice.ts';
import { Plan } from '../../../pipelines/schema/advice.ts';
import { fixtureContext } from './fixture-plan.ts';

describe('refinements of a plan with known problems', () => {
  const ctx = fixtureContext();
  const suggestions = refinePlan(ctx, checkPlan(ctx));
  const of = (kind: Suggestion['kind']) => suggestions.filter((s) => s.kind === kind);

  it('splits the 60% livestream into parts sized like similar past ones, the last keeping its id', () => {
    const [split, ...more] = of('split');
    expect(more).toEqual([]);
    expect(split!.milestoneIds).toEqual(['live']);
    // Similar livestreams carried 10% each; 60% / 10% = 6 parts, capped at 4.
    expect(split!.evidence).toMatchObject({ parts: 4, similarMedianShare: 0.1 });
    const parts = split!.change;
    expect(parts.map((p) => p.id)).toEqual(['live.1', 'live.2', 'live.3', 'live']);
    expect(parts.reduce((s, p) => s + (p.share ?? 0), 0)).toBeCloseTo(0.6, 9);
    expect(parts[0]!.dependsOn).toEqual(['s']);
    expect(parts[0]!.plannedStart).toBe('2025-09-22');
    expect(parts.at(-1)!.dueDate).toBe('2025-10-01');
    for (let i = 1; i < parts.length; i++) {
      expect(parts[i]!.dependsOn).toEqual([parts[i - 1]!.id]);
      expect(parts[i]!.plannedStart).toBe(parts[i - 1]!.dueDate);
    }
  });

  it('merges the trivial wrap-up report into the milestone before it', () => {
    const [merge] = of('merge');
    expect(merge!.milestoneIds).toEqual(['media', 'report']);
    expect(merge!.change).toHaveLength(1);
    expect(merge!.change[0]).toMatchObject({
      id: 'media',
      share: 0.3,
      plannedStart: '2025-10-01',
      dueDate: '2025-11-18',
      dependsOn: ['live'],
    });
  });

  it('moves the livestream to its P80 on a workday, and what follows it after that', () => {
    const moves = of('move_due_date');
    expect(moves.map((s) => s.milestoneIds[0])).toEqual(['live', 'media', 'report']);
    const live = moves[0]!;
    const f = ctx.forecasts[1]!;
    const due = live.change[0]!.dueDate!;
    expect(ctx.calendar.isWorkday(due)).toBe(true);
    expect(due >= new Date(f.days.p80 * 86_400_000).toISOString().slice(0, 10)).toBe(true);
    expect(probabilityByDay(f.distribution, f, toDayNumber(due))).toBeGreaterThanOrEqual(0.8);
    expect(live.evidence.pOnTimeBefore as number).toBeLessThan(0.1);
    // media followed the livestream: it now starts on the livestream's new due date.
    expect(moves[1]!.change[0]).toMatchObject({ plannedStart: due });
    expect(moves[1]!.change[0]!.dueDate! > '2025-11-11').toBe(true);
  });

  it('adds a review window sized on the brand review time', () => {
    const [rw] = of('add_review_window');
    expect(rw!.milestoneIds).toEqual(['live']);
    // P80 of 7 calendar days of review is 5 working days.
    expect(rw!.change).toEqual([{ id: 'live', reviewWindowDays: 5 }]);
  });

  it('applies all suggestions into a valid plan that no longer has those findings', () => {
    const revised = Plan.parse(applySuggestions(ctx.plan, suggestions));
    expect(revised.milestones.map((m) => m.id)).toEqual([
      's',
      'live.1',
      'live.2',
      'live.3',
      'live',
      'media',
    ]);
    const total = revised.milestones.reduce((s, m) => s + (m.share ?? 0), 0);
    expect(total).toBeCloseTo(1, 9);
    const ids = new Set(revised.milestones.map((m) => m.id));
    for (const m of revised.milestones) for (const d of m.dependsOn) expect(ids.has(d)).toBe(true);
    const after = checkPlan({
      ...ctx,
      plan: revised,
      forecasts: fixtureContext(revised).forecasts,
    });
    const kinds = new Set(after.map((f) => f.kind));
    expect(kinds.has('share_too_large')).toBe(false);
    expect(kinds.has('no_review_window')).toBe(false);
    expect(kinds.has('due_in_holiday')).toBe(false);
  });
});
