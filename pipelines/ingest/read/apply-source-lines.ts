import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../parse/sql-quote.ts';
import { queryRow } from '../../warehouse/query.ts';
import { setSourceLinesSql, type LineRule } from './source-line-sql.ts';

/**
 * Sets `source_line` (or `column`, a trusted identifier) on every row of a freshly read table (see
 * setSourceLinesSql).
 */
export async function applySourceLines(
  conn: DuckDBConnection,
  table: string,
  rule: LineRule,
  column?: string,
): Promise<void> {
  const row = await queryRow<{ first: string | null }>(
    conn,
    `SELECT min(rowid)::VARCHAR AS first FROM ${quoteIdent(table)}`,
  );
  if (row?.first === null || row?.first === undefined) return; // no rows
  await conn.run(setSourceLinesSql(table, BigInt(row.first), rule, column));
}
