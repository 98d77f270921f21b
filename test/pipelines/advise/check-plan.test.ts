import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../pipelines/advise/check-plan.ts';
import type { Finding } from '../../../pipelines/schema/advice.ts';
import { fixtureContext, fixturePlan, fixturePlanInput } from './fixture-plan.ts';

type M = (typeof fixturePlanInput.milestones)[number];

const byKind = (fs: Finding[]) => {
  const out: Record<string, string[]> = {};
  for (const f of fs) (out[f.kind] ??= []).push(f.milestoneIds.join('>'));
  return out;
};

describe('definition check on a plan with known problems', () => {
  const findings = checkPlan(fixtureContext());
  const kinds = byKind(findings);

  it('finds each kind on exactly the milestones that have it', () => {
    expect(kinds).toEqual({
      share_too_large: ['live'],
      type_variable: ['live'],
      due_in_holiday: ['live'],
      due_in_peak: ['live', 'media'],
      due_before_p50: ['live'],
      criteria_not_measurable: ['live'],
      no_review_window: ['live'],
      chain_no_buffer: ['live>media'],
    });
  });

  it('backs each finding with evidence from history', () => {
    const f = (k: Finding['kind']) => findings.find((x) => x.kind === k)!;
    expect(f('share_too_large').evidence.share).toBe(0.6);
    expect(f('type_variable').evidence).toMatchObject({
      level: 'partner_type',
      completed: 40,
      lateN: 32,
    });
    expect(f('type_variable').evidence.lateRate).toBe(0.8);
    expect(f('due_in_holiday').evidence.holiday).toMatch(/National Day/);
    expect(f('due_before_p50').evidence.p50! > '2025-10-01').toBe(true);
    expect(f('due_before_p50').evidence.source).toBe('reference_class');
    // Vague criteria in history: the 40 livestreams, a third of them disputed.
    expect(f('criteria_not_measurable').evidence).toMatchObject({ historyFlaggedN: 40 });
    expect(f('criteria_not_measurable').evidence.historyFlaggedDisputeRate).toBeGreaterThan(
      f('criteria_not_measurable').evidence.historyOtherDisputeRate as number,
    );
    expect(f('no_review_window').evidence).toMatchObject({ verificationLagP80: 7 });
    expect(f('chain_no_buffer').evidence).toMatchObject({ predecessor: 'live', bufferWorkdays: 0 });
  });

  it('orders findings by severity', () => {
    const rank = { high: 0, medium: 1, low: 2 };
    const ranks = findings.map((f) => rank[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('finds nothing in a well-defined plan', () => {
    const [s, , media, report] = fixturePlanInput.milestones as [M, M, M, M];
    const clean = fixturePlan({
      ...fixturePlanInput,
      milestones: [
        { ...s, share: 0.25 },
        {
          ...media,
          share: 0.25,
          plannedStart: '2025-09-23',
          dueDate: '2025-10-17',
          dependsOn: ['s'],
        },
        {
          ...s,
          id: 'cr',
          name: 'Creative',
          type: 'creative',
          share: 0.25,
          plannedStart: '2025-10-21',
          dueDate: '2025-11-28',
          dependsOn: ['media'],
        },
        {
          ...report,
          share: 0.25,
          plannedStart: '2025-12-01',
          dueDate: '2025-12-19',
          dependsOn: ['cr'],
        },
      ],
    });
    expect(checkPlan(fixtureContext(clean))).toEqual([]);
  });

  it('does not call steady work variable or late', () => {
    const steady = fixturePlan({
      ...fixturePlanInput,
      milestones: fixturePlanInput.milestones.map((m) =>
        m.id === 'live' ? { ...m, type: 'creative' as const } : m,
      ),
    });
    const kinds = byKind(checkPlan(fixtureContext(steady)));
    expect(kinds.type_variable).toBeUndefined();
    expect(kinds.due_before_p50).toBeUndefined();
  });
});
