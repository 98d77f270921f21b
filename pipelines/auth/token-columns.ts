import type { TokenInfo } from '../schema/auth.ts';

/** The SELECT list that reads an api_tokens row (alias t) as a TokenInfo. */
export const tokenInfoColumns = `
  t.token_id AS "tokenId", t.name, t.role, t.brands,
  strftime(t.created_at, '%Y-%m-%dT%H:%M:%SZ') AS "createdAt",
  strftime(t.last_used_at, '%Y-%m-%dT%H:%M:%SZ') AS "lastUsedAt",
  strftime(t.revoked_at, '%Y-%m-%dT%H:%M:%SZ') AS "revokedAt"`;

export type TokenRow = TokenInfo;

/** A JS Date as the naive UTC TIMESTAMP text the tables hold. */
export function sqlTimestamp(at: Date): string {
  return at.toISOString().replace('T', ' ').replace('Z', '');
}
