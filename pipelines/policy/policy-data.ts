import type { DuckDBConnection } from '@duckdb/node-api';
import { factFilterParams, factFilterSql, type BrandScope } from '../kpi/filter-sql.ts';
import { scopeParam } from '../kpi/scope-param.ts';
import type { KpiFilters } from '../schema/kpis.ts';
import { pickUsedParams } from '../warehouse/query.ts';
import { M, type DidInputs } from './stacked-did.ts';

// Reads what the stacked DiD needs from milestone_facts under the KPI filters and the caller's
// scope (a scoped caller's controls are its own brands that did not switch, never other tenants).
// Treated = brands with a switch to milestone pricing in policy_changes (first switch counts).

const switches = `sw AS (
  SELECT brand_id, min(change_date) AS change_date FROM policy_changes
  WHERE to_model = 'milestone' GROUP BY brand_id
)`;

const counts = `
  count(*) FILTER (WHERE completed AND slip_days <= $tolerance)::INTEGER AS on_time,
  count(*) FILTER (WHERE completed)::INTEGER AS completed,
  count(*) FILTER (WHERE submitted AND disputed)::INTEGER AS disputed,
  count(*) FILTER (WHERE submitted)::INTEGER AS submitted`;

const treatedSql = `WITH ${switches}
SELECT f.brand_id, strftime(sw.change_date, '%Y-%m-%d') AS change_date,
  f.baseline_due >= sw.change_date AS after,${counts}
FROM milestone_facts f JOIN sw USING (brand_id)
WHERE ${factFilterSql}
GROUP BY ALL ORDER BY 1, 3`;

// Each control brand's counts due before each switch date: running sums by day, looked up with
// an ASOF join, so the stacking costs brands x dates rows, not milestones x dates. Brands and
// dates come back as 0-based indexes (date -1 = the brand's totals) to keep the transfer small.
const controlSql = `WITH ${switches},
dates AS (
  SELECT change_date, (row_number() OVER (ORDER BY change_date) - 1)::INTEGER AS d
  FROM (SELECT DISTINCT change_date FROM sw)
),
daily AS (
  SELECT f.brand_id, f.baseline_due AS day,${counts}
  FROM milestone_facts f
  WHERE f.brand_id NOT IN (SELECT brand_id FROM sw) AND ${factFilterSql}
  GROUP BY ALL
),
brands AS (
  SELECT brand_id, (row_number() OVER (ORDER BY brand_id) - 1)::INTEGER AS b
  FROM (SELECT DISTINCT brand_id FROM daily)
),
cum AS (
  SELECT brand_id, day,
    sum(on_time) OVER w AS on_time, sum(completed) OVER w AS completed,
    sum(disputed) OVER w AS disputed, sum(submitted) OVER w AS submitted
  FROM daily WINDOW w AS (PARTITION BY brand_id ORDER BY day)
)
SELECT b.b, d.d,
  coalesce(c.on_time, 0)::INTEGER AS on_time, coalesce(c.completed, 0)::INTEGER AS completed,
  coalesce(c.disputed, 0)::INTEGER AS disputed, coalesce(c.submitted, 0)::INTEGER AS submitted
FROM brands b CROSS JOIN dates d
ASOF LEFT JOIN cum c ON c.brand_id = b.brand_id AND d.change_date > c.day
UNION ALL
SELECT b.b, -1, sum(on_time)::INTEGER, sum(completed)::INTEGER, sum(disputed)::INTEGER,
  sum(submitted)::INTEGER
FROM daily JOIN brands b USING (brand_id) GROUP BY b.b`;

const controlBrandsSql = `WITH ${switches}
SELECT DISTINCT f.brand_id FROM milestone_facts f
WHERE f.brand_id NOT IN (SELECT brand_id FROM sw) AND ${factFilterSql}
ORDER BY 1`;

export interface PolicyData extends DidInputs {
  readonly treatedBrands: readonly string[];
  readonly controlBrands: readonly string[];
  readonly dates: readonly string[];
}

type Columns = Record<string, (string | number | boolean | null)[]>;

async function columns(conn: DuckDBConnection, sql: string, params: object): Promise<Columns> {
  const reader = await conn.runAndReadAll(sql, pickUsedParams(sql, params as never));
  const names = reader.columnNames();
  const cols = reader.getColumnsJson() as Columns[string][];
  return Object.fromEntries(names.map((n, i) => [n, cols[i] ?? []]));
}

export async function readPolicyData(
  conn: DuckDBConnection,
  filters: Partial<KpiFilters>,
  scope: BrandScope,
): Promise<PolicyData> {
  const params = { ...factFilterParams(filters, scope), scope: scopeParam(scope) };
  const t = await columns(conn, treatedSql, params);
  const c = await columns(conn, controlSql, params);
  const names = (await columns(conn, controlBrandsSql, params)).brand_id ?? [];
  const dates = [...new Set((t.change_date ?? []).map(String))].sort();
  const treated = fillTreated(t, dates);
  const control = fillControl(c, names.length, dates.length);
  return { ...treated, ...control, controlBrands: names.map(String), dates, nDates: dates.length };
}

const metricNames = ['on_time', 'completed', 'disputed', 'submitted'] as const;

function fillTreated(t: Columns, dates: readonly string[]) {
  const brands = [...new Set((t.brand_id ?? []).map(String))];
  const index = new Map(brands.map((b, i) => [b, i]));
  const before = new Float64Array(brands.length * M);
  const after = new Float64Array(brands.length * M);
  const date = new Int32Array(brands.length);
  (t.brand_id ?? []).forEach((b, row) => {
    const i = index.get(String(b)) ?? 0;
    date[i] = dates.indexOf(String(t.change_date?.[row]));
    const into = t.after?.[row] ? after : before;
    metricNames.forEach((m, k) => (into[i * M + k] = Number(t[m]?.[row] ?? 0)));
  });
  return { treatedBrands: brands, treatedBefore: before, treatedAfter: after, treatedDate: date };
}

function fillControl(c: Columns, nBrands: number, nDates: number) {
  const total = new Float64Array(nBrands * M);
  const before = new Float64Array(nBrands * nDates * M);
  (c.b ?? []).forEach((b, row) => {
    const j = Number(b);
    const d = Number(c.d?.[row]);
    metricNames.forEach((m, k) => {
      const v = Number(c[m]?.[row] ?? 0);
      if (d < 0) total[j * M + k] = v;
      else before[(j * nDates + d) * M + k] = v;
    });
  });
  return { controlTotal: total, controlBefore: before };
}
