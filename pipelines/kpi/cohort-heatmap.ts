import type { DuckDBConnection } from '@duckdb/node-api';
import { cubeRows, type CubeRow } from '../cube/cube-query.ts';
import type { CohortHeatmap, CohortHeatmapQuery, CohortMetric } from '../schema/cohorts.ts';
import { dataAsOf } from './data-as-of.ts';
import type { BrandScope } from './filter-sql.ts';

/** A metric's value in a group, and the count behind it (the denominator of a rate). */
const metricOf: Record<CohortMetric, (r: CubeRow) => [number | null, number]> = {
  onTimeRate: (r) => [r.completed ? r.on_time / r.completed : null, r.completed],
  disputeRate: (r) => [r.submitted ? r.disputed / r.submitted : null, r.submitted],
  slipP50: (r) => [r.slip_p50, r.completed],
  slipP80: (r) => [r.slip_p80, r.completed],
  slipP90: (r) => [r.slip_p90, r.completed],
  paymentLagMedian: (r) => [r.pay_p50, r.pay_count],
  value: (r) => [Math.round(r.value * 100) / 100, r.milestones],
  milestones: (r) => [r.milestones, r.milestones],
  completed: (r) => [r.completed, r.completed],
};

/** One metric over two dimensions as a matrix: rows are y values, columns x values. */
export async function cohortHeatmap(
  conn: DuckDBConnection,
  query: CohortHeatmapQuery,
  scope: BrandScope = null,
): Promise<CohortHeatmap> {
  const rows = await cubeRows(conn, { filters: query, scope, by: [query.x, query.y] });
  return { asOf: await dataAsOf(conn, scope), ...heatmapOf(rows, query) };
}

/** Lays aggregated groups (k1 = x, k2 = y) out as a matrix; absent combinations are empty. */
export function heatmapOf(
  rows: readonly CubeRow[],
  query: Pick<CohortHeatmapQuery, 'x' | 'y' | 'metric'>,
): Omit<CohortHeatmap, 'asOf'> {
  const label = (v: string | null) => v ?? '(none)';
  const xs = [...new Set(rows.map((r) => label(r.k1)))].sort();
  const ys = [...new Set(rows.map((r) => label(r.k2)))].sort();
  const xi = new Map(xs.map((x, i) => [x, i]));
  const yi = new Map(ys.map((y, i) => [y, i]));
  const values = ys.map(() => xs.map((): number | null => null));
  const counts = ys.map(() => xs.map(() => 0));
  for (const r of rows) {
    const [v, n] = metricOf[query.metric](r);
    const i = yi.get(label(r.k2)) ?? 0;
    const j = xi.get(label(r.k1)) ?? 0;
    (values[i] as (number | null)[])[j] = v;
    (counts[i] as number[])[j] = n;
  }
  return {
    metric: query.metric,
    x: { dimension: query.x, values: xs },
    y: { dimension: query.y, values: ys },
    values,
    counts,
  };
}
