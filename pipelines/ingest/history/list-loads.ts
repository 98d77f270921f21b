import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../../warehouse/query.ts';

export interface LoadRow {
  loadId: string;
  source: string;
  mapping: string | null;
  brandId: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'succeeded' | 'failed';
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  asOf: string | null;
  message: string | null;
}

const sql = `
SELECT load_id AS "loadId", source, mapping, brand_id AS "brandId",
       strftime(started_at, '%Y-%m-%dT%H:%M:%SZ') AS "startedAt",
       strftime(finished_at, '%Y-%m-%dT%H:%M:%SZ') AS "finishedAt", status,
       rows_read::INTEGER AS read, rows_inserted::INTEGER AS inserted, rows_updated::INTEGER AS updated,
       rows_unchanged::INTEGER AS unchanged, rows_quarantined::INTEGER AS quarantined,
       as_of_date AS "asOf", message
FROM loads
WHERE ($scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], brand_id))
ORDER BY started_at DESC, load_id DESC
LIMIT $limit OFFSET $offset`;

/** Load history, newest first; a brand-scoped caller sees only its brands' loads. */
export function listLoads(
  conn: DuckDBConnection,
  page: { limit: number; offset: number },
  scope: readonly string[] | null = null,
): Promise<LoadRow[]> {
  return queryRows<LoadRow>(conn, sql, {
    scope: scope ? listValue([...scope]) : null,
    limit: page.limit,
    offset: page.offset,
  });
}
