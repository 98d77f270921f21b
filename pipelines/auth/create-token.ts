import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { CreatedToken, NewToken } from '../schema/auth.ts';
import { queryRow, queryRows } from '../warehouse/query.ts';
import { sqlTimestamp, tokenInfoColumns, type TokenRow } from './token-columns.ts';
import { TokenError } from './token-error.ts';
import { hashSecret, newId, newSecret } from './token-secret.ts';

/**
 * Creates a token and returns it with its secret, which is never stored (only its hash) and so can
 * be shown only now. Brands must exist: a typo would otherwise give an empty dashboard, silently.
 */
export async function createToken(
  conn: DuckDBConnection,
  spec: NewToken,
  now: Date,
): Promise<CreatedToken> {
  const brands = spec.brands ? [...new Set(spec.brands)] : null;
  if (brands === null && spec.role !== 'admin') {
    throw new TokenError('invalid_brands', `A ${spec.role} token needs one or more brands`);
  }
  if (brands) await assertBrandsExist(conn, brands);
  const secret = newSecret('mpt');
  const tokenId = newId('tok');
  await conn.run(
    `INSERT INTO api_tokens (token_id, name, role, brands, token_hash, created_at)
     VALUES ($id, $name, $role, $brands::VARCHAR[], $hash, $now::TIMESTAMP)`,
    {
      id: tokenId,
      name: spec.name,
      role: spec.role,
      brands: brands ? listValue(brands) : null,
      hash: hashSecret(secret),
      now: sqlTimestamp(now),
    },
  );
  const row = await queryRow<TokenRow>(
    conn,
    `SELECT ${tokenInfoColumns} FROM api_tokens t WHERE t.token_id = $id`,
    { id: tokenId },
  );
  return { ...(row as TokenRow), token: secret };
}

async function assertBrandsExist(conn: DuckDBConnection, brands: string[]): Promise<void> {
  const missing = await queryRows<{ id: string }>(
    conn,
    `SELECT unnest($brands::VARCHAR[]) AS id EXCEPT SELECT brand_id FROM brands ORDER BY id`,
    { brands: listValue(brands) },
  );
  if (missing.length) {
    const ids = missing.map((m) => m.id).join(', ');
    throw new TokenError('unknown_brand', `No brand ${ids} in the warehouse`);
  }
}
