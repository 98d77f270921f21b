import type {
  CheckResponse,
  IncentiveClauses,
  IncentiveResponse,
  Plan,
  RefineResponse,
  SplitConstraints,
  SplitPointAdvice,
  SplitResponse,
  Suggestion,
} from '../schema/advice.ts';
import { iso } from './check-context.ts';
import { checkPlan } from './check-plan.ts';
import { milestoneShare } from './draft-table.ts';
import { simulateIncentives } from './incentive-simulate.ts';
import { paymentBasis } from './payment-basis.ts';
import { rescheduledForecast } from './plan-forecast.ts';
import { simulatePlan } from './plan-simulation.ts';
import type { PreparedAdvice } from './prepare-advice.ts';
import { applySuggestions, refinePlan } from './refine-plan.ts';
import { evaluateSplit, type SplitPoint } from './split-evaluate.ts';
import { optimiseSplit, type ScoredSplit } from './split-optimise.ts';

export interface SimulationSettings {
  seed: number;
  runs: number;
}

function head(p: PreparedAdvice) {
  return {
    contractId: p.contractId,
    brandId: p.plan.brandId ?? null,
    partnerId: p.plan.partnerId,
    asOf: p.asOf,
    modelVersion: p.modelVersion,
    confidence: p.options.confidence,
  };
}

export function checkAnswer(p: PreparedAdvice): CheckResponse {
  const milestones = p.plan.milestones.map((m, i) => {
    const f = p.forecasts[i]!;
    const d = f.days;
    return {
      id: m.id,
      name: m.name,
      dueDate: m.dueDate,
      ...{
        p10: iso(d.p10),
        p50: iso(d.p50),
        p80: iso(d.p80),
        p90: iso(d.p90),
        atConfidence: iso(d.conf),
      },
      pOnTime: f.pOnTime,
      pDispute: f.pDispute,
      source: f.source,
    };
  });
  return { ...head(p), milestones, findings: checkPlan(p) };
}

/**
 * Forecasts of the revised plan: milestones only moved keep their work (the forecast of the
 * same work, rescheduled); new or merged ones are forecast afresh.
 */
function revisedForecasts(p: PreparedAdvice, suggestions: Suggestion[], revised: Plan) {
  const reshaped = new Set(
    suggestions
      .filter((s) => s.kind === 'split' || s.kind === 'merge')
      .flatMap((s) => [...s.milestoneIds, ...s.change.map((c) => c.id)]),
  );
  const before = new Map(p.plan.milestones.map((m, i) => [m.id, p.forecasts[i]!]));
  const fresh = p.reforecast(revised);
  return revised.milestones.map((m, i) => {
    const f = before.get(m.id);
    return f && !reshaped.has(m.id) ? rescheduledForecast(f, m, p.options) : fresh[i]!;
  });
}

export function refineAnswer(p: PreparedAdvice): RefineResponse {
  const findings = checkPlan(p);
  const suggestions = refinePlan(p, findings);
  const revisedPlan: Plan = applySuggestions(p.plan, suggestions);
  const findingsAfter = checkPlan({
    ...p,
    plan: revisedPlan,
    forecasts: revisedForecasts(p, suggestions, revisedPlan),
  });
  return { ...head(p), findings, suggestions, revisedPlan, findingsAfter };
}

function simulated(
  p: PreparedAdvice,
  s: SimulationSettings,
  c: Pick<SplitConstraints, 'costRatio' | 'retentionReleaseDays'>,
) {
  const sim = simulatePlan(p.plan, p.forecasts, s);
  const basis = paymentBasis(sim, {
    termsDays: p.plan.paymentTermsDays,
    lateDays: p.lateDays,
    retentionReleaseDays: c.retentionReleaseDays,
    costRatio: c.costRatio,
    seed: s.seed,
  });
  return { sim, basis };
}

/** The plan's own split: its deposit and retention, its shares scaled to 100 - deposit. */
export function currentSplit(plan: Plan): SplitPoint {
  const shares = plan.milestones.map((m) => milestoneShare(plan, m));
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  const left = 100 - plan.depositPct;
  return {
    depositPct: plan.depositPct,
    retentionPct: plan.retentionPct,
    sharesPct: shares.map((s) => Math.round((s / total) * left * 100) / 100),
  };
}

const pointOut = (ids: string[], s: ScoredSplit): SplitPointAdvice => ({
  depositPct: s.depositPct,
  retentionPct: s.retentionPct,
  shares: s.sharesPct.map((sharePct, m) => ({ milestoneId: ids[m]!, sharePct })),
  ...s.metrics,
});

export function splitAnswer(
  p: PreparedAdvice,
  c: SplitConstraints,
  s: SimulationSettings,
): SplitResponse {
  const { sim, basis } = simulated(p, s, c);
  const advice = optimiseSplit(basis, {
    value: p.plan.value,
    values: sim.values,
    p50: sim.outlook.milestones.map((m) => m.p50),
    current: currentSplit(p.plan),
    constraints: c,
    lang: p.options.lang,
  });
  const out = (x: ScoredSplit) => pointOut(sim.ids, x);
  return {
    ...head(p),
    currency: p.plan.currency,
    value: p.plan.value,
    ...s,
    candidates: advice.candidates,
    current: out(advice.current),
    recommended: out(advice.recommended),
    reasoning: advice.reasoning,
    frontier: advice.frontier.map(out),
    weeks: advice.currentWeeks.map(({ weekStart, ...current }, w) => {
      const { weekStart: _w, ...recommended } = advice.recommendedWeeks[w]!;
      return { weekStart, current, recommended };
    }),
  };
}

export function incentiveAnswer(
  p: PreparedAdvice,
  clauses: IncentiveClauses,
  s: SimulationSettings,
): IncentiveResponse {
  const terms = { costRatio: 0.7, retentionReleaseDays: 30 };
  const { sim, basis } = simulated(p, s, terms);
  const o = simulateIncentives(sim, basis, clauses);
  const split = currentSplit(p.plan);
  const without = evaluateSplit(basis, split, p.plan.value).metrics;
  const withIt = evaluateSplit(basis, split, p.plan.value, { extraPaid: o.extraPaid }).metrics;
  const { net: _net, extraPaid: _extra, ...figures } = o;
  return {
    ...head(p),
    currency: p.plan.currency,
    ...s,
    clauses,
    ...figures,
    partnerCash: {
      expectedChange: o.expectedNet,
      gapP90Without: without.gapP90,
      gapP90With: withIt.gapP90,
      exposureP90Without: without.exposureP90,
      exposureP90With: withIt.exposureP90,
    },
  };
}
