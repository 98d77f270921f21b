import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRow } from './query.ts';

/**
 * The warehouse's data version: a new value after every refresh of the marts, so after every load
 * (marts/data_version.sql writes it in the marts' transaction, right after the load's). Null
 * before the first load. The API reads it through currentDataVersion (./marts-queue.ts), which
 * first rebuilds marts that are behind the core tables.
 * In-process caches key their answers by it, so a load makes every cached answer stale at once.
 */
export async function readDataVersion(conn: DuckDBConnection): Promise<string | null> {
  const row = await queryRow<{ v: string | null }>(
    conn,
    `SELECT json_extract_string(value, '$') AS v FROM dataset_facts WHERE key = 'data_version'`,
  );
  return row?.v ?? null;
}
