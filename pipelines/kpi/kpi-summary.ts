import type { DuckDBConnection } from '@duckdb/node-api';
import { cubeRows, emptyCubeRow, type CubeRow } from '../cube/cube-query.ts';
import type { KpiFilters, KpiSummary } from '../schema/kpis.ts';
import { dataAsOf } from './data-as-of.ts';
import type { BrandScope } from './filter-sql.ts';
import { rate } from './rate.ts';

/**
 * The headline KPIs of the domain doc for one filter; every rate carries its counts. Read from
 * the KPI cell marts (pipelines/cube): sums of cells and quantiles of merged histograms, which
 * equal the figures over the milestones themselves.
 */
export async function kpiSummary(
  conn: DuckDBConnection,
  filters: Partial<KpiFilters>,
  scope: BrandScope = null,
): Promise<KpiSummary> {
  const [found] = await cubeRows(conn, { filters, scope, by: [] });
  return summaryOf(found ?? emptyCubeRow(), await dataAsOf(conn, scope));
}

/** The KPI summary of one aggregated group. */
export function summaryOf(r: CubeRow, asOf: string | null): KpiSummary {
  return {
    asOf,
    milestones: { total: r.milestones, completed: r.completed, open: r.open },
    onTimeRate: rate(r.on_time, r.completed),
    disputeRate: rate(r.disputed, r.submitted),
    valueDisputeRate: {
      ...rate(round2(r.disputed_amount), round2(r.billed)),
      currency: r.amount_currency,
      unconverted: r.unconverted,
    },
    slipDays: { median: r.slip_p50, p80: r.slip_p80, mean: r.slip_mean, count: r.completed },
    paymentLagDays: { median: r.pay_p50, mean: r.pay_mean, count: r.pay_count },
    verificationLagDays: { median: r.ver_p50, count: r.ver_count },
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
