// The payments of one contract as known on `asOf`: the deposit, one payment per milestone
// scheduled from the terms (invoiced and paid once approved, paid with the brand's habitual lag),
// bonus and penalty adjustments where the contract has those clauses, and the retention released
// after the last approval. Dates after `asOf` are not known yet and stay null.
import type { Contract, Payment } from '../schema/records.ts';
import type { DemoBrand } from './brands.ts';
import { isoOf } from './day-number.ts';
import type { MilestoneOutcome } from './milestone-outcome.ts';
import type { Rng } from '../random/prng.ts';
import type { PlannedMilestone } from './project-schedule.ts';

export interface PayableMilestone {
  readonly milestoneId: string;
  readonly amount: number;
  readonly plan: PlannedMilestone;
  readonly outcome: MilestoneOutcome;
  /** Current due date on `asOf` (day number). */
  readonly currentDue: number;
}

interface Ctx {
  readonly rng: Rng;
  readonly contract: Contract;
  readonly brand: DemoBrand;
  readonly asOfDay: number;
  readonly out: Payment[];
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;
const known = (day: number | null, asOfDay: number): string | null =>
  day !== null && day <= asOfDay ? isoOf(day) : null;

function add(
  ctx: Ctx,
  kind: Payment['kind'],
  amount: number,
  milestoneId: string | null,
  scheduled: number,
  invoiced: number | null,
  paid: number | null,
): void {
  const { contract, asOfDay } = ctx;
  ctx.out.push({
    paymentId: `${contract.contractId}-PAY${ctx.out.length + 1}`,
    contractId: contract.contractId,
    brandId: contract.brandId,
    milestoneId,
    kind,
    amount: round2(amount),
    currency: contract.currency,
    scheduledDate: isoOf(scheduled),
    invoicedDate: known(invoiced, asOfDay),
    paidDate: known(paid, asOfDay),
  });
}

/** Day paid: the due day plus the brand's habit, never before the invoice. */
function paidDay(ctx: Ctx, due: number, invoiced: number): number {
  return Math.max(invoiced, due + Math.round(ctx.brand.payLagMean + 4 * ctx.rng.normal()));
}

/** Share of each milestone's amount paid on its approval (the rest is deposit and retention). */
function milestoneFraction(c: Contract): number {
  return Math.max(0, 1 - c.depositPct / 100 - c.retentionPct / 100);
}

function adjustments(
  ctx: Ctx,
  m: PayableMilestone,
  approval: number,
  caps: { bonus: number; penalty: number },
  scheduled: number,
  invoiced: number,
  paid: number,
): void {
  const c = ctx.contract;
  const slip = approval - m.plan.baselineDue;
  if (c.penaltyPerDay > 0 && slip > c.penaltyGraceDays && caps.penalty > 0) {
    const penalty = Math.min(caps.penalty, c.penaltyPerDay * (slip - c.penaltyGraceDays));
    caps.penalty -= penalty;
    add(ctx, 'penalty', -penalty, m.milestoneId, scheduled, invoiced, paid);
  } else if (c.bonusPerDay > 0 && slip <= -3 && caps.bonus > 0) {
    const bonus = Math.min(caps.bonus, c.bonusPerDay * -slip);
    caps.bonus -= bonus;
    add(ctx, 'bonus', bonus, m.milestoneId, scheduled, invoiced, paid);
  }
}

function milestonePayment(
  ctx: Ctx,
  m: PayableMilestone,
  caps: { bonus: number; penalty: number },
): number | null {
  const { outcome } = m;
  const terms = ctx.contract.paymentTermsDays;
  const amount = m.amount * milestoneFraction(ctx.contract);
  if (outcome.verdictDay > ctx.asOfDay) {
    add(ctx, 'milestone', amount, m.milestoneId, m.currentDue + terms, null, null);
    return null;
  }
  if (outcome.rejected) return null;
  const approval = outcome.verdictDay;
  const invoiced = approval + ctx.rng.int(0, 5);
  const paid = paidDay(ctx, approval + terms, invoiced);
  if (amount > 0) add(ctx, 'milestone', amount, m.milestoneId, approval + terms, invoiced, paid);
  adjustments(ctx, m, approval, caps, approval + terms, invoiced, paid);
  return approval;
}

function deposit(ctx: Ctx, signedDay: number): void {
  const c = ctx.contract;
  if (c.depositPct <= 0) return;
  const invoiced = signedDay + ctx.rng.int(0, 5);
  const paid = paidDay(ctx, signedDay + 7, invoiced);
  add(ctx, 'deposit', (c.value * c.depositPct) / 100, null, signedDay + 7, invoiced, paid);
}

/** The retention is released 60 days after the last approval, once every milestone is approved. */
function retention(ctx: Ctx, lastApproval: number): void {
  const c = ctx.contract;
  if (c.retentionPct <= 0) return;
  const release = lastApproval + 60;
  const paid = paidDay(ctx, release, release);
  add(ctx, 'retention_release', (c.value * c.retentionPct) / 100, null, release, release, paid);
}

export function contractPayments(
  rng: Rng,
  contract: Contract,
  brand: DemoBrand,
  signedDay: number,
  milestones: readonly PayableMilestone[],
  asOfDay: number,
): Payment[] {
  const ctx: Ctx = { rng, contract, brand, asOfDay, out: [] };
  deposit(ctx, signedDay);
  const caps = { bonus: contract.bonusCap, penalty: contract.penaltyCap };
  let last = 0;
  let allApproved = true;
  for (const m of milestones) {
    if (m.outcome.cancelled) continue;
    const approval = milestonePayment(ctx, m, caps);
    if (approval === null) allApproved = false;
    else last = Math.max(last, approval);
  }
  if (allApproved && last > 0) retention(ctx, last);
  return ctx.out;
}
