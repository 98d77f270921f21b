import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRow } from './query.ts';

/** The newest trained model's version (data/schema/004_models.sql); null before the first. */
export async function modelVersion(conn: DuckDBConnection): Promise<number | null> {
  const exists = await queryRow<{ n: number }>(
    conn,
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'models' AND NOT temporary`,
  );
  if (!exists?.n) return null;
  const row = await queryRow<{ v: number | null }>(
    conn,
    'SELECT max(version)::INTEGER AS v FROM models',
  );
  return row?.v ?? null;
}
