// One project of a contract, drafted before the contract's value is known: its plan, the way each
// milestone turns out, and the milestone amounts (the contract value is their sum).
import type { Currency } from '../schema/enums.ts';
import { acceptanceCriteria } from './acceptance-criteria.ts';
import type { DemoBrand } from './brands.ts';
import type { DemoContext } from './demo-context.ts';
import { isoOf, monthOf, yearOf } from './day-number.ts';
import { fractionalYear, fxLevel } from './fx-rates.ts';
import { simulateMilestone } from './milestone-outcome.ts';
import type { MilestoneOutcome } from './milestone-outcome.ts';
import type { DemoPartner } from './partners.ts';
import type { Rng } from '../random/prng.ts';
import { milestoneCount, milestoneTypes, scheduleProject } from './project-schedule.ts';
import type { PlannedMilestone } from './project-schedule.ts';
import { pickTemplate } from './project-templates.ts';
import { typeLabels, typeProfiles } from './type-profiles.ts';

export interface MilestoneDraft {
  readonly milestoneId: string;
  readonly name: string;
  readonly criteria: string | null;
  readonly vague: boolean;
  readonly plan: PlannedMilestone;
  readonly outcome: MilestoneOutcome;
  readonly treated: boolean;
  readonly amount: number;
}

export interface ProjectDraft {
  readonly projectId: string;
  readonly name: string;
  readonly startDay: number;
  readonly milestones: readonly MilestoneDraft[];
}

export interface ProjectInput {
  readonly index: number;
  readonly earliest: number;
  readonly brand: DemoBrand;
  readonly brandIndex: number;
  readonly partner: DemoPartner;
  readonly currency: Currency;
  readonly signedDay: number;
}

/** Amounts are rounded the way quotes are: to 100 CNY, 1,000 JPY/KRW, 10 of other currencies. */
function roundingUnit(currency: Currency): number {
  return currency === 'CNY' ? 100 : currency === 'JPY' || currency === 'KRW' ? 1000 : 10;
}

function amounts(rng: Rng, input: ProjectInput, plans: readonly PlannedMilestone[]): number[] {
  const budgetUsd = 30_000 * Math.exp(0.8 * rng.normal()) * (plans.length / 8.3);
  const budget = budgetUsd / fxLevel(input.currency, fractionalYear(input.signedDay));
  const weights = plans.map(
    (p) => typeProfiles[p.type].budgetWeight * (p.baselineDue - p.plannedStart),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const unit = roundingUnit(input.currency);
  return weights.map((w) => Math.max(unit, Math.round((budget * w) / total / unit) * unit));
}

function milestoneName(plan: PlannedMilestone, repeated: boolean, chinese: boolean): string {
  const [en, zh] = typeLabels[plan.type];
  const label = chinese ? zh : en;
  return repeated ? `${label} #${plan.repeat}` : label;
}

/** What the milestones of one project share: language, a project-level shock, the brand's switch. */
interface ProjectShared {
  readonly pad: string;
  readonly chinese: boolean;
  readonly projectShock: number;
  readonly projectSlipLog: number;
  readonly changeDay: number;
  readonly repeatedTypes: ReadonlySet<string>;
}

function draftMilestone(
  rng: Rng,
  ctx: DemoContext,
  input: ProjectInput,
  shared: ProjectShared,
  plan: PlannedMilestone,
  k: number,
  amount: number,
): MilestoneDraft {
  const vague = rng.chance(input.brand.vagueShare);
  const treated = shared.changeDay >= 0 && plan.baselineDue >= shared.changeDay;
  const outcome = simulateMilestone(rng, {
    plan,
    vague,
    brand: input.brand,
    partner: input.partner,
    projectShock: shared.projectShock,
    projectSlipLog: shared.projectSlipLog,
    treated,
    effect: ctx.options.effect,
    historyStartDay: ctx.options.historyStartDay,
    days: ctx.days,
  });
  const due = isoOf(plan.baselineDue);
  return {
    milestoneId: `M${shared.pad}-${String(k + 1).padStart(2, '0')}`,
    name: milestoneName(plan, shared.repeatedTypes.has(plan.type), shared.chinese),
    criteria: acceptanceCriteria(rng, plan.type, vague, shared.chinese, due),
    vague,
    plan,
    outcome,
    treated,
    amount,
  };
}

function planProject(rng: Rng, ctx: DemoContext, input: ProjectInput) {
  const template = pickTemplate(rng, input.partner.kind);
  const types = milestoneTypes(rng, template, milestoneCount(rng));
  const anchor = template.anchor;
  const anchorOnOrAfter = anchor === null ? null : (day: number) => ctx.anchors(anchor, day);
  const plans = scheduleProject(
    rng,
    { types, earliest: input.earliest, anchorOnOrAfter },
    ctx.days,
  );
  return { template, types, plans };
}

export function draftProject(rng: Rng, ctx: DemoContext, input: ProjectInput): ProjectDraft {
  const { template, types, plans } = planProject(rng, ctx, input);
  const startDay = plans[0]?.plannedStart ?? input.earliest;
  // Campaigns are named for the year of their peak step (the one before the report).
  const peakDue = plans[Math.max(0, plans.length - 2)]?.baselineDue ?? startDay;
  const shared: ProjectShared = {
    pad: String(input.index + 1).padStart(7, '0'),
    chinese: rng.chance(0.3),
    projectShock: 0.35 * rng.normal(),
    projectSlipLog: 0.25 * rng.normal(),
    changeDay: ctx.policy.changeDay[input.brandIndex] ?? -1,
    repeatedTypes: new Set(types.filter((t, i) => types.indexOf(t) !== i)),
  };
  const amountList = amounts(rng, input, plans);
  const milestones = plans.map((plan, k) =>
    draftMilestone(rng, ctx, input, shared, plan, k, amountList[k] ?? 0),
  );
  const name = template.name(rng, yearOf(peakDue), monthOf(startDay));
  return { projectId: `PRJ${shared.pad}`, name, startDay, milestones };
}
