import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRow } from './query.ts';

/** True when at least one load has succeeded, i.e. the warehouse is not fresh. */
export async function hasData(conn: DuckDBConnection): Promise<boolean> {
  const row = await queryRow<{ n: number }>(
    conn,
    `SELECT count(*)::INTEGER AS n FROM loads WHERE status = 'succeeded'`,
  );
  return (row?.n ?? 0) > 0;
}
