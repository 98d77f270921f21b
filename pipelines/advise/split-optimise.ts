import type { AdviceLang, SplitConstraints } from '../schema/advice.ts';
import { messagesFor } from './advice-messages.ts';
import type { PaymentBasis } from './payment-basis.ts';
import {
  evaluateSplit,
  type SplitMetrics,
  type SplitPoint,
  type WeekFigures,
} from './split-evaluate.ts';
import { finishOrder, splitCandidates } from './split-candidates.ts';

export interface ScoredSplit extends SplitPoint {
  metrics: SplitMetrics;
}

export interface SplitAdvice {
  candidates: number;
  current: ScoredSplit;
  frontier: ScoredSplit[];
  recommended: ScoredSplit;
  reasoning: string;
  currentWeeks: WeekFigures[];
  recommendedWeeks: WeekFigures[];
}

/** Points no other point beats on both P90 exposure and P90 gap, by rising exposure. */
export function paretoFrontier<T extends { metrics: SplitMetrics }>(points: readonly T[]): T[] {
  const sorted = [...points].sort(
    (a, b) => a.metrics.exposureP90 - b.metrics.exposureP90 || a.metrics.gapP90 - b.metrics.gapP90,
  );
  const out: T[] = [];
  let bestGap = Infinity;
  for (const p of sorted) {
    if (p.metrics.gapP90 < bestGap - 1e-6) {
      out.push(p);
      bestGap = p.metrics.gapP90;
    }
  }
  return out;
}

/**
 * The frontier point with the smallest weighted worse side (brandWeight on exposure; a negative
 * exposure or gap counts as 0), ties broken by the weighted sum.
 */
export function recommend<T extends { metrics: SplitMetrics }>(
  frontier: readonly T[],
  brandWeight: number,
): T {
  const sides = (p: T) =>
    [
      brandWeight * Math.max(0, p.metrics.exposureP90),
      (1 - brandWeight) * Math.max(0, p.metrics.gapP90),
    ] as const;
  const better = (p: T, q: T) => {
    const [a, b] = sides(p);
    const [c, d] = sides(q);
    const worse = Math.max(a, b) - Math.max(c, d);
    return worse < -1e-9 || (Math.abs(worse) <= 1e-9 && a + b < c + d - 1e-9);
  };
  return frontier.reduce((best, p) => (better(p, best) ? p : best), frontier[0]!);
}

function reasoningOf(
  rec: ScoredSplit,
  cur: ScoredSplit,
  at: { value: number; frontierSize: number; lang: AdviceLang },
) {
  return messagesFor(at.lang).splitReasoning({
    frontierSize: at.frontierSize,
    depositPct: rec.depositPct,
    retentionPct: rec.retentionPct,
    lean: rec.sharesPct[0]! > rec.sharesPct.at(-1)! ? 'earlier' : 'later',
    exposure: rec.metrics.exposureP90,
    exposureNow: cur.metrics.exposureP90,
    gap: rec.metrics.gapP90,
    gapNow: cur.metrics.gapP90,
    value: at.value,
  });
}

const GRID_RUNS = 400;

/** Points worth scoring in full: the first two Pareto layers and the 16 best by score. */
function shortlist(grid: ScoredSplit[], brandWeight: number): ScoredSplit[] {
  const first = paretoFrontier(grid);
  const second = paretoFrontier(grid.filter((p) => !first.includes(p)));
  const worse = (p: ScoredSplit) =>
    Math.max(brandWeight * p.metrics.exposureP90, (1 - brandWeight) * p.metrics.gapP90);
  const best = [...grid].sort((a, b) => worse(a) - worse(b)).slice(0, 16);
  return [...new Set([...first, ...second, ...best])];
}

/** No split meets the constraints (e.g. minimum share x milestones > 100% - deposit). */
export class InfeasibleSplitError extends Error {}

const infeasible = (milestones: number, c: SplitConstraints) =>
  new InfeasibleSplitError(
    `no split meets the constraints: ${milestones} milestones x minimum share ${c.minSharePct}% exceed 100%`,
  );

/** Scores the current split and the grid, returns the frontier and the recommended point. */
export function optimiseSplit(
  basis: PaymentBasis,
  input: {
    value: number;
    values: number[];
    p50: number[];
    current: SplitPoint;
    constraints: SplitConstraints;
    lang?: AdviceLang | undefined;
  },
): SplitAdvice {
  const { value, constraints } = input;
  // The grid is scored on about 20 weeks and 400 runs; its two best Pareto layers and the best
  // points by the recommendation's score are then re-scored on every week and run (a sample
  // of 400 runs can misplace a point by a little), and the frontier of those is returned.
  const stride = Math.ceil(basis.weeks / 20);
  const score = (p: SplitPoint): ScoredSplit => ({
    ...p,
    metrics: evaluateSplit(basis, p, value).metrics,
  });
  const quick = (p: SplitPoint): ScoredSplit => ({
    ...p,
    metrics: evaluateSplit(basis, p, value, { stride, runs: GRID_RUNS }).metrics,
  });
  const grid = splitCandidates(input.values, finishOrder(input.p50), constraints).map(quick);
  if (grid.length === 0) throw infeasible(input.values.length, constraints);
  const current = score(input.current);
  const frontier = paretoFrontier(shortlist(grid, constraints.brandWeight).map(score));
  const recommended = recommend(frontier, constraints.brandWeight);
  return {
    candidates: grid.length,
    current,
    frontier,
    recommended,
    reasoning: reasoningOf(recommended, current, {
      value,
      frontierSize: frontier.length,
      lang: input.lang ?? 'en',
    }),
    currentWeeks: evaluateSplit(basis, current, value, { series: true }).weeks,
    recommendedWeeks: evaluateSplit(basis, recommended, value, { series: true }).weeks,
  };
}
