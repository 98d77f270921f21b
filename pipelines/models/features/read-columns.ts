import type { DuckDBConnection, DuckDBVector } from '@duckdb/node-api';
import { pickUsedParams, type Params } from '../../warehouse/query.ts';

/** Columns of a query result as typed arrays (numbers) and string arrays (text). */
export interface Columns {
  n: number;
  numeric: Map<string, Float64Array>;
  text: Map<string, (string | null)[]>;
}

/** A Float64Array that doubles its capacity as chunks arrive. */
class GrowingColumn {
  values = new Float64Array(4096);
  ensure(size: number): void {
    if (size <= this.values.length) return;
    const next = new Float64Array(Math.max(size, 2 * this.values.length));
    next.set(this.values);
    this.values = next;
  }
}

function appendNumbers(vector: DuckDBVector, rows: number, col: GrowingColumn, at: number): void {
  col.ensure(at + rows);
  const out = col.values;
  for (let r = 0; r < rows; r++) {
    const v = vector.getItem(r);
    out[at + r] =
      typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v == null ? NaN : Number(v);
  }
}

function appendText(vector: DuckDBVector, rows: number, out: (string | null)[]): void {
  for (let r = 0; r < rows; r++) {
    const v = vector.getItem(r);
    out.push(v === null || v === undefined ? null : typeof v === 'string' ? v : String(v));
  }
}

/**
 * Runs `sql` and returns its columns column-wise: the models read millions of values, and row
 * objects would cost more than the query. Values are read chunk by chunk straight from DuckDB's
 * vectors into the typed arrays (no intermediate JS array per column). Numeric columns must be
 * cast to DOUBLE in the SQL; every other column is read as text.
 */
export async function readColumns(
  conn: DuckDBConnection,
  sql: string,
  params: Params,
  numericNames: readonly string[],
): Promise<Columns> {
  const result = await conn.stream(sql, pickUsedParams(sql, params));
  const names = result.columnNames();
  const wanted = new Set(numericNames);
  const numbers = names.map((name) => (wanted.has(name) ? new GrowingColumn() : null));
  const texts = names.map((name) => (wanted.has(name) ? null : ([] as (string | null)[])));
  let n = 0;
  for (let chunk = await result.fetchChunk(); chunk; chunk = await result.fetchChunk()) {
    const rows = chunk.rowCount;
    if (rows === 0) break;
    for (let c = 0; c < names.length; c++) {
      const vector = chunk.getColumnVector(c);
      const num = numbers[c];
      if (num) appendNumbers(vector, rows, num, n);
      else appendText(vector, rows, texts[c]!);
    }
    n += rows;
  }
  const numeric = new Map<string, Float64Array>();
  const text = new Map<string, (string | null)[]>();
  names.forEach((name, c) => {
    const num = numbers[c];
    if (num) numeric.set(name, num.values.slice(0, n));
    else text.set(name, texts[c]!);
  });
  return { n, numeric, text };
}
