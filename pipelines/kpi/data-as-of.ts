import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRow } from '../warehouse/query.ts';

/** The status date of the data: the as-of date of the newest successful load. */
export async function dataAsOf(conn: DuckDBConnection): Promise<string | null> {
  const row = await queryRow<{ as_of: string | null }>(
    conn,
    `SELECT max(as_of_date) AS as_of FROM loads WHERE status = 'succeeded'`,
  );
  return row?.as_of ?? null;
}
