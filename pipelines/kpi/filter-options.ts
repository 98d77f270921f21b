import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { milestoneTypes, partnerKinds, pricingModels } from '../schema/enums.ts';
import type { FilterOptions } from '../schema/kpis.ts';
import { queryRow, queryRows } from '../warehouse/query.ts';
import type { BrandScope } from './filter-sql.ts';

const scopeSql = `($scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], brand_id))`;

/** What the filter controls can offer: only brands and partners inside the caller's scope. */
export async function filterOptions(
  conn: DuckDBConnection,
  scope: BrandScope = null,
): Promise<FilterOptions> {
  const params = { scope: scope ? listValue([...scope]) : null };
  const brands = await queryRows<{ id: string; name: string }>(
    conn,
    `SELECT brand_id AS id, name FROM brands WHERE ${scopeSql} ORDER BY name`,
    params,
  );
  const partners = await queryRows<{ id: string; name: string; kind: string }>(
    conn,
    `SELECT p.partner_id AS id, p.name, p.kind FROM partners p
     WHERE p.partner_id IN (SELECT partner_id FROM contracts WHERE ${scopeSql})
     ORDER BY p.name`,
    params,
  );
  const months = await queryRow<{ min: string | null; max: string | null }>(
    conn,
    `SELECT strftime(min(cohort_month), '%Y-%m') AS min, strftime(max(cohort_month), '%Y-%m') AS max
     FROM milestone_facts WHERE ${scopeSql}`,
    params,
  );
  return {
    brands,
    partners,
    milestoneTypes: [...milestoneTypes],
    partnerKinds: [...partnerKinds],
    pricingModels: [...pricingModels],
    months: { min: months?.min ?? null, max: months?.max ?? null },
  };
}
