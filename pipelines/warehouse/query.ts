import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

export type Params = Record<string, DuckDBValue>;
export type JsonRow = Record<string, string | number | boolean | null | JsonRow[] | unknown>;

/**
 * Runs one statement with named parameters (`$name`) and returns JSON-safe rows. Queries cast
 * at the edge (`COUNT(*)::INTEGER`, `amount::DOUBLE`, dates as DATE): DATE comes back as
 * 'YYYY-MM-DD'; BIGINT and DECIMAL would come back as strings, so cast them in SQL.
 */
export async function queryRows<T = JsonRow>(
  conn: DuckDBConnection,
  sql: string,
  params: Params = {},
): Promise<T[]> {
  const used = pickUsedParams(sql, params);
  const reader = await conn.runAndReadAll(sql, used);
  return reader.getRowObjectsJson() as T[];
}

/** The first row, or undefined. */
export async function queryRow<T = JsonRow>(
  conn: DuckDBConnection,
  sql: string,
  params: Params = {},
): Promise<T | undefined> {
  const rows = await queryRows<T>(conn, sql, params);
  return rows[0];
}

/** DuckDB rejects parameters that a statement does not use; callers pass a shared filter object. */
export function pickUsedParams(sql: string, params: Params): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) {
    if (new RegExp(`\\$${k}\\b`).test(sql)) out[k] = v;
  }
  return out;
}
