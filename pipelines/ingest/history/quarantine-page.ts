import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { queryRow, queryRows } from '../../warehouse/query.ts';

export interface QuarantineRow {
  sourceFile: string;
  sourceLine: number;
  rule: string;
  column: string | null;
  value: string | null;
  message: string;
  rowData: string | null;
}

const where = `q.load_id = $load AND q.load_id IN (
  SELECT load_id FROM loads WHERE $scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], brand_id))
  AND ($rule::VARCHAR IS NULL OR q.rule = $rule)`;

/** Quarantined rows of one load in file order, with the total for paging. */
export async function quarantinePage(
  conn: DuckDBConnection,
  loadId: string,
  page: { limit: number; offset: number; rule?: string | undefined },
  scope: readonly string[] | null = null,
): Promise<{ total: number; rows: QuarantineRow[] }> {
  const params = {
    load: loadId,
    scope: scope ? listValue([...scope]) : null,
    rule: page.rule ?? null,
  };
  const total = await queryRow<{ n: number }>(
    conn,
    `SELECT count(*)::INTEGER AS n FROM quarantine q WHERE ${where}`,
    params,
  );
  const rows = await queryRows<QuarantineRow>(
    conn,
    `SELECT source_file AS "sourceFile", source_line::INTEGER AS "sourceLine", rule, column_name AS "column",
            value, message, row_data::VARCHAR AS "rowData"
     FROM quarantine q WHERE ${where}
     ORDER BY source_line LIMIT $limit OFFSET $offset`,
    { ...params, limit: page.limit, offset: page.offset },
  );
  return { total: total?.n ?? 0, rows };
}

/** Whether the caller may see this load at all (unknown and foreign loads look the same: 404). */
export async function loadVisible(
  conn: DuckDBConnection,
  loadId: string,
  scope: readonly string[] | null = null,
): Promise<boolean> {
  const row = await queryRow<{ n: number }>(
    conn,
    `SELECT count(*)::INTEGER AS n FROM loads WHERE load_id = $load
       AND ($scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], brand_id))`,
    { load: loadId, scope: scope ? listValue([...scope]) : null },
  );
  return (row?.n ?? 0) > 0;
}
