import type { IncentiveClauses } from '../schema/advice.ts';
import type { PaymentBasis } from './payment-basis.ts';
import type { PlanSimulation } from './plan-simulation.ts';

export interface MilestoneIncentive {
  milestoneId: string;
  pBonus: number;
  pPenalty: number;
  expectedBonus: number;
  expectedPenalty: number;
}

export interface IncentiveOutcome {
  /** Net cost to the brand per run: bonuses minus penalties. */
  net: Float64Array;
  expectedBonus: number;
  expectedPenalty: number;
  expectedNet: number;
  pBonus: number;
  pPenalty: number;
  netP10: number;
  netP90: number;
  milestones: MilestoneIncentive[];
  /** Cumulative adjustments paid to the partner ([w * runs + r]), with each milestone's payment. */
  extraPaid: Float64Array;
}

const capped = (cap: number) => (cap > 0 ? cap : Infinity);

/** Bonus and penalty of one run, milestones in due-date order against contract-level caps. */
function runAdjustments(sim: PlanSimulation, c: IncentiveClauses, r: number, order: number[]) {
  let bonusLeft = capped(c.bonusCap);
  let penaltyLeft = capped(c.penaltyCap);
  const out = new Float64Array(sim.ids.length);
  for (const m of order) {
    const slip = sim.finish[m]![r]! - sim.dueDay[m]!;
    if (slip > c.penaltyGraceDays && c.penaltyPerDay > 0) {
      const p = Math.min(penaltyLeft, c.penaltyPerDay * (slip - c.penaltyGraceDays));
      penaltyLeft -= p;
      out[m] = -p;
    } else if (slip < 0 && c.bonusPerDay > 0) {
      const b = Math.min(bonusLeft, c.bonusPerDay * -slip);
      bonusLeft -= b;
      out[m] = b;
    }
  }
  return out;
}

const quantile = (xs: Float64Array, q: number) => {
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};

interface Tally {
  nb: number;
  np: number;
  b: number;
  p: number;
}

/** Adds one run's adjustments to the per-milestone tallies; returns whether any bonus/penalty. */
function tallyRun(adj: Float64Array, stats: Tally[]) {
  let bonus = false;
  let penalty = false;
  adj.forEach((a, m) => {
    const s = stats[m]!;
    if (a > 0) {
      s.nb += 1;
      s.b += a;
      bonus = true;
    } else if (a < 0) {
      s.np += 1;
      s.p -= a;
      penalty = true;
    }
  });
  return { bonus, penalty };
}

/**
 * Early-delivery bonus per day (capped) and late penalty per day beyond a grace period (capped)
 * against the simulated deliveries; caps are per contract, 0 = no cap. Adjustments are settled
 * with the milestone's payment (the week it is paid in that run).
 */
export function simulateIncentives(
  sim: PlanSimulation,
  basis: PaymentBasis,
  c: IncentiveClauses,
): IncentiveOutcome {
  const { runs } = sim;
  const order = [...sim.dueDay.keys()].sort((a, b) => sim.dueDay[a]! - sim.dueDay[b]!);
  const net = new Float64Array(runs);
  const stats: Tally[] = sim.ids.map(() => ({ nb: 0, np: 0, b: 0, p: 0 }));
  const any = { bonus: 0, penalty: 0 };
  const extraPaid = new Float64Array(basis.weeks * runs);
  for (let r = 0; r < runs; r++) {
    const adj = runAdjustments(sim, c, r, order);
    const t = tallyRun(adj, stats);
    any.bonus += t.bonus ? 1 : 0;
    any.penalty += t.penalty ? 1 : 0;
    adj.forEach((a, m) => {
      net[r]! += a;
      if (a !== 0) settle(basis, m, r, a, extraPaid);
    });
  }
  return { ...summary(net, stats, any, sim.ids), extraPaid };
}

function summary(
  net: Float64Array,
  stats: Tally[],
  any: { bonus: number; penalty: number },
  ids: string[],
) {
  const runs = net.length;
  const sum = (f: (s: Tally) => number) => stats.reduce((t, s) => t + f(s), 0) / runs;
  return {
    net,
    expectedBonus: sum((s) => s.b),
    expectedPenalty: sum((s) => s.p),
    expectedNet: sum((s) => s.b - s.p),
    pBonus: any.bonus / runs,
    pPenalty: any.penalty / runs,
    netP10: quantile(net, 0.1),
    netP90: quantile(net, 0.9),
    milestones: stats.map((s, m) => ({
      milestoneId: ids[m]!,
      pBonus: s.nb / runs,
      pPenalty: s.np / runs,
      expectedBonus: s.b / runs,
      expectedPenalty: s.p / runs,
    })),
  };
}

/** Adds `amount` from the week milestone m is paid in run r onwards (cumulative). */
function settle(basis: PaymentBasis, m: number, r: number, amount: number, out: Float64Array) {
  const by = basis.paidBy[m]!;
  for (let w = 0; w < basis.weeks; w++) {
    const i = w * basis.runs + r;
    if (by[i]! > 0) out[i]! += amount;
  }
}
