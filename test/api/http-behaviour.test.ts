import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { AccessLogEntry } from '../../api/middleware/access-log.ts';
import { inlineScriptHashes } from '../../api/middleware/security-headers.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';
import { twoBrandWarehouse } from '../support/two-brand-warehouse.ts';

describe('headers, ETags, compression, request ids and the access log', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  let token = '';
  const log: AccessLogEntry[] = [];
  beforeAll(async () => {
    wh = (await twoBrandWarehouse()).warehouse;
    app = createApp({
      warehouse: wh,
      version: 'test',
      log: () => {},
      accessLog: (e) => log.push(e),
    });
    token = await testToken(wh, 'analyst', ['alpha']);
  });
  afterAll(() => wh.close());
  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(path, { headers: { ...bearer(token), ...headers } });

  it('sends security headers on API answers, errors and pages', async () => {
    for (const res of [
      await get('/api/filters'),
      await app.request('/api/nope'),
      await app.request('/api/docs'),
    ]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it("allows an HTML page's own inline scripts by hash, and nothing else inline", () => {
    const html = '<p><script>boot()</script><script src="/a.js"></script></p>';
    expect(inlineScriptHashes(html)).toEqual([
      'sha256-MeZS89WlF0u+o0hCvHTBt4q1WHU+U+sJKgbdRUc36mY=',
    ]);
  });

  it('marks API answers private and revalidated', async () => {
    const res = await get('/api/filters');
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('vary')).toMatch(/Authorization/);
  });

  it('answers 304 to If-None-Match with the same ETag, 200 when it differs', async () => {
    const first = await get('/api/filters');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const again = await get('/api/filters', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await get('/api/filters', { 'If-None-Match': 'W/"other"' })).status).toBe(200);
    // Another brand's answer is another body, so another ETag.
    const admin = await testToken(wh, 'admin');
    const wide = await app.request('/api/filters', {
      headers: { ...bearer(admin), 'If-None-Match': etag },
    });
    expect(wide.status).toBe(200);
  });

  it('gzips JSON for clients that accept it, not for those that do not', async () => {
    const zipped = await get('/api/openapi.json', { 'Accept-Encoding': 'gzip' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const body = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8');
    expect(JSON.parse(body)).toHaveProperty('openapi', '3.1.0');
    const plain = await get('/api/openapi.json');
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('does not compress what is compressed already (PNG)', async () => {
    const png = await app.request('/api/docs/favicon-32x32.png', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-encoding')).toBeNull();
  });

  it('keeps a well-formed X-Request-Id and replaces a malformed one', async () => {
    expect((await get('/api/me', { 'X-Request-Id': 'abc-123' })).headers.get('x-request-id')).toBe(
      'abc-123',
    );
    const bad = (await get('/api/me', { 'X-Request-Id': 'a b<script>' })).headers.get(
      'x-request-id',
    );
    expect(bad).toMatch(/^[0-9a-f-]{36}$/);
    expect((await get('/api/me')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one structured line per request, with the token id and never the token', async () => {
    log.splice(0);
    await get('/api/filters', { 'X-Request-Id': 'req-1' });
    await app.request(`/auth/signin?token=${token}`);
    await app.request('/api/filters');
    expect(log).toHaveLength(3);
    expect(log[0]).toMatchObject({
      method: 'GET',
      path: '/api/filters',
      status: 200,
      requestId: 'req-1',
      msg: 'request',
    });
    expect(log[0]?.tokenId).toMatch(/^tok_/);
    expect(typeof log[0]?.ms).toBe('number');
    expect(log[1]).toMatchObject({ path: '/auth/signin', status: 303 });
    expect(log[2]).toMatchObject({ status: 401, tokenId: null, level: 'warn' });
    expect(JSON.stringify(log)).not.toContain(token);
  });
});

describe('rate limit', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  let ms = 0;
  const tokens: string[] = [];
  beforeAll(async () => {
    wh = (await twoBrandWarehouse()).warehouse;
    app = createApp({
      warehouse: wh,
      version: 'test',
      log: () => {},
      rateLimit: { perSecond: 2, burst: 3 },
      now: () => new Date(ms),
    });
    tokens.push(await testToken(wh, 'admin'), await testToken(wh, 'viewer', ['alpha']));
  });
  afterAll(() => wh.close());
  const me = (t: string) => app.request('/api/me', { headers: bearer(t) });

  it('lets a burst through, then answers 429 with Retry-After, and refills over time', async () => {
    ms = 1_000_000;
    for (let i = 0; i < 3; i += 1) expect((await me(tokens[0]!)).status).toBe(200);
    const limited = await me(tokens[0]!);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Each token has its own bucket; public paths have none.
    expect((await me(tokens[1]!)).status).toBe(200);
    for (let i = 0; i < 5; i += 1) expect((await app.request('/api/health')).status).toBe(200);
    ms += 500;
    expect((await me(tokens[0]!)).status).toBe(200);
    expect((await me(tokens[0]!)).status).toBe(429);
  });
});
