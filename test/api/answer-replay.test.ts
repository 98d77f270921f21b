import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { sendCachedBody } from '../../api/cached-json.ts';
import { answerReplay } from '../../api/middleware/answer-replay.ts';
import { AnswerReplays } from '../../api/replay/answer-replays.ts';
import { createToken } from '../../pipelines/auth/create-token.ts';
import type { BrandScope } from '../../pipelines/kpi/filter-sql.ts';
import { bearer, testToken } from '../support/test-token.ts';
import { twoBrandWarehouse, type TwoBrands } from '../support/two-brand-warehouse.ts';

// The gate's replay of cached answers (api/middleware/answer-replay.ts): it skips routing and the
// handler, never the checks before it, and keys every answer by URL, brand scope and data version.

describe('answerReplay on its own', () => {
  let version = 'v1';
  let runs = 0;
  const app = new Hono();
  app.use('*', async (c, next) => {
    c.set('scope', JSON.parse(c.req.header('X-Scope') ?? 'null') as BrandScope);
    await next();
  });
  app.use('*', answerReplay(new AnswerReplays(async () => version)));
  app.get('/x', (c) => {
    runs += 1;
    const body = { bytes: Buffer.from(JSON.stringify({ run: runs })), etag: `W/"e${runs}"` };
    c.set('cachedAnswer', { body, version });
    return sendCachedBody(c, body);
  });
  const get = (scope: string[] | null, headers: Record<string, string> = {}) =>
    app.request('/x?q=1', { headers: { 'X-Scope': JSON.stringify(scope), ...headers } });

  it('replays an answer for the same URL and scope without running the handler', async () => {
    expect(await (await get(['a'])).json()).toEqual({ run: 1 });
    expect(await (await get(['a'])).json()).toEqual({ run: 1 });
    expect(runs).toBe(1);
  });

  it("never replays one scope's answer to another", async () => {
    expect(await (await get(['b'])).json()).toEqual({ run: 2 });
    expect(await (await get(null)).json()).toEqual({ run: 3 });
    expect(await (await get(['a'])).json()).toEqual({ run: 1 });
  });

  it('answers 304 from the replay when If-None-Match matches', async () => {
    const res = await get(['a'], { 'If-None-Match': 'W/"e1"' });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe('W/"e1"');
    expect(runs).toBe(3);
  });

  it('stops replaying once the data version changes', async () => {
    version = 'v2';
    expect(await (await get(['a'])).json()).toEqual({ run: 4 });
    expect(await (await get(['a'])).json()).toEqual({ run: 4 });
  });
});

describe('answer replay in the app', () => {
  let t: TwoBrands;
  beforeAll(async () => {
    t = await twoBrandWarehouse();
  });
  afterAll(() => t.warehouse.close());
  const app = (rateLimit: { perSecond: number; burst: number } | null = null) =>
    createApp({ warehouse: t.warehouse, version: 'test', log: () => {}, rateLimit });

  it("answers the same URL with each caller's own brands", async () => {
    const api = app();
    const a = bearer(await testToken(t.warehouse, 'viewer', [t.a.brandId]));
    const b = bearer(await testToken(t.warehouse, 'viewer', [t.b.brandId]));
    const path = '/api/cohorts?by=brand';
    for (let i = 0; i < 2; i++) {
      expect(await (await api.request(path, { headers: a })).text()).not.toContain(t.b.brandId);
      const fromB = await (await api.request(path, { headers: b })).text();
      expect(fromB).toContain(t.b.brandId);
      expect(fromB).not.toContain(t.a.brandId);
    }
  });

  it('still refuses a revoked token for an answer it was served before', async () => {
    const api = app();
    const admin = bearer(await testToken(t.warehouse, 'admin'));
    const { token: secret, tokenId: id } = await t.warehouse.withConnection((c) =>
      createToken(c, { name: 'to revoke', role: 'viewer', brands: [t.a.brandId] }, new Date()),
    );
    expect((await api.request('/api/kpis', { headers: bearer(secret) })).status).toBe(200);
    expect(
      (await api.request(`/api/tokens/${id}`, { method: 'DELETE', headers: admin })).status,
    ).toBe(200);
    expect((await api.request('/api/kpis', { headers: bearer(secret) })).status).toBe(401);
  });

  it('still applies the rate limit and the role check to replayable answers', async () => {
    const api = app({ perSecond: 0.001, burst: 2 });
    const viewer = bearer(await testToken(t.warehouse, 'viewer', [t.a.brandId]));
    const codes = [];
    for (let i = 0; i < 3; i++)
      codes.push((await api.request('/api/kpis', { headers: viewer })).status);
    expect(codes).toEqual([200, 200, 429]);
  });

  it('keeps the security headers and request id on a replayed answer', async () => {
    const api = app();
    const viewer = bearer(await testToken(t.warehouse, 'viewer', [t.a.brandId]));
    await api.request('/api/kpis/trend', { headers: viewer });
    const res = await api.request('/api/kpis/trend', { headers: viewer });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('etag')).toMatch(/^W\//);
  });
});
