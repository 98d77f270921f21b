import type { DuckDBConnection } from '@duckdb/node-api';
import type { StatusKpiQuery, TimeToResolution } from '../schema/status-kpis.ts';
import { queryRow } from '../warehouse/query.ts';
import { factFilterSql, type BrandScope } from './filter-sql.ts';
import { rate } from './rate.ts';
import { statusParams } from './status-params.ts';

/**
 * Time to resolution of the domain doc (resolved - opened, days) over the disputes opened on or
 * before the status date whose milestone passes the KPI filter (from/to: the milestone's baseline
 * due, as for the dispute rate). A dispute resolved after the date is still open at it. Quantiles
 * by quantile_cont, rounded to 0.01 day like the slip quantiles. A null date has no cut-off.
 */
export const timeToResolutionSql = `
WITH d AS (
  SELECT d.resolved_date - d.opened_date AS days,
    d.resolved_date IS NOT NULL AND d.resolved_date <= coalesce($asOf::DATE, d.resolved_date)
      AS resolved
  FROM disputes d JOIN milestone_facts f USING (milestone_id)
  WHERE d.opened_date <= coalesce($asOf::DATE, d.opened_date)
    AND ($scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], d.brand_id))
    AND ${factFilterSql}
)
SELECT count(*)::INTEGER AS opened,
  count(*) FILTER (WHERE resolved)::INTEGER AS resolved,
  round(quantile_cont(days, 0.5) FILTER (WHERE resolved), 2)::DOUBLE AS p50,
  round(quantile_cont(days, 0.8) FILTER (WHERE resolved), 2)::DOUBLE AS p80,
  round(avg(days) FILTER (WHERE resolved), 2)::DOUBLE AS mean
FROM d`;

interface Row {
  opened: number;
  resolved: number;
  p50: number | null;
  p80: number | null;
  mean: number | null;
}

export async function timeToResolution(
  conn: DuckDBConnection,
  query: Partial<StatusKpiQuery>,
  scope: BrandScope = null,
): Promise<TimeToResolution> {
  const { asOf, params } = await statusParams(conn, query, scope);
  const r = await queryRow<Row>(conn, timeToResolutionSql, params);
  const opened = r?.opened ?? 0;
  const resolved = r?.resolved ?? 0;
  return {
    asOf,
    opened,
    resolved,
    open: opened - resolved,
    medianDays: r?.p50 ?? null,
    p80Days: r?.p80 ?? null,
    meanDays: r?.mean ?? null,
    resolvedShare: rate(resolved, opened),
  };
}
