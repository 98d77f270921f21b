import { listValue, type DuckDBValue } from '@duckdb/node-api';
import { boundEnd, boundStart, type KpiFilters } from '../schema/kpis.ts';

/**
 * The WHERE clause every KPI query over milestone_facts shares. It is constant text with named
 * parameters; values only ever travel as parameters. `$scope` is the set of brands the caller may
 * see (null = all), applied on top of any brand filter.
 */
export const factFilterSql = `
  ($scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], f.brand_id))
  AND ($from::DATE IS NULL OR f.baseline_due >= $from::DATE)
  AND ($to::DATE IS NULL OR f.baseline_due <= $to::DATE)
  AND ($brands::VARCHAR[] IS NULL OR list_contains($brands::VARCHAR[], f.brand_id))
  AND ($partners::VARCHAR[] IS NULL OR list_contains($partners::VARCHAR[], f.partner_id))
  AND ($types::VARCHAR[] IS NULL OR list_contains($types::VARCHAR[], f.milestone_type))
  AND ($kinds::VARCHAR[] IS NULL OR list_contains($kinds::VARCHAR[], f.partner_kind))
  AND ($models::VARCHAR[] IS NULL OR list_contains($models::VARCHAR[], f.pricing_model))`;

/** Brand scope of the caller: null means every brand (admin or single-tenant use). */
export type BrandScope = readonly string[] | null;

export function factFilterParams(
  filters: Partial<KpiFilters>,
  scope: BrandScope = null,
): Record<string, DuckDBValue> {
  const list = (xs: readonly string[] | undefined) => (xs && xs.length ? listValue([...xs]) : null);
  return {
    scope: scope ? listValue([...scope]) : null,
    from: filters.from ? boundStart(filters.from) : null,
    to: filters.to ? boundEnd(filters.to) : null,
    brands: list(filters.brand),
    partners: list(filters.partner),
    types: list(filters.milestoneType),
    kinds: list(filters.partnerKind),
    models: list(filters.pricingModel),
    tolerance: filters.tolerance ?? 0,
  };
}
