import type { DuckDBConnection } from '@duckdb/node-api';
import type { KpiFilters, KpiSummary } from '../schema/kpis.ts';
import { queryRow } from '../warehouse/query.ts';
import { dataAsOf } from './data-as-of.ts';
import { factFilterParams, factFilterSql, type BrandScope } from './filter-sql.ts';
import { rate } from './rate.ts';

const sql = `
SELECT
  count(*)::INTEGER AS total,
  count(*) FILTER (WHERE completed)::INTEGER AS completed,
  count(*) FILTER (WHERE NOT completed AND status NOT IN ('rejected'))::INTEGER AS open,
  count(*) FILTER (WHERE completed AND slip_days <= $tolerance)::INTEGER AS on_time,
  count(*) FILTER (WHERE submitted)::INTEGER AS submitted,
  count(*) FILTER (WHERE submitted AND disputed)::INTEGER AS disputed,
  count(DISTINCT currency) FILTER (WHERE submitted)::INTEGER AS currencies,
  any_value(currency) FILTER (WHERE submitted) AS one_currency,
  coalesce(sum(dispute_amount) FILTER (WHERE submitted), 0)::DOUBLE AS disputed_amount,
  coalesce(sum(billed_amount), 0)::DOUBLE AS billed_amount,
  coalesce(sum(dispute_amount_usd) FILTER (WHERE submitted), 0)::DOUBLE AS disputed_usd,
  coalesce(sum(billed_amount_usd), 0)::DOUBLE AS billed_usd,
  count(*) FILTER (WHERE submitted AND billed_amount_usd IS NULL)::INTEGER AS unconverted,
  round(quantile_cont(slip_days, 0.5) FILTER (WHERE completed), 2)::DOUBLE AS slip_median,
  round(quantile_cont(slip_days, 0.8) FILTER (WHERE completed), 2)::DOUBLE AS slip_p80,
  avg(slip_days) FILTER (WHERE completed)::DOUBLE AS slip_mean,
  round(quantile_cont(payment_lag_days, 0.5), 2)::DOUBLE AS lag_median,
  avg(payment_lag_days)::DOUBLE AS lag_mean,
  count(payment_lag_days)::INTEGER AS lag_count,
  round(quantile_cont(verification_lag_days, 0.5), 2)::DOUBLE AS ver_median,
  count(verification_lag_days)::INTEGER AS ver_count
FROM milestone_facts f
WHERE ${factFilterSql}`;

interface Row {
  total: number;
  completed: number;
  open: number;
  on_time: number;
  submitted: number;
  disputed: number;
  currencies: number;
  one_currency: string | null;
  disputed_amount: number;
  billed_amount: number;
  disputed_usd: number;
  billed_usd: number;
  unconverted: number;
  slip_median: number | null;
  slip_p80: number | null;
  slip_mean: number | null;
  lag_median: number | null;
  lag_mean: number | null;
  lag_count: number;
  ver_median: number | null;
  ver_count: number;
}

/** The headline KPIs of the domain doc for one filter; every rate carries its counts. */
export async function kpiSummary(
  conn: DuckDBConnection,
  filters: Partial<KpiFilters>,
  scope: BrandScope = null,
): Promise<KpiSummary> {
  const r = (await queryRow<Row>(conn, sql, factFilterParams(filters, scope))) as Row;
  return {
    asOf: await dataAsOf(conn),
    milestones: { total: r.total, completed: r.completed, open: r.open },
    onTimeRate: rate(r.on_time, r.completed),
    disputeRate: rate(r.disputed, r.submitted),
    valueDisputeRate: valueRate(r),
    slipDays: { median: r.slip_median, p80: r.slip_p80, mean: r.slip_mean, count: r.completed },
    paymentLagDays: { median: r.lag_median, mean: r.lag_mean, count: r.lag_count },
    verificationLagDays: { median: r.ver_median, count: r.ver_count },
  };
}

/** Amounts add up only within one currency: one currency as is, several converted to USD. */
function valueRate(r: Row): KpiSummary['valueDisputeRate'] {
  if (r.currencies <= 1) {
    const base = rate(round2(r.disputed_amount), round2(r.billed_amount));
    return { ...base, currency: r.one_currency, unconverted: 0 };
  }
  const base = rate(round2(r.disputed_usd), round2(r.billed_usd));
  return { ...base, currency: 'USD', unconverted: r.unconverted };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
