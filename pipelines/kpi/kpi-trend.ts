import type { DuckDBConnection } from '@duckdb/node-api';
import { cubeRows, type CubeRow } from '../cube/cube-query.ts';
import type { KpiFilters, KpiTrend, KpiTrendPoint } from '../schema/kpis.ts';
import type { BrandScope } from './filter-sql.ts';

/** KPIs by cohort month (month of the baseline due date), oldest first. */
export async function kpiTrend(
  conn: DuckDBConnection,
  filters: Partial<KpiFilters>,
  scope: BrandScope = null,
): Promise<KpiTrend> {
  const rows = await cubeRows(conn, { filters, scope, by: ['cohortMonth'] });
  return { months: rows.map(trendPoint) };
}

export function trendPoint(r: CubeRow): KpiTrendPoint {
  return {
    month: r.k1 ?? '',
    completed: r.completed,
    onTime: r.on_time,
    onTimeRate: r.completed > 0 ? r.on_time / r.completed : null,
    submitted: r.submitted,
    disputed: r.disputed,
    disputeRate: r.submitted > 0 ? r.disputed / r.submitted : null,
    medianSlipDays: r.slip_p50,
    medianPaymentLagDays: r.pay_p50,
  };
}
