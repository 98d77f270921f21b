import type { DuckDBConnection } from '@duckdb/node-api';
import type { TokenInfo } from '../schema/auth.ts';
import { queryRows } from '../warehouse/query.ts';
import { tokenInfoColumns } from './token-columns.ts';

/** Every token, newest first, revoked ones included (they say who could see what). */
export function listTokens(conn: DuckDBConnection): Promise<TokenInfo[]> {
  return queryRows<TokenInfo>(
    conn,
    `SELECT ${tokenInfoColumns} FROM api_tokens t ORDER BY t.created_at DESC, t.token_id`,
  );
}

/** Whether any token can still be used (first start creates an admin token when none can). */
export async function hasActiveToken(conn: DuckDBConnection): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(
    conn,
    `SELECT count(*)::INTEGER AS n FROM api_tokens WHERE revoked_at IS NULL`,
  );
  return (rows[0]?.n ?? 0) > 0;
}
