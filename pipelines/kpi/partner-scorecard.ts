import type { DuckDBConnection } from '@duckdb/node-api';
import { cubeRowsWithTotal } from '../cube/cube-query.ts';
import type { PartnerScorecard, ScorecardQuery } from '../schema/scorecards.ts';
import { queryRow } from '../warehouse/query.ts';
import type { BrandScope } from './filter-sql.ts';
import { dataAsOf } from './data-as-of.ts';
import { summaryOf } from './kpi-summary.ts';
import { trendPoint } from './kpi-trend.ts';
import { scopeParam } from './scope-param.ts';

// A partner outside the caller's brands looks exactly like an unknown one (null, then 404).
const partnerSql = `
SELECT partner_id AS "partnerId", name, kind, city FROM partners
WHERE partner_id = $partner
  AND ($scope::VARCHAR[] IS NULL OR partner_id IN (
    SELECT partner_id FROM contracts WHERE list_contains($scope::VARCHAR[], brand_id)))`;

/** The partner's KPIs and monthly trend under the filters; null when the caller cannot see it. */
export async function partnerScorecard(
  conn: DuckDBConnection,
  partnerId: string,
  query: ScorecardQuery,
  scope: BrandScope = null,
): Promise<PartnerScorecard | null> {
  const partner = await queryRow<PartnerScorecard['partner']>(conn, partnerSql, {
    partner: partnerId,
    scope: scopeParam(scope),
  });
  if (!partner) return null;
  const filters = { ...query, partner: [partnerId] };
  // One cube query for the months and their total (half the CPU of two at 10M milestones).
  const { rows, total } = await cubeRowsWithTotal(conn, { filters, scope, by: ['cohortMonth'] });
  const kpis = summaryOf(total, await dataAsOf(conn, scope));
  return { partner, kpis, trend: rows.map(trendPoint) };
}
