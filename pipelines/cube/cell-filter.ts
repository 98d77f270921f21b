import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { BrandScope } from '../kpi/filter-sql.ts';
import { boundEnd, boundStart, type KpiFilters } from '../schema/kpis.ts';
import type { CellColumn } from './dimensions.ts';

// The KPI filter over the cell marts and over the per-milestone views. Each active filter adds
// one constant clause with a named parameter (values only ever travel as parameters); leaving
// inactive ones out, and testing membership with IN (SELECT unnest(...)), lets DuckDB skip the
// row groups of other brands and partners, which `$x IS NULL OR list_contains(...)` does not.
// `$scope` (the caller's brands, null = all) applies on top of any brand filter.

export type CellSourceKind = 'marts' | 'facts';

const listClauses = [
  ['scope', 'brand_id'],
  ['brands', 'brand_id'],
  ['partners', 'partner_id'],
  ['types', 'milestone_type'],
  ['kinds', 'partner_kind'],
  ['models', 'pricing_model'],
] as const;

/** The WHERE text for these parameters: only constant fragments, chosen by which are set. */
export function cellWhereSql(params: Record<string, DuckDBValue>, source: CellSourceKind): string {
  const out: string[] = [];
  if (params.noBrands === true) out.push('false');
  if (source === 'marts') out.push('grain = $grain');
  const period = source === 'marts' ? 'cohort_month' : 'baseline_due';
  if (params.from !== null) out.push(`${period} >= $from::DATE`);
  if (params.to !== null) out.push(`${period} <= $to::DATE`);
  for (const [name, column] of listClauses) {
    if (params[name] !== null) out.push(`${column} IN (SELECT unnest($${name}::VARCHAR[]))`);
  }
  return out.length ? out.join(' AND ') : 'true';
}

/** True when the period can be answered from whole cohort months. */
export function monthAligned(filters: Partial<KpiFilters>): boolean {
  const fromOk = !filters.from || boundStart(filters.from).endsWith('-01');
  const to = filters.to;
  const toOk = !to || to.length === 7 || to === boundEnd(to.slice(0, 7));
  return fromOk && toOk;
}

/** Columns a filter restricts: the grain must keep them. */
export function filteredColumns(filters: Partial<KpiFilters>, scope: BrandScope): CellColumn[] {
  const out: CellColumn[] = [];
  if (scope || filters.brand?.length) out.push('brand');
  if (filters.partner?.length) out.push('partner');
  if (filters.milestoneType?.length) out.push('type');
  if (filters.partnerKind?.length) out.push('partnerKind');
  if (filters.pricingModel?.length) out.push('model');
  if (filters.from || filters.to) out.push('month');
  return out;
}

/** Parameters for cellWhereSql: cohort months for the marts, days for the facts. */
export function cellFilterParams(
  filters: Partial<KpiFilters>,
  scope: BrandScope,
  grain: string | null,
): Record<string, DuckDBValue> {
  const list = (xs: readonly string[] | undefined) => (xs && xs.length ? listValue([...xs]) : null);
  const months = grain !== null;
  const from = filters.from ? boundStart(months ? filters.from.slice(0, 7) : filters.from) : null;
  const to = filters.to
    ? months
      ? boundStart(filters.to.slice(0, 7))
      : boundEnd(filters.to)
    : null;
  return {
    grain,
    // An empty scope sees nothing (never "no filter"); DuckDB cannot bind an empty list.
    noBrands: scope !== null && scope.length === 0,
    scope: scope?.length ? listValue([...scope]) : null,
    from,
    to,
    brands: list(filters.brand),
    partners: list(filters.partner),
    types: list(filters.milestoneType),
    kinds: list(filters.partnerKind),
    models: list(filters.pricingModel),
    tolerance: filters.tolerance ?? 0,
  };
}
