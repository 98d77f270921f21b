import type { DuckDBConnection } from '@duckdb/node-api';
import type { EarnedValue, StatusKpiQuery } from '../schema/status-kpis.ts';
import { queryRows } from '../warehouse/query.ts';
import { factFilterSql, type BrandScope } from './filter-sql.ts';
import { rate } from './rate.ts';
import { statusParams } from './status-params.ts';

/**
 * Earned value (milestone-weighted) of the domain doc at a status date: for each
 * contract with a milestone in the filter, EV = value x sum(share of its milestones approved on or
 * before the date), PV = value x sum(share of its milestones with baseline due on or before it).
 * Reads milestone_facts (cancelled milestones are not in it). A null date has no cut-off.
 */
export const earnedValueSql = `
WITH m AS (
  SELECT f.contract_id, count(*) AS milestones,
    coalesce(sum(f.share) FILTER (WHERE f.approved_date <= coalesce($asOf::DATE, f.approved_date)), 0)
      AS approved_share,
    coalesce(sum(f.share) FILTER (WHERE f.baseline_due <= coalesce($asOf::DATE, f.baseline_due)), 0)
      AS planned_share
  FROM milestone_facts f
  WHERE ${factFilterSql}
  GROUP BY f.contract_id
),
fx AS (
  SELECT currency, arg_max(usd_per_unit, valid_from) AS usd_per_unit FROM fx_rates GROUP BY currency
),
c AS (
  SELECT m.*, k.currency, k.value::DOUBLE AS value,
    coalesce(fx.usd_per_unit, CASE WHEN k.currency = 'USD' THEN 1 END) AS usd
  FROM m JOIN contracts k USING (contract_id) LEFT JOIN fx ON fx.currency = k.currency
),
g AS (
  SELECT currency, count(*) AS contracts, sum(milestones) AS milestones,
    count(*) FILTER (WHERE usd IS NULL) AS unconverted,
    sum(value) AS value, sum(value * approved_share) AS ev, sum(value * planned_share) AS pv,
    sum(value * usd) AS value_usd, sum(value * usd * approved_share) AS ev_usd,
    sum(value * usd * planned_share) AS pv_usd
  FROM c GROUP BY currency
)
-- One currency as is; several added in USD at the newest rate, leaving out what has no rate.
SELECT
  CASE WHEN count(*) = 1 THEN any_value(currency) WHEN count(*) > 1 THEN 'USD' END AS currency,
  coalesce(sum(contracts), 0)::INTEGER AS contracts,
  coalesce(sum(milestones), 0)::INTEGER AS milestones,
  CASE WHEN count(*) > 1 THEN sum(unconverted) ELSE 0 END::INTEGER AS unconverted,
  round(coalesce(CASE WHEN count(*) = 1 THEN sum(value) ELSE sum(value_usd) END, 0), 2) AS value,
  round(coalesce(CASE WHEN count(*) = 1 THEN sum(ev) ELSE sum(ev_usd) END, 0), 2) AS ev,
  round(coalesce(CASE WHEN count(*) = 1 THEN sum(pv) ELSE sum(pv_usd) END, 0), 2) AS pv
FROM g`;

interface TotalRow {
  currency: string | null;
  contracts: number;
  milestones: number;
  unconverted: number;
  value: number;
  ev: number;
  pv: number;
}

export async function earnedValue(
  conn: DuckDBConnection,
  query: Partial<StatusKpiQuery>,
  scope: BrandScope = null,
): Promise<EarnedValue> {
  const { asOf, params } = await statusParams(conn, query, scope);
  const [r] = await queryRows<TotalRow>(conn, earnedValueSql, params);
  if (!r) throw new Error('earnedValue: the aggregate returned no row');
  return {
    asOf,
    currency: r.currency,
    contracts: r.contracts,
    milestones: r.milestones,
    unconverted: r.unconverted,
    contractValue: r.value,
    earnedValue: r.ev,
    plannedValue: r.pv,
    approvedShare: rate(r.ev, r.value),
    plannedShare: rate(r.pv, r.value),
    spi: rate(r.ev, r.pv),
  };
}
