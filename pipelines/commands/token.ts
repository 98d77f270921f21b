import { parseArgs } from 'node:util';
import { createToken } from '../auth/create-token.ts';
import { listTokens } from '../auth/list-tokens.ts';
import { revokeToken } from '../auth/revoke-token.ts';
import { Role } from '../auth/roles.ts';
import { TokenError } from '../auth/token-error.ts';
import { readConfig } from '../config.ts';
import type { TokenInfo } from '../schema/auth.ts';
import { openWarehouse } from '../warehouse/warehouse.ts';
import { UsageError, type Command } from './command.ts';
import { signInUrl } from '../auth/sign-in-url.ts';

const usage = [
  'milepost token create --role viewer|planner|analyst|admin --brand ID[,ID...]|all [--name TEXT] [--db PATH]',
  '       milepost token list [--db PATH]',
  '       milepost token revoke <token-id> [--db PATH]',
].join('\n');

// Tokens live in the warehouse, which only one process may open for writing: with the server
// running, use the admin endpoints (/api/tokens) instead.
export const tokenCommand: Command = {
  name: 'token',
  summary: 'Create, list or revoke API tokens (roles and brand scopes: docs/api.md)',
  usage,
  async run(args) {
    const [verb, ...rest] = args;
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        brand: { type: 'string' },
        name: { type: 'string' },
        db: { type: 'string' },
      },
    });
    const warehouse = await openWarehouse(values.db ?? readConfig(process.env).dbPath);
    try {
      return await warehouse.withConnection(async (conn) => {
        if (verb === 'create') {
          const spec = tokenSpec(values);
          printCreated(await createToken(conn, spec, new Date()));
        } else if (verb === 'list') {
          printList(await listTokens(conn));
        } else if (verb === 'revoke') {
          if (!positionals[0])
            throw new UsageError('name the token id (see `milepost token list`)');
          const t = await revokeToken(conn, positionals[0], new Date());
          console.log(`Revoked ${t.tokenId} (${t.name}); its sessions are signed out.`);
        } else {
          throw new UsageError(`unknown action '${verb ?? ''}': create, list or revoke`);
        }
        return 0;
      });
    } catch (err) {
      if (err instanceof TokenError) throw new UsageError(err.message);
      throw err;
    } finally {
      await warehouse.close();
    }
  },
};

function tokenSpec(values: { role?: string; brand?: string; name?: string }) {
  const role = Role.safeParse(values.role);
  if (!role.success) throw new UsageError(`--role must be one of ${Role.options.join(', ')}`);
  if (!values.brand && role.data !== 'admin')
    throw new UsageError('--brand is required (one or more brand ids, comma-separated)');
  const all = !values.brand || values.brand === 'all';
  const brands = all
    ? null
    : values
        .brand!.split(',')
        .map((b) => b.trim())
        .filter(Boolean);
  if (brands && brands.length === 0) throw new UsageError('--brand names no brand');
  const name =
    values.name?.trim() || `${role.data} for ${brands ? brands.join(', ') : 'all brands'}`;
  return { role: role.data, brands, name };
}

function printCreated(t: TokenInfo & { token: string }): void {
  console.log(`Created ${t.tokenId}: ${t.role} for ${brandText(t.brands)} (${t.name})`);
  console.log(`Token (shown once, store it now): ${t.token}`);
  console.log(`Sign-in URL: ${signInUrl(readConfig(process.env), t.token)}`);
}

function printList(tokens: TokenInfo[]): void {
  if (tokens.length === 0) return void console.log('No tokens yet.');
  for (const t of tokens) {
    const state = t.revokedAt ? `revoked ${t.revokedAt}` : 'active';
    const used = t.lastUsedAt ? `last used ${t.lastUsedAt}` : 'never used';
    console.log(
      `${t.tokenId}  ${t.role.padEnd(7)}  ${brandText(t.brands).padEnd(20)}  ${state}, ${used}, created ${t.createdAt}  ${t.name}`,
    );
  }
}

function brandText(brands: readonly string[] | null): string {
  return brands ? brands.join(',') : 'all brands';
}
