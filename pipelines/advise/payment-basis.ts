import { cashFlowForecast, type CashFlowContract } from '../forecast/cash-flow.ts';
import { bucketWeekly, type Flow } from '../forecast/week-buckets.ts';
import type { PlanSimulation } from './plan-simulation.ts';

/**
 * The cash flows of a plan that do not depend on the payment split, as cumulative weeks x runs
 * matrices ([w * runs + r], week 0 = the week of the first planned start). Any split is then a
 * linear combination of them, so the optimiser scores hundreds of splits on the same draws.
 */
export interface PaymentBasis {
  runs: number;
  weeks: number;
  firstDay: number;
  /** Per milestone: 1 once its payment has been made. */
  paidBy: Float64Array[];
  /** 1 once the retention has been released. */
  retentionBy: Float64Array;
  /** Value of the deliverables approved so far. */
  delivered: Float64Array;
  /** The partner's cost incurred so far (costRatio x value, spread over each milestone's work). */
  cost: Float64Array;
}

export interface BasisTerms {
  termsDays: number;
  /** The brand's lateness samples (days after approval + terms). */
  lateDays: readonly number[];
  retentionReleaseDays: number;
  costRatio: number;
  seed: number;
}

const COST_SLICES = 4;

function cumulate(weekly: Float64Array, weeksGiven: number, weeks: number, runs: number) {
  const out = new Float64Array(weeks * runs);
  for (let w = 0; w < weeks; w++)
    for (let r = 0; r < runs; r++) {
      const prev = w > 0 ? out[(w - 1) * runs + r]! : 0;
      out[w * runs + r] = prev + (w < weeksGiven ? weekly[w * runs + r]! : 0);
    }
  return out;
}

/** Cumulative weekly payments of one contract (cash-flow engine: lags, terms, lateness). */
function paidMatrix(sim: PlanSimulation, c: CashFlowContract, t: BasisTerms, weeks: number) {
  const f = cashFlowForecast([c], {
    asOf: sim.firstDay,
    seed: t.seed,
    runs: sim.runs,
    horizonWeeks: weeks,
  });
  return cumulate(f.weekly, f.weekly.length / sim.runs, weeks, sim.runs);
}

function costFlows(sim: PlanSimulation, costRatio: number): Flow[] {
  return sim.ids.flatMap((_, m) =>
    Array.from({ length: COST_SLICES }, (_, j) => ({
      amount: (costRatio * sim.values[m]!) / COST_SLICES,
      days: Int32Array.from(sim.start[m]!, (s, r) =>
        Math.round(s + ((j + 0.5) / COST_SLICES) * Math.max(0, sim.finish[m]![r]! - s)),
      ),
    })),
  );
}

export function paymentBasis(sim: PlanSimulation, t: BasisTerms): PaymentBasis {
  let last = sim.firstDay;
  for (const f of sim.finish) for (const d of f) last = Math.max(last, d);
  const maxLate = Math.max(0, ...t.lateDays);
  const weeks = Math.min(
    260,
    Math.ceil((last - sim.firstDay + t.termsDays + maxLate + t.retentionReleaseDays) / 7) + 2,
  );
  const base = { termsDays: t.termsDays, verificationLagDays: [], lateDays: t.lateDays };
  const delivery = (m: number) => ({ samples: sim.finish[m]! });
  const paidBy = sim.ids.map((id, m) =>
    paidMatrix(sim, { ...base, milestones: [{ id, amount: 1, delivery: delivery(m) }] }, t, weeks),
  );
  const retentionBy = paidMatrix(
    sim,
    {
      ...base,
      milestones: sim.ids.map((id, m) => ({ id, amount: 0, delivery: delivery(m) })),
      retention: { amount: 1, periodDays: t.retentionReleaseDays },
    },
    t,
    weeks,
  );
  const valueFlows = sim.ids.map((_, m) => ({ amount: sim.values[m]!, days: sim.finish[m]! }));
  const bucket = (flows: Flow[]) =>
    cumulate(bucketWeekly(flows, sim.firstDay, weeks, sim.runs), weeks, weeks, sim.runs);
  return {
    runs: sim.runs,
    weeks,
    firstDay: sim.firstDay,
    paidBy,
    retentionBy,
    delivered: bucket(valueFlows),
    cost: bucket(costFlows(sim, t.costRatio)),
  };
}
