// One contract with its projects, milestones, events, disputes and payments: the unit of
// generation. Each contract draws from its own random stream (seed, contract index), so its
// records are the same however the run is cut into batches.
import type { Currency } from '../schema/enums.ts';
import type { Contract } from '../schema/records.ts';
import type { DemoBrand } from './brands.ts';
import { contractPayments, round2 } from './contract-payments.ts';
import type { PayableMilestone } from './contract-payments.ts';
import { contractTerms, pricingModelOn } from './contract-terms.ts';
import type { Terms } from './contract-terms.ts';
import type { DemoBatch } from './demo-batch.ts';
import type { DemoContext } from './demo-context.ts';
import { isoOf } from './day-number.ts';
import type { ResolvedDemoOptions } from './demo-options.ts';
import type { DemoPartner } from './partners.ts';
import { pickCumulative, rngFor } from '../random/prng.ts';
import type { Rng } from '../random/prng.ts';
import { draftProject } from './project-draft.ts';
import type { ProjectDraft } from './project-draft.ts';
import { appendProject } from './project-records.ts';

const STREAM = 10;

/** Signing days grow over time (the business grows ~25% a year), from late 2020 to the horizon. */
function signedDayOf(rng: Rng, o: ResolvedDemoOptions): number {
  const first = o.historyStartDay - 25;
  const span = (o.horizonDay - 10 - first) / 365.25;
  const g = 0.25;
  const c = span + (g * span * span) / 2;
  const years = (-1 + Math.sqrt(1 + 2 * g * rng.next() * c)) / g;
  return first + Math.floor(years * 365.25);
}

interface Header {
  readonly brandIndex: number;
  readonly brand: DemoBrand;
  readonly partner: DemoPartner;
  readonly signedDay: number;
  readonly contract: Omit<
    Contract,
    'value' | 'bonusPerDay' | 'bonusCap' | 'penaltyPerDay' | 'penaltyCap'
  >;
  readonly terms: Terms;
}

function header(rng: Rng, ctx: DemoContext, contractIndex: number): Header {
  const brandIndex = pickCumulative(rng, ctx.brandCumulative);
  const brand = ctx.brands[brandIndex] as DemoBrand;
  const partner = ctx.partners[rng.pick(brand.partnerPool)] as DemoPartner;
  const signedDay = signedDayOf(rng, ctx.options);
  const pricingModel = pricingModelOn(
    rng,
    signedDay,
    ctx.policy.changeDay[brandIndex] ?? -1,
    ctx.policy.fromModel[brandIndex] ?? 'upfront',
  );
  const currency: Currency = rng.chance(0.65) ? 'CNY' : brand.record.homeCurrency;
  const terms = contractTerms(rng, pricingModel);
  const contract = {
    contractId: `C${String(contractIndex + 1).padStart(6, '0')}`,
    brandId: brand.record.brandId,
    partnerId: partner.record.partnerId,
    pricingModel,
    currency,
    signedDate: isoOf(signedDay),
    paymentTermsDays: brand.paymentTermsDays,
    retentionPct: terms.retentionPct,
    depositPct: terms.depositPct,
    reviewWindowDays: brand.record.reviewWindowDays,
    penaltyGraceDays: terms.penaltyGraceDays,
  };
  return { brandIndex, brand, partner, signedDay, contract, terms };
}

function withValue(h: Header, value: number): Contract {
  const t = h.terms;
  const c = h.contract;
  // Listed field by field: object spread is a slow path in V8 and this runs once per contract.
  return {
    contractId: c.contractId,
    brandId: c.brandId,
    partnerId: c.partnerId,
    pricingModel: c.pricingModel,
    currency: c.currency,
    signedDate: c.signedDate,
    paymentTermsDays: c.paymentTermsDays,
    retentionPct: c.retentionPct,
    depositPct: c.depositPct,
    reviewWindowDays: c.reviewWindowDays,
    penaltyGraceDays: c.penaltyGraceDays,
    value: round2(value),
    bonusPerDay: round2(value * t.bonusPerDayRate),
    bonusCap: round2(value * t.bonusCapRate),
    penaltyPerDay: round2(value * t.penaltyPerDayRate),
    penaltyCap: round2(value * t.penaltyCapRate),
  };
}

function draftProjects(
  rng: Rng,
  ctx: DemoContext,
  h: Header,
  firstProject: number,
  count: number,
): ProjectDraft[] {
  const drafts: ProjectDraft[] = [];
  let earliest = h.signedDay + rng.int(7, 35);
  for (let p = 0; p < count; p++) {
    const draft = draftProject(rng, ctx, {
      index: firstProject + p,
      earliest,
      brand: h.brand,
      brandIndex: h.brandIndex,
      partner: h.partner,
      currency: h.contract.currency,
      signedDay: h.signedDay,
    });
    drafts.push(draft);
    earliest = draft.startDay + rng.int(20, 150);
  }
  return drafts;
}

/** Appends contract `contractIndex` (at most `maxProjects` projects) to `batch`; returns its project count. */
export function appendContract(
  ctx: DemoContext,
  contractIndex: number,
  firstProject: number,
  maxProjects: number,
  batch: DemoBatch,
): number {
  const rng = rngFor(ctx.options.seed, STREAM, contractIndex);
  const h = header(rng, ctx, contractIndex);
  const count = Math.min(maxProjects, [1, 2, 3][rng.weighted([70, 22, 8])] ?? 1);
  // Signed after the status date: part of the world, not yet of what is known.
  if (h.signedDay > ctx.options.asOfDay) return count;
  const drafts = draftProjects(rng, ctx, h, firstProject, count);
  const value = drafts.reduce((sum, d) => sum + d.milestones.reduce((s, m) => s + m.amount, 0), 0);
  const contract = withValue(h, value);
  batch.contracts.push(contract);
  const payables: PayableMilestone[] = [];
  for (const draft of drafts) {
    appendProject(
      rng,
      ctx,
      { contract, brand: h.brand, partner: h.partner, draft },
      batch,
      payables,
    );
  }
  const { asOfDay } = ctx.options;
  for (const p of contractPayments(rng, contract, h.brand, h.signedDay, payables, asOfDay))
    batch.payments.push(p);
  return count;
}
