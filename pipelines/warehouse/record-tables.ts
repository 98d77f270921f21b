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

/** How a column is appended: DuckDB converts VARCHAR dates, and DOUBLE into DECIMAL is fast. */
export type ColumnKind = 'text' | 'int' | 'double' | 'date' | 'json';

export interface TableSpec<R> {
  table: string;
  columns: readonly (readonly [column: string, kind: ColumnKind, get: (r: R) => unknown])[];
}

const spec = <R>(table: string, columns: TableSpec<R>['columns']): TableSpec<R> => ({
  table,
  columns,
});

// Column order = the CREATE TABLE order in data/schema/001_core.sql (the appender fills columns
// positionally); load_id and source columns are appended by the caller.
export const recordTables = {
  brands: spec<Brand>('brands', [
    ['brand_id', 'text', (r) => r.brandId],
    ['name', 'text', (r) => r.name],
    ['home_currency', 'text', (r) => r.homeCurrency],
    ['review_window_days', 'int', (r) => r.reviewWindowDays],
  ]),
  partners: spec<Partner>('partners', [
    ['partner_id', 'text', (r) => r.partnerId],
    ['name', 'text', (r) => r.name],
    ['kind', 'text', (r) => r.kind],
    ['city', 'text', (r) => r.city],
  ]),
  contracts: spec<Contract>('contracts', [
    ['contract_id', 'text', (r) => r.contractId],
    ['brand_id', 'text', (r) => r.brandId],
    ['partner_id', 'text', (r) => r.partnerId],
    ['pricing_model', 'text', (r) => r.pricingModel],
    ['value', 'double', (r) => r.value],
    ['currency', 'text', (r) => r.currency],
    ['signed_date', 'date', (r) => r.signedDate],
    ['payment_terms_days', 'int', (r) => r.paymentTermsDays],
    ['retention_pct', 'double', (r) => r.retentionPct],
    ['deposit_pct', 'double', (r) => r.depositPct],
    ['review_window_days', 'int', (r) => r.reviewWindowDays],
    ['bonus_per_day', 'double', (r) => r.bonusPerDay],
    ['bonus_cap', 'double', (r) => r.bonusCap],
    ['penalty_per_day', 'double', (r) => r.penaltyPerDay],
    ['penalty_grace_days', 'int', (r) => r.penaltyGraceDays],
    ['penalty_cap', 'double', (r) => r.penaltyCap],
  ]),
  projects: spec<Project>('projects', [
    ['project_id', 'text', (r) => r.projectId],
    ['contract_id', 'text', (r) => r.contractId],
    ['brand_id', 'text', (r) => r.brandId],
    ['name', 'text', (r) => r.name],
    ['start_date', 'date', (r) => r.startDate],
  ]),
  milestones: spec<Milestone>('milestones', [
    ['milestone_id', 'text', (r) => r.milestoneId],
    ['project_id', 'text', (r) => r.projectId],
    ['contract_id', 'text', (r) => r.contractId],
    ['brand_id', 'text', (r) => r.brandId],
    ['partner_id', 'text', (r) => r.partnerId],
    ['name', 'text', (r) => r.name],
    ['type', 'text', (r) => r.type],
    ['acceptance_criteria', 'text', (r) => r.acceptanceCriteria],
    ['planned_start', 'date', (r) => r.plannedStart],
    ['actual_start', 'date', (r) => r.actualStart],
    ['baseline_due', 'date', (r) => r.baselineDue],
    ['current_due', 'date', (r) => r.currentDue],
    ['amount', 'double', (r) => r.amount],
    ['share', 'double', (r) => r.share],
    ['status', 'text', (r) => r.status],
    ['attributes', 'json', (r) => r.attributes],
  ]),
  dependencies: spec<MilestoneDependency>('milestone_dependencies', [
    ['milestone_id', 'text', (r) => r.milestoneId],
    ['depends_on_id', 'text', (r) => r.dependsOnId],
  ]),
  events: spec<MilestoneEvent>('milestone_events', [
    ['event_id', 'text', (r) => r.eventId],
    ['milestone_id', 'text', (r) => r.milestoneId],
    ['kind', 'text', (r) => r.kind],
    ['event_date', 'date', (r) => r.eventDate],
    ['actor', 'text', (r) => r.actor],
  ]),
  payments: spec<Payment>('payments', [
    ['payment_id', 'text', (r) => r.paymentId],
    ['contract_id', 'text', (r) => r.contractId],
    ['brand_id', 'text', (r) => r.brandId],
    ['milestone_id', 'text', (r) => r.milestoneId],
    ['kind', 'text', (r) => r.kind],
    ['amount', 'double', (r) => r.amount],
    ['currency', 'text', (r) => r.currency],
    ['scheduled_date', 'date', (r) => r.scheduledDate],
    ['invoiced_date', 'date', (r) => r.invoicedDate],
    ['paid_date', 'date', (r) => r.paidDate],
  ]),
  disputes: spec<Dispute>('disputes', [
    ['dispute_id', 'text', (r) => r.disputeId],
    ['milestone_id', 'text', (r) => r.milestoneId],
    ['brand_id', 'text', (r) => r.brandId],
    ['opened_date', 'date', (r) => r.openedDate],
    ['resolved_date', 'date', (r) => r.resolvedDate],
    ['reason', 'text', (r) => r.reason],
    ['amount', 'double', (r) => r.amount],
    ['outcome', 'text', (r) => r.outcome],
  ]),
  policyChanges: spec<PolicyChange>('policy_changes', [
    ['brand_id', 'text', (r) => r.brandId],
    ['change_date', 'date', (r) => r.changeDate],
    ['from_model', 'text', (r) => r.fromModel],
    ['to_model', 'text', (r) => r.toModel],
  ]),
  fxRates: spec<FxRate>('fx_rates', [
    ['currency', 'text', (r) => r.currency],
    ['valid_from', 'date', (r) => r.validFrom],
    ['usd_per_unit', 'double', (r) => r.usdPerUnit],
  ]),
} as const;

export type RecordKind = keyof typeof recordTables;
