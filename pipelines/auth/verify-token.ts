import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRow } from '../warehouse/query.ts';
import { markTokenUsed } from './mark-token-used.ts';
import type { Principal } from './principal.ts';
import { principalColumns, toPrincipal, type PrincipalRow } from './principal-row.ts';
import { hashSecret, looksLikeSecret } from './token-secret.ts';

/** The caller a token secret stands for, or null when it is malformed, unknown or revoked. */
export async function verifyToken(
  conn: DuckDBConnection,
  secret: string,
  now: Date,
): Promise<Principal | null> {
  if (!looksLikeSecret(secret, 'mpt')) return null;
  const row = await queryRow<PrincipalRow>(
    conn,
    `SELECT ${principalColumns} FROM api_tokens t
     WHERE t.token_hash = $hash AND t.revoked_at IS NULL`,
    { hash: hashSecret(secret) },
  );
  if (!row) return null;
  await markTokenUsed(conn, row.token_id, now);
  return toPrincipal(row);
}
