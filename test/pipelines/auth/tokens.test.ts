import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../pipelines/auth/create-session.ts';
import { createToken } from '../../../pipelines/auth/create-token.ts';
import { endSession } from '../../../pipelines/auth/end-session.ts';
import { ensureAdminToken } from '../../../pipelines/auth/ensure-admin-token.ts';
import { findSession } from '../../../pipelines/auth/find-session.ts';
import { listTokens } from '../../../pipelines/auth/list-tokens.ts';
import { revokeToken } from '../../../pipelines/auth/revoke-token.ts';
import { signInUrl } from '../../../pipelines/auth/sign-in-url.ts';
import { verifyToken } from '../../../pipelines/auth/verify-token.ts';
import { queryRows } from '../../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../../pipelines/warehouse/warehouse.ts';

const t0 = new Date('2025-03-01T08:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('tokens and sessions', () => {
  let wh: Warehouse;
  beforeEach(async () => {
    wh = await openWarehouse(':memory:');
    await wh.withConnection((c) =>
      c.run(`INSERT INTO brands (brand_id, name) VALUES ('b1', 'One'), ('b2', 'Two')`),
    );
  });
  afterEach(() => wh.close());
  const db = <T>(fn: Parameters<Warehouse['withConnection']>[0]) =>
    wh.withConnection(fn) as Promise<T>;

  it('creates a token whose secret verifies, and stores only its hash', async () => {
    const t = await db<Awaited<ReturnType<typeof createToken>>>((c) =>
      createToken(c, { name: 'cfo', role: 'viewer', brands: ['b1', 'b1'] }, t0),
    );
    expect(t).toMatchObject({ name: 'cfo', role: 'viewer', brands: ['b1'], revokedAt: null });
    expect(t.createdAt).toBe('2025-03-01T08:00:00Z');
    const who = await db((c) => verifyToken(c, t.token, later(120)));
    expect(who).toEqual({ tokenId: t.tokenId, name: 'cfo', role: 'viewer', brands: ['b1'] });
    const stored = await db((c) => queryRows(c, 'SELECT * FROM api_tokens'));
    expect(JSON.stringify(stored)).not.toContain(t.token);
    const [listed] = await db<Awaited<ReturnType<typeof listTokens>>>((c) => listTokens(c));
    expect(listed?.lastUsedAt).toBe('2025-03-01T08:02:00Z');
    expect(listed).not.toHaveProperty('token');
  });

  it('rejects unknown, malformed and revoked secrets', async () => {
    const t = await db<{ token: string; tokenId: string }>((c) =>
      createToken(c, { name: 'x', role: 'admin', brands: null }, t0),
    );
    // Change the last character to one it is not (a token ending in 'A' made this flaky, 1 in 64).
    const tampered = `${t.token.slice(0, -1)}${t.token.endsWith('A') ? 'B' : 'A'}`;
    expect(tampered).not.toBe(t.token);
    expect(await db((c) => verifyToken(c, tampered, t0))).toBeNull();
    expect(await db((c) => verifyToken(c, "mpt_' OR 1=1 --", t0))).toBeNull();
    await db((c) => revokeToken(c, t.tokenId, later(1)));
    expect(await db((c) => verifyToken(c, t.token, later(2)))).toBeNull();
  });

  it('refuses an all-brands token below admin, and brands that do not exist', async () => {
    await expect(
      db((c) => createToken(c, { name: 'x', role: 'planner', brands: null }, t0)),
    ).rejects.toMatchObject({ code: 'invalid_brands' });
    await expect(
      db((c) => createToken(c, { name: 'x', role: 'planner', brands: ['b1', 'b9'] }, t0)),
    ).rejects.toMatchObject({ code: 'unknown_brand', message: 'No brand b9 in the warehouse' });
  });

  it('finds a session until it expires, is signed out or its token is revoked', async () => {
    const t = await db<{ tokenId: string }>((c) =>
      createToken(c, { name: 'p', role: 'planner', brands: ['b2'] }, t0),
    );
    const open = () =>
      db<{ sessionId: string }>((c) => createSession(c, t.tokenId, { now: t0, ttlSeconds: 60 }));
    const s1 = await open();
    expect(s1.sessionId).toMatch(/^mps_/);
    expect(await db((c) => findSession(c, s1.sessionId, later(59)))).toMatchObject({
      brands: ['b2'],
    });
    expect(await db((c) => findSession(c, s1.sessionId, later(60)))).toBeNull();
    const s2 = await open();
    await db((c) => endSession(c, s2.sessionId));
    expect(await db((c) => findSession(c, s2.sessionId, later(1)))).toBeNull();
    const s3 = await open();
    await db((c) => revokeToken(c, t.tokenId, later(1)));
    expect(await db((c) => findSession(c, s3.sessionId, later(2)))).toBeNull();
  });

  it('creates the first admin token once, and again only when none is usable', async () => {
    const first = await db<{ token: string; tokenId: string } | null>((c) =>
      ensureAdminToken(c, t0),
    );
    expect(first).toMatchObject({ role: 'admin', brands: null });
    expect(await db((c) => ensureAdminToken(c, t0))).toBeNull();
    await db((c) => revokeToken(c, first!.tokenId, t0));
    expect(await db((c) => ensureAdminToken(c, t0))).not.toBeNull();
  });

  it('builds a sign-in link that opens locally', () => {
    expect(signInUrl({ host: '127.0.0.1', port: 8787 }, 'mpt_a-b')).toBe(
      'http://127.0.0.1:8787/auth/signin?token=mpt_a-b',
    );
    expect(signInUrl({ host: '0.0.0.0', port: 1 }, 't')).toMatch(/^http:\/\/127\.0\.0\.1:1\//);
    expect(signInUrl({ host: '::1', port: 2 }, 't')).toMatch(/^http:\/\/\[::1\]:2\//);
  });
});
