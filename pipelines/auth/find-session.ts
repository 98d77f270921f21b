import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRow } from '../warehouse/query.ts';
import { markTokenUsed } from './mark-token-used.ts';
import type { Principal } from './principal.ts';
import { principalColumns, toPrincipal, type PrincipalRow } from './principal-row.ts';
import { sqlTimestamp } from './token-columns.ts';
import { hashSecret, looksLikeSecret } from './token-secret.ts';

/** The caller behind a session cookie: null when unknown, expired, or its token was revoked. */
export async function findSession(
  conn: DuckDBConnection,
  sessionId: string,
  now: Date,
): Promise<Principal | null> {
  if (!looksLikeSecret(sessionId, 'mps')) return null;
  const row = await queryRow<PrincipalRow>(
    conn,
    `SELECT ${principalColumns} FROM api_sessions s JOIN api_tokens t USING (token_id)
     WHERE s.session_hash = $hash AND s.expires_at > $now::TIMESTAMP AND t.revoked_at IS NULL`,
    { hash: hashSecret(sessionId), now: sqlTimestamp(now) },
  );
  if (!row) return null;
  await markTokenUsed(conn, row.token_id, now);
  return toPrincipal(row);
}
