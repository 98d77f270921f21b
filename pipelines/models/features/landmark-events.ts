import type { DuckDBConnection } from '@duckdb/node-api';
import type { MilestoneTable } from './milestone-table.ts';
import { readColumns } from './read-columns.ts';

/**
 * The submissions and revision requests known on asOf, per row of a milestone table (compressed
 * rows: the events of row r are `day[first[r]] .. day[first[r + 1] - 1]`, in date order), and
 * each row's start (the recorded actual start when known by asOf, else the planned start).
 */
export interface LandmarkEvents {
  startDay: Float64Array;
  first: Int32Array;
  day: Float64Array;
  /** 1 for revision_requested, 0 for submitted. */
  revision: Uint8Array;
}

// Runs on the connection that built the table (model_features is a temp table). Each event
// names its milestone by table row: milestoneTable's rows are model_features in this order (a
// total order: ids are unique), so no id string is read back per event.
const eventsSql = `
WITH f AS (
  SELECT milestone_id, planned_start,
    (row_number() OVER (ORDER BY planned_start, brand_id, milestone_id) - 1)::DOUBLE AS table_row
  FROM model_features)
SELECT f.table_row,
  (coalesce(CASE WHEN a.actual_start <= $asOf::DATE THEN a.actual_start END, f.planned_start)
    - DATE '1970-01-01')::DOUBLE AS start_day,
  (e.event_date - DATE '1970-01-01')::DOUBLE AS event_day,
  (e.kind = 'revision_requested')::DOUBLE AS revision
FROM f
JOIN milestone_facts a ON a.milestone_id = f.milestone_id
LEFT JOIN milestone_events e ON e.milestone_id = f.milestone_id
  AND e.kind IN ('submitted', 'revision_requested') AND e.event_date <= $asOf::DATE
ORDER BY f.table_row, event_day`;

const eventColumns = ['table_row', 'start_day', 'event_day', 'revision'];

/**
 * Reads the landmark events of `table`, built by milestoneTable on the same connection from every
 * row of model_features (not a few milestone ids).
 */
export async function landmarkEvents(
  conn: DuckDBConnection,
  table: MilestoneTable,
  asOf: string,
): Promise<LandmarkEvents> {
  const cols = await readColumns(conn, eventsSql, { asOf }, eventColumns);
  const [row, start, day, revision] = eventColumns.map(
    (k) => cols.numeric.get(k) ?? new Float64Array(cols.n),
  );
  const rowOf = Int32Array.from(row!);
  if (rowOf.some((r) => r >= table.n)) {
    throw new Error('landmark events need the table of every milestone in model_features');
  }
  return groupEvents(table.n, rowOf, start!, day!, revision!);
}

/** Events (one per entry, NaN day = none) grouped by table row, keeping their order. */
export function groupEvents(
  n: number,
  rowOf: Int32Array,
  start: Float64Array,
  day: Float64Array,
  revision: Float64Array,
): LandmarkEvents {
  const startDay = new Float64Array(n).fill(NaN);
  const first = new Int32Array(n + 1);
  for (let i = 0; i < rowOf.length; i++) {
    const r = rowOf[i] ?? -1;
    if (r < 0) continue;
    startDay[r] = start[i] ?? NaN;
    if (Number.isFinite(day[i])) first[r + 1]! += 1;
  }
  for (let r = 0; r < n; r++) first[r + 1]! += first[r] ?? 0;
  const fill = first.slice(0, n);
  const days = new Float64Array(first[n] ?? 0);
  const kinds = new Uint8Array(days.length);
  for (let i = 0; i < rowOf.length; i++) {
    const r = rowOf[i] ?? -1;
    if (r < 0 || !Number.isFinite(day[i])) continue;
    const at = fill[r]!++;
    days[at] = day[i] ?? NaN;
    kinds[at] = revision[i] ? 1 : 0;
  }
  return { startDay, first, day: days, revision: kinds };
}
