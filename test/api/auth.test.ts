import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { scopeOf } from '../../api/scope.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { queryRows } from '../../pipelines/warehouse/query.ts';
import { bearer, testToken } from '../support/test-token.ts';
import { twoBrandWarehouse } from '../support/two-brand-warehouse.ts';

type Body = { error?: { code: string; message: string } } & Record<string, unknown>;

describe('authentication and roles', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  let clock = new Date('2025-01-01T00:00:00Z');
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    wh = (await twoBrandWarehouse()).warehouse;
    app = createApp({ warehouse: wh, version: 'test', log: () => {}, now: () => clock });
    tokens.admin = await testToken(wh, 'admin');
    tokens.scopedAdmin = await testToken(wh, 'admin', ['alpha']);
    tokens.viewer = await testToken(wh, 'viewer', ['alpha']);
    tokens.planner = await testToken(wh, 'planner', ['alpha', 'bravo']);
    tokens.analyst = await testToken(wh, 'analyst', ['alpha']);
  });
  afterAll(() => wh.close());

  const call = async (path: string, init: RequestInit = {}) => {
    const res = await app.request(path, init);
    const text = await res.text();
    return { res, status: res.status, body: (text ? JSON.parse(text) : {}) as Body };
  };
  const as = (who: string, init: RequestInit = {}) => ({
    ...init,
    headers: { ...bearer(tokens[who] ?? who), ...(init.headers as Record<string, string>) },
  });

  it('answers 401 in the error shape without a token, with a challenge', async () => {
    const { res, body } = await call('/api/filters');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(body.error?.code).toBe('unauthorized');
  });

  it.each([
    ['an unknown token', { Authorization: `Bearer mpt_${'x'.repeat(43)}` }],
    ['a malformed token', { Authorization: 'Bearer nope' }],
    ['another scheme', { Authorization: 'Basic dXNlcjpwYXNz' }],
    ['an unknown session', { Cookie: `milepost_session=mps_${'y'.repeat(43)}` }],
  ])('answers 401 invalid for %s', async (_what, headers) => {
    const { status, body } = await call('/api/filters', { headers });
    expect(status).toBe(401);
    expect(['invalid_token', 'unauthorized']).toContain(body.error?.code);
  });

  it('keeps health, the OpenAPI document and the docs public', async () => {
    for (const path of ['/api/health', '/api/openapi.json', '/api/docs']) {
      expect((await app.request(path)).status, path).toBe(200);
    }
  });

  it('answers unknown API paths with 401 before 404, so routes cannot be probed', async () => {
    expect((await call('/api/secret-route')).status).toBe(401);
    expect((await call('/api/secret-route', as('viewer'))).status).toBe(404);
  });

  it('tells the caller who it is', async () => {
    const { status, body } = await call('/api/me', as('viewer'));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      role: 'viewer',
      brands: ['alpha'],
      name: 'test viewer',
      via: 'bearer',
      permissions: ['figures:read'],
      csrfToken: null,
    });
  });

  it.each([
    ['viewer', 'GET', '/api/imports', 403],
    ['viewer', 'GET', '/api/filters', 200],
    ['planner', 'GET', '/api/imports', 200],
    ['analyst', 'GET', '/api/imports', 200],
    ['viewer', 'GET', '/api/tokens', 403],
    ['analyst', 'GET', '/api/tokens', 403],
    ['scopedAdmin', 'GET', '/api/tokens', 403],
    ['admin', 'GET', '/api/tokens', 200],
    ['viewer', 'POST', '/api/imports', 403],
  ])('%s: %s %s answers %i', async (who, method, path, expected) => {
    const { status, body } = await call(path, as(who, { method }));
    expect(status).toBe(expected);
    if (expected === 403) expect(body.error?.code).toBe('forbidden');
  });

  it('manages tokens over the API: created once, listed without secrets, revoked at once', async () => {
    const created = await call(
      '/api/tokens',
      as('admin', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'ops script', role: 'planner', brands: ['bravo'] }),
      }),
    );
    expect(created.status).toBe(201);
    const secret = created.body.token as string;
    expect(secret).toMatch(/^mpt_[\w-]{43}$/);
    expect((await call('/api/me', as(secret))).body).toMatchObject({ brands: ['bravo'] });

    const list = await call('/api/tokens', as('admin'));
    const text = JSON.stringify(list.body);
    expect(text).toContain('ops script');
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/hash/i);

    const id = created.body.tokenId as string;
    const revoked = await call(`/api/tokens/${id}`, as('admin', { method: 'DELETE' }));
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toMatch(/^\d{4}-/);
    expect((await call('/api/me', as(secret))).status).toBe(401);
    expect((await call('/api/tokens/tok_nope', as('admin', { method: 'DELETE' }))).status).toBe(
      404,
    );
  });

  it.each([
    [{ name: 'x', role: 'viewer', brands: null }, 'invalid_brands'],
    [{ name: 'x', role: 'viewer', brands: ['charlie'] }, 'unknown_brand'],
    [{ name: '', role: 'viewer', brands: ['alpha'] }, 'invalid_parameter'],
    [{ name: 'x', role: 'root', brands: null }, 'invalid_parameter'],
  ])('refuses to create %j', async (spec, code) => {
    const { status, body } = await call(
      '/api/tokens',
      as('admin', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(spec),
      }),
    );
    expect(status).toBe(400);
    expect(body.error?.code).toBe(code);
  });

  it('stores only hashes of tokens', async () => {
    const rows = await wh.withConnection((c) =>
      queryRows<{ h: string }>(c, 'SELECT token_hash AS h FROM api_tokens'),
    );
    const stored = JSON.stringify(rows);
    for (const secret of Object.values(tokens)) expect(stored).not.toContain(secret);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.h))).toBe(true);
  });

  it('lets a scoped planner import only for its own brands', async () => {
    const planner = await testToken(wh, 'planner', ['alpha']);
    const upload = (brand: string) => {
      const form = new FormData();
      form.append('file', new Blob(['id,partner,due\nM-NEW,P-ALPHA-1,2024-08-01\n']), 'x.csv');
      form.append(
        'mappingJson',
        JSON.stringify({
          name: 't',
          fields: {
            milestoneId: { column: 'id' },
            partnerId: { column: 'partner' },
            baselineDue: { column: 'due' },
          },
        }),
      );
      form.append('brand', brand);
      form.append('dryRun', 'true');
      return call('/api/imports', as(planner, { method: 'POST', body: form }));
    };
    expect((await upload('alpha')).status).toBe(200);
    const foreign = await upload('bravo');
    expect(foreign.status).toBe(403);
    expect(foreign.body.error?.code).toBe('forbidden_brand');
    expect(foreign.body.error?.message).not.toContain('bravo,');
  });

  it('fails closed when a route reads the scope without authentication', async () => {
    const bare = new Hono().get('/x', (c) => c.json({ scope: scopeOf(c) }));
    bare.onError((err, c) => c.json({ message: err.message }, 500));
    const res = await bare.request('/x');
    expect(res.status).toBe(500);
    expect(((await res.json()) as { message: string }).message).toContain('scopeOf');
  });

  it('expires sessions at their end of life', async () => {
    const signin = await app.request(`/auth/signin?token=${tokens.viewer}`);
    const cookie = signin.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect((await call('/api/me', { headers: { Cookie: cookie } })).status).toBe(200);
    clock = new Date(clock.getTime() + 8 * 24 * 3600 * 1000);
    expect((await call('/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });
});
