import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlTimestamp } from './token-columns.ts';
import { hashSecret, newSecret } from './token-secret.ts';

export interface NewSession {
  /** The opaque id for the cookie; only its hash is stored. */
  sessionId: string;
  expiresAt: Date;
}

/** Opens a browser session for a (verified) token; expired sessions are swept on the way. */
export async function createSession(
  conn: DuckDBConnection,
  tokenId: string,
  options: { now: Date; ttlSeconds: number },
): Promise<NewSession> {
  const sessionId = newSecret('mps');
  const expiresAt = new Date(options.now.getTime() + options.ttlSeconds * 1000);
  await conn.run(`DELETE FROM api_sessions WHERE expires_at <= $now::TIMESTAMP`, {
    now: sqlTimestamp(options.now),
  });
  await conn.run(
    `INSERT INTO api_sessions (session_hash, token_id, created_at, expires_at)
     VALUES ($hash, $token, $now::TIMESTAMP, $expires::TIMESTAMP)`,
    {
      hash: hashSecret(sessionId),
      token: tokenId,
      now: sqlTimestamp(options.now),
      expires: sqlTimestamp(expiresAt),
    },
  );
  return { sessionId, expiresAt };
}
