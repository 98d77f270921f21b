import type { DuckDBConnection } from '@duckdb/node-api';
import type { TokenInfo } from '../schema/auth.ts';
import { queryRow } from '../warehouse/query.ts';
import { sqlTimestamp, tokenInfoColumns } from './token-columns.ts';
import { TokenError } from './token-error.ts';

/**
 * Revokes a token and ends its sessions. Revoking twice keeps the first time. Callers that cache
 * verified tokens must drop them (the API does; the CLI cannot run beside the server anyway).
 */
export async function revokeToken(
  conn: DuckDBConnection,
  tokenId: string,
  now: Date,
): Promise<TokenInfo> {
  await conn.run('BEGIN TRANSACTION');
  try {
    await conn.run(
      `UPDATE api_tokens SET revoked_at = $now::TIMESTAMP
       WHERE token_id = $id AND revoked_at IS NULL`,
      { id: tokenId, now: sqlTimestamp(now) },
    );
    await conn.run(`DELETE FROM api_sessions WHERE token_id = $id`, { id: tokenId });
    await conn.run('COMMIT');
  } catch (err) {
    await conn.run('ROLLBACK');
    throw err;
  }
  const row = await queryRow<TokenInfo>(
    conn,
    `SELECT ${tokenInfoColumns} FROM api_tokens t WHERE t.token_id = $id`,
    { id: tokenId },
  );
  if (!row) throw new TokenError('not_found', `No token ${tokenId}`);
  return row;
}
