import type { CellSourceKind } from './cell-filter.ts';
import type { DimensionSpec } from './dimensions.ts';

// The one aggregation behind KPIs, trends, rankings, scorecards and cohorts: sums of the cells
// that pass the filter, grouped by at most two keys, and quantiles of their merged histograms.
// The text is assembled from constants only (keys from dimensions.ts, WHERE from cell-filter.ts).

const sources = {
  marts: { cells: 'kpi_cells', hist: 'kpi_hist' },
  facts: { cells: 'kpi_fact_rows', hist: 'kpi_fact_values' },
} as const;

const sums = `
    coalesce(sum(milestones), 0)::INTEGER AS milestones, coalesce(sum(completed), 0)::INTEGER AS completed,
    coalesce(sum(open), 0)::INTEGER AS open, coalesce(sum(submitted), 0)::INTEGER AS submitted,
    coalesce(sum(disputed), 0)::INTEGER AS disputed, sum(slip_sum)::DOUBLE AS slip_sum,
    sum(pay_sum)::DOUBLE AS pay_sum, coalesce(sum(pay_count), 0)::INTEGER AS pay_count,
    coalesce(sum(ver_count), 0)::INTEGER AS ver_count,
    min(currency_lo) AS currency_lo, max(currency_hi) AS currency_hi,
    min(sub_currency_lo) AS sub_lo, max(sub_currency_hi) AS sub_hi,
    coalesce(sum(amount), 0)::DOUBLE AS amount, coalesce(sum(amount_usd), 0)::DOUBLE AS amount_usd,
    coalesce(sum(amount_unconverted), 0)::INTEGER AS amount_unconverted,
    coalesce(sum(billed), 0)::DOUBLE AS billed, coalesce(sum(billed_usd), 0)::DOUBLE AS billed_usd,
    coalesce(sum(disputed_amount), 0)::DOUBLE AS disputed_amount,
    coalesce(sum(disputed_usd), 0)::DOUBLE AS disputed_usd,
    coalesce(sum(unconverted), 0)::INTEGER AS unconverted`;

/** [output column, metric (0 slip, 1 payment lag, 2 verification lag), probability] */
const quantiles = [
  ['slip_p50', 0, 0.5],
  ['slip_p80', 0, 0.8],
  ['slip_p90', 0, 0.9],
  ['pay_p50', 1, 0.5],
  ['ver_p50', 2, 0.5],
] as const;

// Value at 0-based rank r of the merged histogram = smallest day whose running count exceeds r.
// quantile_cont's rule: position (N - 1) p, interpolated between the ranks either side.
const rankBounds = quantiles
  .map(
    ([name, m, p]) => `
    max(total) FILTER (WHERE metric = ${m}) AS ${name}_n,
    min(days) FILTER (WHERE metric = ${m} AND cum > floor((total - 1) * ${p})) AS ${name}_lo,
    min(days) FILTER (WHERE metric = ${m} AND cum > floor((total - 1) * ${p}) + 1) AS ${name}_hi`,
  )
  .join(',');

const interpolated = quantiles
  .map(
    ([name, , p]) => `
  round(q.${name}_lo + ((q.${name}_n - 1) * ${p} - floor((q.${name}_n - 1) * ${p}))
        * (coalesce(q.${name}_hi, q.${name}_lo) - q.${name}_lo), 2)::DOUBLE AS ${name}`,
  )
  .join(',');

const single = `(c.currency_lo IS NULL OR c.currency_lo = c.currency_hi)`;
const singleSubmitted = `(c.sub_lo IS NULL OR c.sub_lo = c.sub_hi)`;

/** Means, and values in one currency (or USD when the cells hold several). */
const outputs = `
  c.slip_sum / nullif(c.completed, 0) AS slip_mean,
  c.pay_sum / nullif(c.pay_count, 0) AS pay_mean, c.pay_count, c.ver_count,
  CASE WHEN ${single} THEN c.amount ELSE c.amount_usd END AS value,
  CASE WHEN ${single} THEN c.currency_lo ELSE 'USD' END AS value_currency,
  CASE WHEN ${single} THEN 0 ELSE c.amount_unconverted END AS value_unconverted,
  CASE WHEN ${singleSubmitted} THEN c.billed ELSE c.billed_usd END AS billed,
  CASE WHEN ${singleSubmitted} THEN c.disputed_amount ELSE c.disputed_usd END AS disputed_amount,
  CASE WHEN ${singleSubmitted} THEN c.sub_lo ELSE 'USD' END AS amount_currency,
  CASE WHEN ${singleSubmitted} THEN 0 ELSE c.unconverted END AS unconverted`;

/** How the groups are formed: GROUP BY ALL, or the groups plus their total in one pass. */
function grouping(withTotal: boolean) {
  if (!withTotal) return { t: '', cells: 'ALL', hist: 'ALL', key: '', join: '', order: '' };
  return {
    // t = 1 marks the total row, so a group whose keys are NULL is never taken for it.
    t: ', grouping(k1)::UTINYINT AS t',
    cells: 'GROUPING SETS ((k1, k2), ())',
    hist: 'GROUPING SETS ((k1, k2, metric, days), (metric, days))',
    key: ', t',
    join: ' AND c.t = q.t',
    order: 'c.t, ',
  };
}

/**
 * SQL for the aggregation over `where` (from cellWhereSql), grouped by up to two dimensions.
 * `withTotal` adds, in the same query, the total over every group (what `d1 = d2 = null` answers)
 * as a last row with t = 1; the groups have t = 0. One query costs about 60% of two.
 */
export function cubeSql(
  source: CellSourceKind,
  where: string,
  d1: DimensionSpec | null,
  d2: DimensionSpec | null,
  withTotal = false,
): string {
  const s = sources[source];
  const g = grouping(withTotal);
  const keys = `${d1?.group ?? 'NULL'} AS k1, ${d2?.group ?? 'NULL'} AS k2`;
  const label = (d: DimensionSpec | null, col: string) =>
    d ? `(${d.label(col)})::VARCHAR` : 'NULL::VARCHAR';
  return `
WITH c AS (
  SELECT ${keys}${g.t},${sums}
  FROM ${s.cells} WHERE ${where}
  GROUP BY ${g.cells}
),
h AS (
  SELECT ${keys}${g.t}, metric, days, sum(n)::INTEGER AS n
  FROM ${s.hist} WHERE ${where}
  GROUP BY ${g.hist}
),
w AS (
  SELECT k1, k2${g.key}, metric, days, n,
    (sum(n) OVER (PARTITION BY k1, k2${g.key}, metric ORDER BY days))::INTEGER AS cum,
    (sum(n) OVER (PARTITION BY k1, k2${g.key}, metric))::INTEGER AS total
  FROM h
),
q AS (
  SELECT k1, k2${g.key},
    coalesce(sum(n) FILTER (WHERE metric = 0 AND days <= $tolerance), 0)::INTEGER AS on_time,${rankBounds}
  FROM w GROUP BY k1, k2${g.key}
)
SELECT ${label(d1, 'c.k1')} AS k1, ${label(d2, 'c.k2')} AS k2${withTotal ? ', c.t' : ''},
  c.milestones, c.completed, c.open, coalesce(q.on_time, 0) AS on_time,
  c.submitted, c.disputed,${interpolated},${outputs}
FROM c LEFT JOIN q ON c.k1 IS NOT DISTINCT FROM q.k1 AND c.k2 IS NOT DISTINCT FROM q.k2${g.join}
ORDER BY ${g.order}c.k1 NULLS LAST, c.k2 NULLS LAST`;
}
