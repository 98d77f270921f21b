// A plain difference-in-differences of the pricing switch, read from the warehouse, to check that
// the effect planted by the generator is recoverable (and to show how far a naive before/after
// is from it). Each switching brand is compared before/after its own change date (by baseline
// due date); the control brands are split at the same date ("stacked" DiD), so the common time
// trend cancels. Rates are pooled per cell; the effect is a ratio of ratios minus one.
import type { DuckDBConnection } from '@duckdb/node-api';

export interface DidCell {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
}

export interface DidEstimate {
  readonly treatedBefore: DidCell;
  readonly treatedAfter: DidCell;
  /** Control milestones counted once per switching brand (stacked). */
  readonly controlBefore: DidCell;
  readonly controlAfter: DidCell;
  /** (treatedAfter / treatedBefore) / (controlAfter / controlBefore) - 1. */
  readonly relative: number | null;
  /** treatedAfter / treatedBefore - 1, ignoring the control group. */
  readonly naive: number | null;
}

export interface PolicyDid {
  /** On-time rate among completed milestones. */
  readonly onTime: DidEstimate;
  /** Dispute rate among submitted milestones. */
  readonly dispute: DidEstimate;
}

// Control milestones are aggregated per day before meeting the switch dates, so the stacking
// costs days x switching brands rows, not milestones x switching brands.
const SQL = `
WITH sw AS (
  SELECT brand_id, min(change_date) AS change_date FROM policy_changes WHERE to_model = 'milestone' GROUP BY brand_id
),
f AS (
  SELECT brand_id, baseline_due,
         CASE WHEN completed THEN 1 ELSE 0 END AS completed,
         CASE WHEN completed AND slip_days <= 0 THEN 1 ELSE 0 END AS on_time,
         CASE WHEN submitted THEN 1 ELSE 0 END AS submitted,
         CASE WHEN submitted AND disputed THEN 1 ELSE 0 END AS disputed
  FROM milestone_facts
),
treated AS (
  SELECT 'treated' AS grp, f.baseline_due >= sw.change_date AS after,
         sum(on_time) AS on_time, sum(completed) AS completed, sum(disputed) AS disputed, sum(submitted) AS submitted
  FROM f JOIN sw USING (brand_id) GROUP BY ALL
),
control_days AS (
  SELECT baseline_due, sum(on_time) AS on_time, sum(completed) AS completed, sum(disputed) AS disputed, sum(submitted) AS submitted
  FROM f WHERE brand_id NOT IN (SELECT brand_id FROM sw) GROUP BY baseline_due
),
control AS (
  SELECT 'control' AS grp, d.baseline_due >= sw.change_date AS after,
         sum(on_time) AS on_time, sum(completed) AS completed, sum(disputed) AS disputed, sum(submitted) AS submitted
  FROM control_days d CROSS JOIN sw GROUP BY ALL
)
SELECT grp, after, on_time::DOUBLE AS on_time, completed::DOUBLE AS completed,
       disputed::DOUBLE AS disputed, submitted::DOUBLE AS submitted
FROM (SELECT * FROM treated UNION ALL SELECT * FROM control)`;

function cell(numerator: number, denominator: number): DidCell {
  return { numerator, denominator, rate: denominator > 0 ? numerator / denominator : null };
}

function estimate(tb: DidCell, ta: DidCell, cb: DidCell, ca: DidCell): DidEstimate {
  const ratio = (a: DidCell, b: DidCell): number | null =>
    a.rate !== null && b.rate !== null && b.rate > 0 ? a.rate / b.rate : null;
  const treated = ratio(ta, tb);
  const control = ratio(ca, cb);
  return {
    treatedBefore: tb,
    treatedAfter: ta,
    controlBefore: cb,
    controlAfter: ca,
    relative: treated !== null && control !== null && control > 0 ? treated / control - 1 : null,
    naive: treated === null ? null : treated - 1,
  };
}

export async function estimatePolicyDid(conn: DuckDBConnection): Promise<PolicyDid> {
  const rows = (await conn.runAndReadAll(SQL)).getRowObjectsJS();
  const find = (grp: string, after: boolean): Record<string, unknown> =>
    rows.find((r) => r.grp === grp && r.after === after) ?? {};
  const cells = (num: string, den: string): DidCell[] =>
    [
      find('treated', false),
      find('treated', true),
      find('control', false),
      find('control', true),
    ].map((r) => cell(Number(r[num] ?? 0), Number(r[den] ?? 0)));
  const [tb, ta, cb, ca] = cells('on_time', 'completed') as [DidCell, DidCell, DidCell, DidCell];
  const [dtb, dta, dcb, dca] = cells('disputed', 'submitted') as [
    DidCell,
    DidCell,
    DidCell,
    DidCell,
  ];
  return { onTime: estimate(tb, ta, cb, ca), dispute: estimate(dtb, dta, dcb, dca) };
}
