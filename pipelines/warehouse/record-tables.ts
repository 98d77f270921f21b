// The columns of each canonical table: how a zod record (pipelines/schema/records.ts) becomes a
// warehouse row. The demo loader, the demo CSV writer and insertRecords all read these specs, so
// they cannot drift apart. Column names are the warehouse's (data/schema/001_core.sql).
import type {
  Brand,
  Contract,
  Dispute,
  FxRate,
  Milestone,
  MilestoneDependency,
  MilestoneEvent,
  Partner,
  Payment,
  PolicyChange,
  Project,
} from '../schema/records.ts';

export type ColumnKind = 'varchar' | 'date' | 'decimal' | 'double' | 'integer' | 'json';
export type CellValue = string | number | null;

export interface ColumnSpec<T> {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly get: (row: T) => CellValue;
}

export interface TableSpec<T> {
  readonly table: string;
  readonly columns: readonly ColumnSpec<T>[];
}

export const col = <T>(
  name: string,
  kind: ColumnKind,
  get: (row: T) => CellValue,
): ColumnSpec<T> => ({
  name,
  kind,
  get,
});

export const brands: TableSpec<Brand> = {
  table: 'brands',
  columns: [
    col('brand_id', 'varchar', (r) => r.brandId),
    col('name', 'varchar', (r) => r.name),
    col('home_currency', 'varchar', (r) => r.homeCurrency),
    col('review_window_days', 'integer', (r) => r.reviewWindowDays),
  ],
};

export const partners: TableSpec<Partner> = {
  table: 'partners',
  columns: [
    col('partner_id', 'varchar', (r) => r.partnerId),
    col('name', 'varchar', (r) => r.name),
    col('kind', 'varchar', (r) => r.kind),
    col('city', 'varchar', (r) => r.city),
  ],
};

export const contracts: TableSpec<Contract> = {
  table: 'contracts',
  columns: [
    col('contract_id', 'varchar', (r) => r.contractId),
    col('brand_id', 'varchar', (r) => r.brandId),
    col('partner_id', 'varchar', (r) => r.partnerId),
    col('pricing_model', 'varchar', (r) => r.pricingModel),
    col('value', 'decimal', (r) => r.value),
    col('currency', 'varchar', (r) => r.currency),
    col('signed_date', 'date', (r) => r.signedDate),
    col('payment_terms_days', 'integer', (r) => r.paymentTermsDays),
    col('retention_pct', 'decimal', (r) => r.retentionPct),
    col('deposit_pct', 'decimal', (r) => r.depositPct),
    col('review_window_days', 'integer', (r) => r.reviewWindowDays),
    col('bonus_per_day', 'decimal', (r) => r.bonusPerDay),
    col('bonus_cap', 'decimal', (r) => r.bonusCap),
    col('penalty_per_day', 'decimal', (r) => r.penaltyPerDay),
    col('penalty_grace_days', 'integer', (r) => r.penaltyGraceDays),
    col('penalty_cap', 'decimal', (r) => r.penaltyCap),
  ],
};

export const projects: TableSpec<Project> = {
  table: 'projects',
  columns: [
    col('project_id', 'varchar', (r) => r.projectId),
    col('contract_id', 'varchar', (r) => r.contractId),
    col('brand_id', 'varchar', (r) => r.brandId),
    col('name', 'varchar', (r) => r.name),
    col('start_date', 'date', (r) => r.startDate),
  ],
};

export const milestones: TableSpec<Milestone> = {
  table: 'milestones',
  columns: [
    col('milestone_id', 'varchar', (r) => r.milestoneId),
    col('project_id', 'varchar', (r) => r.projectId),
    col('contract_id', 'varchar', (r) => r.contractId),
    col('brand_id', 'varchar', (r) => r.brandId),
    col('partner_id', 'varchar', (r) => r.partnerId),
    col('name', 'varchar', (r) => r.name),
    col('type', 'varchar', (r) => r.type),
    col('acceptance_criteria', 'varchar', (r) => r.acceptanceCriteria),
    col('planned_start', 'date', (r) => r.plannedStart),
    col('actual_start', 'date', (r) => r.actualStart),
    col('baseline_due', 'date', (r) => r.baselineDue),
    col('current_due', 'date', (r) => r.currentDue),
    col('amount', 'decimal', (r) => r.amount),
    col('share', 'double', (r) => r.share),
    col('status', 'varchar', (r) => r.status),
    col('attributes', 'json', (r) =>
      Object.keys(r.attributes).length > 0 ? JSON.stringify(r.attributes) : null,
    ),
  ],
};

export const dependencies: TableSpec<MilestoneDependency> = {
  table: 'milestone_dependencies',
  columns: [
    col('milestone_id', 'varchar', (r) => r.milestoneId),
    col('depends_on_id', 'varchar', (r) => r.dependsOnId),
  ],
};

export const events: TableSpec<MilestoneEvent> = {
  table: 'milestone_events',
  columns: [
    col('event_id', 'varchar', (r) => r.eventId),
    col('milestone_id', 'varchar', (r) => r.milestoneId),
    col('kind', 'varchar', (r) => r.kind),
    col('event_date', 'date', (r) => r.eventDate),
    col('actor', 'varchar', (r) => r.actor),
  ],
};

export const payments: TableSpec<Payment> = {
  table: 'payments',
  columns: [
    col('payment_id', 'varchar', (r) => r.paymentId),
    col('contract_id', 'varchar', (r) => r.contractId),
    col('brand_id', 'varchar', (r) => r.brandId),
    col('milestone_id', 'varchar', (r) => r.milestoneId),
    col('kind', 'varchar', (r) => r.kind),
    col('amount', 'decimal', (r) => r.amount),
    col('currency', 'varchar', (r) => r.currency),
    col('scheduled_date', 'date', (r) => r.scheduledDate),
    col('invoiced_date', 'date', (r) => r.invoicedDate),
    col('paid_date', 'date', (r) => r.paidDate),
  ],
};

export const disputes: TableSpec<Dispute> = {
  table: 'disputes',
  columns: [
    col('dispute_id', 'varchar', (r) => r.disputeId),
    col('milestone_id', 'varchar', (r) => r.milestoneId),
    col('brand_id', 'varchar', (r) => r.brandId),
    col('opened_date', 'date', (r) => r.openedDate),
    col('resolved_date', 'date', (r) => r.resolvedDate),
    col('reason', 'varchar', (r) => r.reason),
    col('amount', 'decimal', (r) => r.amount),
    col('outcome', 'varchar', (r) => r.outcome),
  ],
};

export const policyChanges: TableSpec<PolicyChange> = {
  table: 'policy_changes',
  columns: [
    col('brand_id', 'varchar', (r) => r.brandId),
    col('change_date', 'date', (r) => r.changeDate),
    col('from_model', 'varchar', (r) => r.fromModel),
    col('to_model', 'varchar', (r) => r.toModel),
  ],
};

export const fxRates: TableSpec<FxRate> = {
  table: 'fx_rates',
  columns: [
    col('currency', 'varchar', (r) => r.currency),
    col('valid_from', 'date', (r) => r.validFrom),
    col('usd_per_unit', 'double', (r) => r.usdPerUnit),
  ],
};

/** Every canonical table's spec, by record kind. */
export const recordSpecs = {
  brands,
  partners,
  contracts,
  projects,
  milestones,
  dependencies,
  events,
  payments,
  disputes,
  policyChanges,
  fxRates,
} as const;
export type RecordKind = keyof typeof recordSpecs;
