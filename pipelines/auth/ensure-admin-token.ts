import type { DuckDBConnection } from '@duckdb/node-api';
import type { CreatedToken } from '../schema/auth.ts';
import { createToken } from './create-token.ts';
import { hasActiveToken } from './list-tokens.ts';

/**
 * First start: when no token can be used, creates an all-brands admin token and returns it (with
 * its secret, for the sign-in URL). Otherwise null: secrets are not stored, so they cannot be shown
 * again; `milepost token create` makes a new one.
 */
export async function ensureAdminToken(
  conn: DuckDBConnection,
  now: Date,
): Promise<CreatedToken | null> {
  if (await hasActiveToken(conn)) return null;
  return createToken(conn, { name: 'first-start admin', role: 'admin', brands: null }, now);
}
