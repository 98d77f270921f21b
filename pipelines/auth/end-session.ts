import type { DuckDBConnection } from '@duckdb/node-api';
import { hashSecret } from './token-secret.ts';

/** Ends one session (sign-out). Unknown ids are ignored: signing out twice is fine. */
export async function endSession(conn: DuckDBConnection, sessionId: string): Promise<void> {
  await conn.run(`DELETE FROM api_sessions WHERE session_hash = $hash`, {
    hash: hashSecret(sessionId),
  });
}
