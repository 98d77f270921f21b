import type { DuckDBConnection } from '@duckdb/node-api';
import { pickUsedParams, type Params } from '../../warehouse/query.ts';

/** Columns of a query result as typed arrays (numbers) and string arrays (text). */
export interface Columns {
  n: number;
  numeric: Map<string, Float64Array>;
  text: Map<string, (string | null)[]>;
}

/**
 * Runs `sql` and returns its columns column-wise: the models read millions of values, and row
 * objects would cost more than the query. Numeric columns must be cast to DOUBLE in the SQL;
 * every other column is read as text.
 */
export async function readColumns(
  conn: DuckDBConnection,
  sql: string,
  params: Params,
  numericNames: readonly string[],
): Promise<Columns> {
  const reader = await conn.runAndReadAll(sql, pickUsedParams(sql, params));
  const cols = reader.getColumnsObjectJS();
  const numeric = new Map<string, Float64Array>();
  const text = new Map<string, (string | null)[]>();
  const wanted = new Set(numericNames);
  let n = 0;
  for (const [name, values] of Object.entries(cols)) {
    n = values.length;
    if (wanted.has(name)) numeric.set(name, toFloat64(values));
    else
      text.set(
        name,
        values.map((v) => (v === null || v === undefined ? null : String(v))),
      );
  }
  return { n, numeric, text };
}

function toFloat64(values: readonly unknown[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] =
      typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v == null ? NaN : Number(v);
  }
  return out;
}
