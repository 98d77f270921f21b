// Turns a drafted project into the canonical records known on `asOf` (project, milestones,
// dependencies, events, disputes) and adds its switched milestones to the effect tally.
import type { Contract } from '../schema/records.ts';
import type { DemoBrand } from './brands.ts';
import type { PayableMilestone } from './contract-payments.ts';
import type { DemoBatch } from './demo-batch.ts';
import type { DemoContext } from './demo-context.ts';
import { isoOf } from './day-number.ts';
import { milestoneAsOf } from './milestone-as-of.ts';
import type { Actors, MilestoneIdentity } from './milestone-as-of.ts';
import { milestoneDispute } from './milestone-dispute.ts';
import type { DemoPartner } from './partners.ts';
import type { Rng } from '../random/prng.ts';
import type { MilestoneDraft, ProjectDraft } from './project-draft.ts';

export interface ProjectParts {
  readonly contract: Contract;
  readonly brand: DemoBrand;
  readonly partner: DemoPartner;
  readonly draft: ProjectDraft;
}

function tally(batch: DemoBatch, m: MilestoneDraft): void {
  if (!m.treated || m.outcome.cancelled) return;
  const t = batch.tally;
  t.treated += 1;
  t.onTimeCounterfactual += m.outcome.onTimeP.counterfactual;
  t.onTimeActual += m.outcome.onTimeP.actual;
  t.disputeCounterfactual += m.outcome.disputeExpected.counterfactual;
  t.disputeActual += m.outcome.disputeExpected.actual;
}

function appendDispute(
  rng: Rng,
  ctx: DemoContext,
  parts: ProjectParts,
  m: MilestoneDraft,
  batch: DemoBatch,
): void {
  if (!m.outcome.disputed || m.outcome.cancelled) return;
  const dispute = milestoneDispute(
    rng,
    {
      disputeId: `D${m.milestoneId.slice(1)}`,
      milestoneId: m.milestoneId,
      brandId: parts.contract.brandId,
      amount: m.amount,
      plan: m.plan,
      outcome: m.outcome,
      vague: m.vague,
      brand: parts.brand,
      termsDays: parts.contract.paymentTermsDays,
    },
    ctx.options.asOfDay,
  );
  if (dispute) batch.disputes.push(dispute);
}

function identityOf(parts: ProjectParts, m: MilestoneDraft): MilestoneIdentity {
  const { contract, draft } = parts;
  return {
    milestoneId: m.milestoneId,
    projectId: draft.projectId,
    contractId: contract.contractId,
    brandId: contract.brandId,
    partnerId: contract.partnerId,
    name: m.name,
    acceptanceCriteria: m.criteria,
    amount: m.amount,
    share: contract.value > 0 ? m.amount / contract.value : 0,
  };
}

/** Account managers and reviewers take turns over a project's milestones. */
function actorsOf(parts: ProjectParts, k: number): Actors {
  const { contacts } = parts.partner;
  const { reviewers } = parts.brand;
  return {
    partner: contacts[k % contacts.length] ?? 'partner',
    brand: reviewers[k % reviewers.length] ?? 'brand',
  };
}

function appendMilestone(
  rng: Rng,
  ctx: DemoContext,
  parts: ProjectParts,
  k: number,
  batch: DemoBatch,
  payables: PayableMilestone[],
): void {
  const { draft } = parts;
  const m = draft.milestones[k];
  if (!m) return;
  const { asOfDay } = ctx.options;
  const { milestone, events } = milestoneAsOf(
    identityOf(parts, m),
    m.plan,
    m.outcome,
    asOfDay,
    actorsOf(parts, k),
  );
  batch.milestones.push(milestone);
  for (const e of events) batch.events.push(e);
  for (const j of m.plan.dependsOn) {
    const dep = draft.milestones[j];
    if (dep) batch.dependencies.push({ milestoneId: m.milestoneId, dependsOnId: dep.milestoneId });
  }
  appendDispute(rng, ctx, parts, m, batch);
  tally(batch, m);
  const { milestoneId, amount, plan, outcome } = m;
  payables.push({
    milestoneId,
    amount,
    plan,
    outcome,
    currentDue: currentDueDay(milestone.currentDue, m),
  });
}

export function appendProject(
  rng: Rng,
  ctx: DemoContext,
  parts: ProjectParts,
  batch: DemoBatch,
  payables: PayableMilestone[],
): void {
  const { contract, draft } = parts;
  batch.projects.push({
    projectId: draft.projectId,
    contractId: contract.contractId,
    brandId: contract.brandId,
    name: draft.name,
    startDate: isoOf(draft.startDay),
  });
  for (let k = 0; k < draft.milestones.length; k++)
    appendMilestone(rng, ctx, parts, k, batch, payables);
}

function currentDueDay(currentDue: string, m: MilestoneDraft): number {
  return currentDue === isoOf(m.plan.baselineDue) ? m.plan.baselineDue : m.outcome.replanDue;
}
