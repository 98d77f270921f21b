import { planCube } from '../cube/cube-query.ts';
import type { CohortDimension } from '../cube/dimensions.ts';
import type { ExportSource } from '../export/export-source.ts';
import type { KpiFilters } from '../schema/kpis.ts';
import type { BrandScope } from './filter-sql.ts';

// The cohort table as flat columns for exports: the dimension names (constants of the enum, so
// safe as identifiers), then the figures of cohort-row.ts with their counts beside every rate.
const figures = `
  milestones, completed, open, on_time, on_time / nullif(completed, 0)::DOUBLE AS on_time_rate,
  submitted, disputed, disputed / nullif(submitted, 0)::DOUBLE AS dispute_rate,
  slip_p50 AS slip_p50_days, slip_p80 AS slip_p80_days, slip_p90 AS slip_p90_days,
  slip_mean AS slip_mean_days, pay_p50 AS payment_lag_median_days, pay_count AS payment_lag_count,
  round(value, 2)::DOUBLE AS value, value_currency, value_unconverted`;

export function cohortExportSource(
  q: Partial<KpiFilters> & { by: readonly CohortDimension[] },
  scope: BrandScope,
): ExportSource {
  const plan = planCube({ filters: q, scope, by: q.by });
  const keys = q.by.map((d, i) => `k${i + 1} AS "${d}"`).join(', ');
  return {
    sql: `SELECT ${keys}, ${figures} FROM (${plan.sql}) g ORDER BY k1 NULLS LAST, k2 NULLS LAST`,
    params: plan.params,
  };
}
