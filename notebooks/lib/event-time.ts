// On-time and dispute rates by event time (quarters of 91 days relative to each switching brand's
// first switch to milestone pricing), for the switching brands and, stacked at the same dates, for
// the brands that never switched (the stacking of pipelines/policy). Before the switch the two
// lines should move in parallel: that is the assumption the difference-in-differences rests on.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../../pipelines/warehouse/query.ts';

export interface EventTimeRow {
  group: 'treated' | 'control';
  /** Quarter relative to the switch: -1 = the 91 days before it, 0 = the 91 days from it. */
  quarter: number;
  completed: number;
  onTime: number;
  onTimeRate: number | null;
  submitted: number;
  disputed: number;
  disputeRate: number | null;
}

// Explicit GROUP BY: the counts reuse the fact columns' names, which GROUP BY ALL would mix up.
const sql = `
WITH sw AS (
  SELECT brand_id, min(change_date) AS change_date FROM policy_changes
  WHERE to_model = 'milestone' GROUP BY brand_id
),
f AS (
  SELECT brand_id, baseline_due,
    (completed AND slip_days <= $tolerance)::INTEGER AS n_on_time,
    completed::INTEGER AS n_completed,
    (submitted AND disputed)::INTEGER AS n_disputed,
    submitted::INTEGER AS n_submitted
  FROM milestone_facts
),
stacked AS (
  SELECT 'treated' AS grp, f.*, sw.change_date FROM f JOIN sw USING (brand_id)
  UNION ALL
  SELECT 'control' AS grp, f.*, sw.change_date FROM f CROSS JOIN sw
  WHERE f.brand_id NOT IN (SELECT brand_id FROM sw)
),
q AS (
  SELECT grp, floor(datediff('day', change_date, baseline_due) / 91)::INTEGER AS quarter,
    n_on_time, n_completed, n_disputed, n_submitted
  FROM stacked
)
SELECT grp AS "group", quarter,
  sum(n_completed)::INTEGER AS completed, sum(n_on_time)::INTEGER AS "onTime",
  sum(n_submitted)::INTEGER AS submitted, sum(n_disputed)::INTEGER AS disputed
FROM q
WHERE quarter BETWEEN $lo AND $hi
GROUP BY grp, quarter
ORDER BY grp DESC, quarter`;

export interface EventWindow {
  /** Quarters before the switch (quarters -before .. -1). */
  before: number;
  /** Quarters from the switch on (quarters 0 .. after - 1). */
  after: number;
  /** Days after the baseline due date that still count as on time. */
  tolerance?: number;
}

export async function eventTimeRates(
  conn: DuckDBConnection,
  window: EventWindow = { before: 8, after: 6 },
): Promise<EventTimeRow[]> {
  const rows = await queryRows<Omit<EventTimeRow, 'onTimeRate' | 'disputeRate'>>(conn, sql, {
    lo: -window.before,
    hi: window.after - 1,
    tolerance: window.tolerance ?? 0,
  });
  return rows.map((r) => ({
    ...r,
    onTimeRate: r.completed > 0 ? r.onTime / r.completed : null,
    disputeRate: r.submitted > 0 ? r.disputed / r.submitted : null,
  }));
}
