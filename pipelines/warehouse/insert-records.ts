import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { queryRow } from './query.ts';
import { recordSpecs, type RecordKind, type TableSpec } from './record-tables.ts';

export type RecordBatch = {
  [K in RecordKind]?: (typeof recordSpecs)[K] extends TableSpec<infer R> ? R[] : never;
};

// Tables whose rows carry the load that wrote them.
const withoutLoadId = new Set<string>(['milestone_dependencies', 'policy_changes', 'fx_rates']);

/**
 * Inserts already-validated canonical records with one multi-row INSERT per chunk, values as
 * parameters. Meant for records that arrive in JS in small numbers (tests, API uploads of a
 * plan); bulk loads stage files with DuckDB's readers or the appender instead.
 */
export async function insertRecords(
  conn: DuckDBConnection,
  batch: RecordBatch,
  loadId: string | null = null,
): Promise<void> {
  const ids = (batch.milestones ?? []).map((m) => m.milestoneId);
  if (ids.length > 0) await assertNewMilestoneIds(conn, ids);
  for (const kind of Object.keys(recordSpecs) as RecordKind[]) {
    const rows = (batch[kind] ?? []) as unknown[];
    if (rows.length === 0) continue;
    const spec = recordSpecs[kind] as unknown as TableSpec<unknown>;
    await insertChunked(conn, spec, rows, withoutLoadId.has(spec.table) ? undefined : loadId);
  }
}

// `milestones` has no key constraint (data/schema/005: the importer's merge keeps one row per key
// itself), so its other writers check, and throw as the constraint did.

/** Before inserting: refuses ids that repeat or that the warehouse already has. */
async function assertNewMilestoneIds(conn: DuckDBConnection, ids: readonly string[]) {
  const seen = new Set<string>();
  const repeated = ids.find((id) => seen.size === seen.add(id).size);
  const existing = await queryRow<{ id: string }>(
    conn,
    `SELECT milestone_id AS id FROM milestones WHERE milestone_id IN (SELECT unnest($ids::VARCHAR[])) LIMIT 1`,
    { ids: listValue([...ids]) },
  );
  const id = repeated ?? existing?.id;
  if (id !== undefined) throw new Error(`duplicate key: milestone "${id}" exists already`);
}

/** After a bulk write, inside its transaction: refuses a key with more than one row. */
export async function assertUniqueMilestones(conn: DuckDBConnection): Promise<void> {
  const dup = await queryRow<{ id: string }>(
    conn,
    `SELECT milestone_id AS id FROM milestones GROUP BY milestone_id HAVING count(*) > 1 LIMIT 1`,
  );
  if (dup) throw new Error(`duplicate key: milestone "${dup.id}" has more than one row`);
}

async function insertChunked(
  conn: DuckDBConnection,
  spec: TableSpec<unknown>,
  rows: unknown[],
  loadId: string | null | undefined,
): Promise<void> {
  const cols = spec.columns.map((c) => c.name);
  if (loadId !== undefined) cols.push('load_id');
  const chunk = 500;
  for (let start = 0; start < rows.length; start += chunk) {
    const params: Record<string, string | number | null> = {};
    const tuples = rows.slice(start, start + chunk).map((row, i) => {
      const values = spec.columns.map((c, j) => {
        params[`p${i}_${j}`] = c.get(row);
        return `$p${i}_${j}${c.kind === 'date' ? '::DATE' : c.kind === 'json' ? '::JSON' : ''}`;
      });
      if (loadId !== undefined) {
        params[`p${i}_l`] = loadId;
        values.push(`$p${i}_l`);
      }
      return `(${values.join(', ')})`;
    });
    await conn.run(
      `INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
}
