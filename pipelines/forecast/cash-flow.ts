// Weekly cash-flow forecast. Per run and milestone: payment day = delivery + verification lag +
// payment terms + days paid late, each lag drawn from the brand's own history (empirical
// samples, picked uniformly). The brand's cash out and the partner's cash in are the same flows.
import type { Rng } from '../random/prng.ts';
import { deliveryDay } from './milestone-dates.ts';
import { DEFAULT_RUNS } from './project-input.ts';
import type { QuantileDistribution } from './quantile-distribution.ts';
import { sampleRatio } from './quantile-distribution.ts';
import { cashStream, openUniform } from './stream-keys.ts';
import type { Flow, WeekBand } from './week-buckets.ts';
import { bucketWeekly, weeklyBands, weeksSpanned } from './week-buckets.ts';

/** Per-run delivery days (aligned by run, e.g. milestoneSamples of a project forecast) or a
 * milestone's own distribution, drawn independently. */
export type DeliverySource =
  | { samples: ArrayLike<number> }
  | { distribution: QuantileDistribution; startDay: number; plannedDays: number };

export interface CashFlowMilestone {
  id: string;
  /** Paid for this milestone, net of retention, in the forecast's one currency. */
  amount: number;
  delivery: DeliverySource;
}

export interface CashFlowContract {
  milestones: readonly CashFlowMilestone[];
  /** Payment terms: days after approval. */
  termsDays: number;
  /** Days from submission to approval for this brand; empty or absent: none (see README). */
  verificationLagDays?: readonly number[];
  /** Days paid after approval + terms (negative: early); empty or absent: always on terms. */
  lateDays?: readonly number[];
  /** Paid on `day` (not subject to lateness); omit once paid. */
  deposit?: { amount: number; day: number };
  /** Released `periodDays` after the last milestone's delivery, plus the brand's lateness. */
  retention?: { amount: number; periodDays: number };
}

export interface CashFlowOptions {
  asOf: number;
  seed: number;
  runs?: number;
  /** Weeks shown from the week of asOf (default 104); the last week also holds anything later. */
  horizonWeeks?: number;
}

export interface CashFlowForecast {
  runs: number;
  brand: { cashOut: WeekBand[]; cumulativeOut: WeekBand[] };
  partner: { cashIn: WeekBand[]; cumulativeIn: WeekBand[] };
  /** Amount paid in week w of run r at [w * runs + r]. */
  weekly: Float64Array;
}

function pick(rng: Rng, samples: readonly number[] | undefined): number {
  if (!samples || samples.length === 0) return 0;
  return samples[Math.floor(rng.next() * samples.length)]!;
}

function deliveries(source: DeliverySource, rng: Rng, runs: number, id: string): Int32Array {
  if ('samples' in source) {
    if (source.samples.length < runs) {
      throw new RangeError(`milestone ${JSON.stringify(id)}: fewer delivery samples than runs`);
    }
    return Int32Array.from({ length: runs }, (_, r) => source.samples[r]!);
  }
  const { distribution, startDay, plannedDays } = source;
  return Int32Array.from({ length: runs }, () =>
    deliveryDay(startDay, plannedDays, sampleRatio(distribution, openUniform(rng))),
  );
}

// Approval = delivery + lag; paid = approval + terms + late, never before approval nor asOf.
function paymentDay(c: CashFlowContract, rng: Rng, delivered: number, asOf: number): number {
  const approved = delivered + pick(rng, c.verificationLagDays);
  const paid = approved + Math.max(0, c.termsDays + pick(rng, c.lateDays));
  return Math.max(asOf, paid);
}

function contractFlows(c: CashFlowContract, index: number, options: CashFlowOptions, runs: number) {
  const flows: Flow[] = [];
  const lastDelivery = new Int32Array(runs).fill(-2147483648);
  for (const m of c.milestones) {
    const rng = cashStream(options.seed, index, m.id);
    const delivered = deliveries(m.delivery, rng, runs, m.id);
    const days = delivered.map((d, r) => {
      lastDelivery[r] = Math.max(lastDelivery[r]!, d);
      return paymentDay(c, rng, d, options.asOf);
    });
    flows.push({ amount: m.amount, days });
  }
  if (c.deposit) {
    flows.push({ amount: c.deposit.amount, days: new Int32Array(runs).fill(c.deposit.day) });
  }
  if (c.retention && c.milestones.length > 0) {
    const rng = cashStream(options.seed, index, '\u0000retention');
    const { amount, periodDays } = c.retention;
    const days = lastDelivery.map((d) =>
      Math.max(options.asOf, d + periodDays + pick(rng, c.lateDays)),
    );
    flows.push({ amount, days });
  }
  return flows;
}

/** Weekly P10/P50/P90 of cash paid (brand) = received (partner), per week and cumulative. */
export function cashFlowForecast(
  contracts: readonly CashFlowContract[],
  options: CashFlowOptions,
): CashFlowForecast {
  const runs = options.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError('runs must be a positive integer');
  const flows = contracts.flatMap((c, i) => contractFlows(c, i, options, runs));
  const weeks = weeksSpanned(flows, options.asOf, options.horizonWeeks ?? 104);
  const weekly = bucketWeekly(flows, options.asOf, weeks, runs);
  const { perWeek, cumulative } = weeklyBands(weekly, options.asOf, runs);
  return {
    runs,
    brand: { cashOut: perWeek, cumulativeOut: cumulative },
    partner: { cashIn: perWeek, cumulativeIn: cumulative },
    weekly,
  };
}
