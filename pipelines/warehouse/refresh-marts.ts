import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlFile } from './sql-file.ts';

const marts = ['milestone_facts.sql'];

/**
 * Rebuilds the marts from the core tables. Call after every load, inside the load's transaction
 * when there is one, so readers never see core tables and marts that disagree.
 */
export async function refreshMarts(conn: DuckDBConnection): Promise<void> {
  for (const name of marts) {
    await conn.run(sqlFile(new URL('./marts/', import.meta.url), name));
  }
  await conn.run(
    `INSERT OR REPLACE INTO dataset_facts VALUES ('marts_refreshed_at', to_json(now()::VARCHAR))`,
  );
}
