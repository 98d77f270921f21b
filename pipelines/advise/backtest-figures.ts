// The backtest's figures from its scored held-out milestones: lifts per rule, due dates met.
import type { Finding } from '../schema/advice.ts';
import {
  groupNotApplicable,
  notApplicableRules,
  type MilestoneInputs,
  type NotApplicable,
  type OutcomeGaps,
} from './backtest-applicability.ts';
import { riskRatio, wilson, type Proportion, type RiskRatio } from './rate-interval.ts';

/** One scored milestone of the held-out period. */
export interface ScoredMilestone {
  kinds: Finding['kind'][];
  /** Which inputs of the rules the milestone carries (criteria, share, ...). */
  inputs: MilestoneInputs;
  late: boolean | null;
  disputed: boolean | null;
  /** Met the forecast at the confidence / the moved due date / the signed due date (null: open). */
  metConfidence: boolean | null;
  metMoved: boolean | null;
  /** The same, for milestones moved on their own forecast (not pushed by a moved predecessor). */
  metMovedDirect: boolean | null;
  metSigned: boolean | null;
}

export interface KindLift {
  kind: string;
  flagged: number;
  slip: RiskRatio;
  dispute: RiskRatio;
}

export interface BacktestFigures {
  milestones: number;
  /** Any finding of an applicable rule vs none. */
  slip: RiskRatio;
  dispute: RiskRatio;
  /** Why "any finding" cannot be compared (it flags every held-out milestone, or none), else null. */
  anyNotApplicable: string | null;
  /** The rules the data can support. */
  byKind: KindLift[];
  /** The rules it cannot, with the reason (their lift would be meaningless). */
  notApplicable: NotApplicable[];
  /** Outcomes the data does not record (their figures are then not applicable). */
  outcomeGaps: OutcomeGaps;
  /** Share delivered on or before the forecast at the confidence (all milestones). */
  coverage: Proportion;
  /** Share delivered on or before the due date a move suggestion set (moved milestones only). */
  movedCoverage: Proportion;
  /** The same, for moves not pushed by a moved predecessor (each at its own P80). */
  movedDirectCoverage: Proportion;
  /** Share delivered on or before the signed due date (the as-planned baseline). */
  signedCoverage: Proportion;
}

function lift(
  rows: ScoredMilestone[],
  flagged: (r: ScoredMilestone) => boolean,
  y: 'late' | 'disputed',
) {
  const known = rows.filter((r) => r[y] !== null);
  const yes = known.filter(flagged);
  const no = known.filter((r) => !flagged(r));
  const hits = (xs: ScoredMilestone[]) => xs.filter((r) => r[y]).length;
  return riskRatio(hits(yes), yes.length, hits(no), no.length);
}

type Met = 'metConfidence' | 'metMoved' | 'metMovedDirect' | 'metSigned';
const share = (rows: ScoredMilestone[], k: Met) => {
  const known = rows.filter((r) => r[k] !== null);
  return wilson(known.filter((r) => r[k]).length, known.length);
};

/**
 * Outcomes the data does not record are unknown, not "late" or "not disputed": a data set without
 * delivery dates would otherwise count every milestone late and report lifts and coverages of it.
 */
function withoutGaps(rows: ScoredMilestone[], gaps: OutcomeGaps): ScoredMilestone[] {
  if (gaps.delivery === null && gaps.dispute === null) return rows;
  const noDelivery =
    gaps.delivery === null
      ? {}
      : {
          late: null,
          metConfidence: null,
          metMoved: null,
          metMovedDirect: null,
          metSigned: null,
        };
  const noDispute = gaps.dispute === null ? {} : { disputed: null };
  return rows.map((r) => ({ ...r, ...noDelivery, ...noDispute }));
}

/** Lifts of the rules the rows can support; the others are listed with their reason. */
export function backtestFigures(scored: ScoredMilestone[], gaps: OutcomeGaps): BacktestFigures {
  const rows = withoutGaps(scored, gaps);
  const notApplicable = notApplicableRules(rows);
  const skip = new Set(notApplicable.map((n) => n.kind));
  const any = (r: ScoredMilestone) => r.kinds.some((k) => !skip.has(k));
  const kinds = [...new Set(rows.flatMap((r) => r.kinds))].filter((k) => !skip.has(k)).sort();
  return {
    milestones: rows.length,
    slip: lift(rows, any, 'late'),
    dispute: lift(rows, any, 'disputed'),
    anyNotApplicable: groupNotApplicable(rows, any),
    byKind: kinds.map((kind) => {
      const has = (r: ScoredMilestone) => r.kinds.includes(kind);
      const flagged = rows.filter(has).length;
      return { kind, flagged, slip: lift(rows, has, 'late'), dispute: lift(rows, has, 'disputed') };
    }),
    notApplicable,
    outcomeGaps: gaps,
    coverage: share(rows, 'metConfidence'),
    movedCoverage: share(rows, 'metMoved'),
    movedDirectCoverage: share(rows, 'metMovedDirect'),
    signedCoverage: share(rows, 'metSigned'),
  };
}
