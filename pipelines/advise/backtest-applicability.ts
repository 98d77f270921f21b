// When the held-out data cannot support a rule's lift: the rule's inputs are absent, or it
// flags every held-out milestone (no comparison group) or none (no flagged group).
import { Finding, type Plan } from '../schema/advice.ts';
import { milestoneShare } from './draft-table.ts';
import type { HistoryRow } from './history-rows.ts';

export type FindingKind = Finding['kind'];

/** Every rule of the definition check, in the schema's order. */
export const findingKinds: readonly FindingKind[] = Finding.shape.kind.options;

/** Whether a held-out milestone carries the data a rule reads beyond dates and history. */
export interface MilestoneInputs {
  criteria: boolean;
  share: boolean;
  reviewWindow: boolean;
  dependencies: boolean;
}

const ruleInputs: Partial<Record<FindingKind, { input: keyof MilestoneInputs; reason: string }>> = {
  share_too_large: {
    input: 'share',
    reason: 'no milestone shares of the contract value in this data',
  },
  criteria_not_measurable: { input: 'criteria', reason: 'no acceptance criteria in this data' },
  no_review_window: { input: 'reviewWindow', reason: 'no review windows in this data' },
  chain_no_buffer: { input: 'dependencies', reason: 'no milestone dependencies in this data' },
};

export function milestoneInputs(plan: Plan, m: Plan['milestones'][number]): MilestoneInputs {
  return {
    criteria: (m.acceptanceCriteria ?? '').trim() !== '',
    share: milestoneShare(plan, m) > 0,
    reviewWindow: (m.reviewWindowDays ?? plan.reviewWindowDays ?? null) !== null,
    dependencies: m.dependsOn.length > 0,
  };
}

/** A rule whose lift the data cannot support, with how many milestones it flagged and why. */
export interface NotApplicable {
  kind: string;
  flagged: number;
  reason: string;
}

interface Row {
  kinds: readonly string[];
  inputs: MilestoneInputs;
}

/** Why flagged vs unflagged cannot be compared on these rows, or null when it can. */
export function groupNotApplicable<R>(rows: readonly R[], flagged: (r: R) => boolean) {
  if (rows.length === 0) return 'no held-out milestones';
  const n = rows.filter(flagged).length;
  if (n === rows.length) return `fires on every held-out milestone (${n}), no comparison group`;
  if (n === 0) return 'fires on no held-out milestone, no flagged group';
  return null;
}

/** Why the held-out rows cannot support this rule's lift, or null when they can. */
export function ruleNotApplicable(rows: readonly Row[], kind: string): string | null {
  const need = ruleInputs[kind as FindingKind];
  if (rows.length === 0) return 'no held-out milestones';
  if (need && !rows.some((r) => r.inputs[need.input])) return need.reason;
  return groupNotApplicable(rows, (r) => r.kinds.includes(kind));
}

/** Every rule the rows cannot support, in the schema's order. */
export function notApplicableRules(rows: readonly Row[]): NotApplicable[] {
  return findingKinds.flatMap((kind) => {
    const reason = ruleNotApplicable(rows, kind);
    const flagged = rows.filter((r) => r.kinds.includes(kind)).length;
    return reason ? [{ kind, flagged, reason }] : [];
  });
}

/** Outcomes the data does not record at all (then their figures are not applicable). */
export interface OutcomeGaps {
  /** Slip and due dates met need delivery (approval) dates. */
  delivery: string | null;
  dispute: string | null;
}

export function outcomeGaps(outcomes: Iterable<HistoryRow>): OutcomeGaps {
  const rows = [...outcomes];
  return {
    delivery: rows.some((r) => r.approved !== null)
      ? null
      : 'no delivery (approval) dates in this data',
    dispute: rows.some((r) => r.disputed) ? null : 'no disputes in this data',
  };
}
