// Which canonical tables the demo writes, in load order, and the rows of each batch for them.
import { recordSpecs } from '../warehouse/record-tables.ts';
import type { CellValue, ColumnKind, TableSpec } from '../warehouse/record-tables.ts';
import type { DemoBatch, DemoReference } from './demo-batch.ts';

export type { CellValue, ColumnKind, TableSpec };

const {
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
} = recordSpecs;

/** A table's spec with the rows to write into it. */
export interface TableRows {
  readonly spec: TableSpec<never>;
  readonly rows: readonly unknown[];
}

const rowsOf = <T>(spec: TableSpec<T>, rows: readonly T[]): TableRows => ({
  spec: spec as TableSpec<never>,
  rows,
});

export const demoTableNames = [
  'brands',
  'partners',
  'policy_changes',
  'fx_rates',
  'contracts',
  'projects',
  'milestones',
  'milestone_dependencies',
  'milestone_events',
  'payments',
  'disputes',
] as const;
export type DemoTableName = (typeof demoTableNames)[number];

export const demoTableSpecs: Readonly<Record<DemoTableName, TableSpec<never>>> = {
  brands,
  partners,
  policy_changes: policyChanges,
  fx_rates: fxRates,
  contracts,
  projects,
  milestones,
  milestone_dependencies: dependencies,
  milestone_events: events,
  payments,
  disputes,
} as unknown as Record<DemoTableName, TableSpec<never>>;

export function referenceTables(r: DemoReference): TableRows[] {
  return [
    rowsOf(brands, r.brands),
    rowsOf(partners, r.partners),
    rowsOf(policyChanges, r.policyChanges),
    rowsOf(fxRates, r.fxRates),
  ];
}

export function batchTables(b: DemoBatch): TableRows[] {
  return [
    rowsOf(contracts, b.contracts),
    rowsOf(projects, b.projects),
    rowsOf(milestones, b.milestones),
    rowsOf(dependencies, b.dependencies),
    rowsOf(events, b.events),
    rowsOf(payments, b.payments),
    rowsOf(disputes, b.disputes),
  ];
}
