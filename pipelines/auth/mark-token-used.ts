import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlTimestamp } from './token-columns.ts';

/**
 * Records when a token was last used, at most once a minute, so `token list` can show stale tokens
 * worth revoking. Best effort: two first requests at once may conflict on the row, and a lost
 * timestamp must not fail a request.
 */
export async function markTokenUsed(
  conn: DuckDBConnection,
  tokenId: string,
  now: Date,
): Promise<void> {
  try {
    await conn.run(
      `UPDATE api_tokens SET last_used_at = $now::TIMESTAMP
       WHERE token_id = $id AND (last_used_at IS NULL OR last_used_at < $now::TIMESTAMP - INTERVAL 1 MINUTE)`,
      { id: tokenId, now: sqlTimestamp(now) },
    );
  } catch {
    // see above: a write conflict here only loses a timestamp
  }
}
