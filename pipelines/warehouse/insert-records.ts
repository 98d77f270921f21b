import type { DuckDBConnection } from '@duckdb/node-api';
import { recordTables, type RecordKind, type TableSpec } from './record-tables.ts';

export type RecordBatch = {
  [K in RecordKind]?: (typeof recordTables)[K] extends TableSpec<infer R> ? R[] : never;
};

/**
 * Inserts already-validated canonical records with one multi-row INSERT per table, values as
 * parameters. Meant for records that arrive in JS in small numbers (tests, API uploads of a
 * plan); bulk loads stage files with DuckDB's readers or the appender instead.
 */
export async function insertRecords(
  conn: DuckDBConnection,
  batch: RecordBatch,
  loadId: string | null = null,
): Promise<void> {
  for (const kind of Object.keys(recordTables) as RecordKind[]) {
    const rows = (batch[kind] ?? []) as unknown[];
    if (rows.length === 0) continue;
    const spec = recordTables[kind] as TableSpec<unknown>;
    await insertChunked(
      conn,
      spec,
      rows,
      kind === 'dependencies' || kind === 'policyChanges' || kind === 'fxRates'
        ? undefined
        : loadId,
    );
  }
}

async function insertChunked(
  conn: DuckDBConnection,
  spec: TableSpec<unknown>,
  rows: unknown[],
  loadId: string | null | undefined,
): Promise<void> {
  const cols = spec.columns.map(([c]) => c);
  if (loadId !== undefined) cols.push('load_id');
  const chunk = 500;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const params: Record<string, string | number | boolean | null> = {};
    const tuples = part.map((row, i) => {
      const values = spec.columns.map(([, kind, get], j) => {
        params[`p${i}_${j}`] = toParam(kind, get(row));
        return `$p${i}_${j}${kind === 'date' ? '::DATE' : kind === 'json' ? '::JSON' : ''}`;
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

function toParam(kind: string, v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (kind === 'json') return JSON.stringify(v);
  return v as string | number | boolean;
}
