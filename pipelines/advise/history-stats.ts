import { quantileSorted } from 'simple-statistics';
import type { HistoryRow } from './history-rows.ts';

/** Outcome figures of a group of past milestones (the evidence behind a finding). */
export interface GroupStats {
  n: number;
  completed: number;
  /** Duration ratio (actual / planned) quantiles of the completed ones; null below 5. */
  ratioP10: number | null;
  ratioP50: number | null;
  ratioP90: number | null;
  lateRate: number | null;
  lateN: number;
  disputeRate: number | null;
  disputeN: number;
  medianShare: number | null;
  medianPlannedDays: number | null;
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  return quantileSorted(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
}

export function groupStats(rows: readonly HistoryRow[]): GroupStats {
  const ratios = rows
    .filter((r) => r.logRatio !== null)
    .map((r) => Math.exp(r.logRatio!))
    .sort((a, b) => a - b);
  const settled = rows.filter((r) => r.late !== null);
  const lateN = settled.filter((r) => r.late).length;
  const judged = rows.filter((r) => r.approved !== null || r.disputed);
  const disputeN = judged.filter((r) => r.disputed).length;
  const q = (p: number) => (ratios.length >= 5 ? quantileSorted(ratios, p) : null);
  return {
    n: rows.length,
    completed: ratios.length,
    ratioP10: q(0.1),
    ratioP50: q(0.5),
    ratioP90: q(0.9),
    lateRate: settled.length ? lateN / settled.length : null,
    lateN,
    disputeRate: judged.length ? disputeN / judged.length : null,
    disputeN,
    medianShare: median(rows.map((r) => r.share)),
    medianPlannedDays: median(rows.map((r) => day(r.baselineDue) - day(r.plannedStart))),
  };
}

export type SimilarLevel = 'partner_type' | 'partner_kind_type' | 'type';

/**
 * The most specific group of similar past milestones with at least `minN` completed: this
 * partner and type, else partners of its kind and the type, else the type across partners.
 */
export function similarHistory(
  history: readonly HistoryRow[],
  key: { partnerId: string; partnerKind: string | null; type: string },
  minN = 20,
): { level: SimilarLevel; rows: HistoryRow[]; stats: GroupStats } {
  return memo(history, `similar|${key.partnerId}|${key.partnerKind}|${key.type}|${minN}`, () =>
    findSimilar(history, key, minN),
  );
}

function findSimilar(
  history: readonly HistoryRow[],
  key: { partnerId: string; partnerKind: string | null; type: string },
  minN: number,
): { level: SimilarLevel; rows: HistoryRow[]; stats: GroupStats } {
  const ofType = history.filter((r) => r.type === key.type);
  const levels: [SimilarLevel, HistoryRow[]][] = [
    ['partner_type', ofType.filter((r) => r.partnerId === key.partnerId)],
    ['partner_kind_type', ofType.filter((r) => r.partnerKind === key.partnerKind)],
  ];
  for (const [level, rows] of levels) {
    const stats = groupStats(rows);
    if (stats.completed >= minN) return { level, rows, stats };
  }
  return { level: 'type', rows: ofType, stats: groupStats(ofType) };
}

// History arrays are never mutated once loaded, so figures over them are kept per array (a
// backtest checks hundreds of plans against the same history).
const cache = new WeakMap<readonly HistoryRow[], Map<string, unknown>>();

function memo<T>(rows: readonly HistoryRow[], key: string, compute: () => T): T {
  let entries = cache.get(rows);
  if (!entries) cache.set(rows, (entries = new Map()));
  if (!entries.has(key)) entries.set(key, compute());
  return entries.get(key) as T;
}

/**
 * Late and dispute figures of flagged vs unflagged rows (for evidence). `key` names the
 * predicate: the same key over the same history is computed once.
 */
export function compareGroups(
  rows: readonly HistoryRow[],
  flagged: (r: HistoryRow) => boolean,
  key: string,
): { flagged: GroupStats; unflagged: GroupStats } {
  return memo(rows, `compare|${key}`, () => ({
    flagged: groupStats(rows.filter(flagged)),
    unflagged: groupStats(rows.filter((r) => !flagged(r))),
  }));
}

/** Stats of the whole history, once per array. */
export const overallStats = (rows: readonly HistoryRow[]) =>
  memo(rows, 'overall', () => groupStats(rows));
