import type { DuckDBConnection } from '@duckdb/node-api';
import type { KpiFilters, KpiTrend, KpiTrendPoint } from '../schema/kpis.ts';
import { queryRows } from '../warehouse/query.ts';
import { factFilterParams, factFilterSql, type BrandScope } from './filter-sql.ts';

const sql = `
SELECT
  strftime(cohort_month, '%Y-%m') AS month,
  count(*) FILTER (WHERE completed)::INTEGER AS completed,
  count(*) FILTER (WHERE completed AND slip_days <= $tolerance)::INTEGER AS on_time,
  count(*) FILTER (WHERE submitted)::INTEGER AS submitted,
  count(*) FILTER (WHERE submitted AND disputed)::INTEGER AS disputed,
  round(quantile_cont(slip_days, 0.5) FILTER (WHERE completed), 2)::DOUBLE AS median_slip,
  round(quantile_cont(payment_lag_days, 0.5), 2)::DOUBLE AS median_lag
FROM milestone_facts f
WHERE ${factFilterSql}
GROUP BY cohort_month
ORDER BY cohort_month`;

interface Row {
  month: string;
  completed: number;
  on_time: number;
  submitted: number;
  disputed: number;
  median_slip: number | null;
  median_lag: number | null;
}

/** KPIs by cohort month (month of the baseline due date), oldest first. */
export async function kpiTrend(
  conn: DuckDBConnection,
  filters: Partial<KpiFilters>,
  scope: BrandScope = null,
): Promise<KpiTrend> {
  const rows = await queryRows<Row>(conn, sql, factFilterParams(filters, scope));
  const months: KpiTrendPoint[] = rows.map((r) => ({
    month: r.month,
    completed: r.completed,
    onTime: r.on_time,
    onTimeRate: r.completed > 0 ? r.on_time / r.completed : null,
    submitted: r.submitted,
    disputed: r.disputed,
    disputeRate: r.submitted > 0 ? r.disputed / r.submitted : null,
    medianSlipDays: r.median_slip,
    medianPaymentLagDays: r.median_lag,
  }));
  return { months };
}
