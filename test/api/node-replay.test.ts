import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp, type ServerApp } from '../../api/app.ts';
import { listen } from '../../api/listen.ts';
import type { AccessLogEntry } from '../../api/middleware/access-log.ts';
import type { RateLimit } from '../../api/middleware/token-bucket.ts';
import { createToken } from '../../pipelines/auth/create-token.ts';
import { bearer, testToken } from '../support/test-token.ts';
import { twoBrandWarehouse, type TwoBrands } from '../support/two-brand-warehouse.ts';

// The server's replay of cached answers (api/replay/node-replay.ts), over real sockets: what it
// serves is what the app would answer, and it never skips a check the app's gate makes.

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
        resolve({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject).end();
  });
}

/** Headers that differ between any two answers; the rest must be the same. */
function steady(h: Record<string, string>): Record<string, string> {
  const { date: _d, 'x-request-id': _r, connection: _c, 'keep-alive': _k, ...rest } = h;
  // The app streams gzip (no length); the replay knows it.
  if (rest['content-encoding']) delete rest['content-length'];
  delete rest['transfer-encoding'];
  return rest;
}

describe('the replay of cached answers at the node:http layer', () => {
  let t: TwoBrands;
  const servers: Server[] = [];
  beforeAll(async () => {
    t = await twoBrandWarehouse();
  });
  afterAll(async () => {
    for (const s of servers) await new Promise((r) => s.close(r));
    await t.warehouse.close();
  });

  /** A listening server; `served` records, per request, whether the replay answered it. */
  async function start(rateLimit: RateLimit | null = null) {
    const log: AccessLogEntry[] = [];
    const served: boolean[] = [];
    const built = createServerApp({
      warehouse: t.warehouse,
      version: 'test',
      log: () => {},
      accessLog: (e) => log.push(e),
      rateLimit,
    });
    const spied: ServerApp = {
      app: built.app,
      replay: async (req, res) => {
        const done = await built.replay(req, res);
        served.push(done);
        return done;
      },
    };
    const server = await new Promise<Server>((resolve) => {
      const s = listen(spied, { port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
    });
    servers.push(server);
    const port = (server.address() as AddressInfo).port;
    return { port, app: built.app, log, served };
  }

  it('answers a repeated GET itself, with the same status, headers and bytes as the app', async () => {
    const s = await start();
    const viewer = bearer(await testToken(t.warehouse, 'viewer', [t.a.brandId]));
    const path = '/api/kpis/trend?from=2024-01';
    const first = await get(s.port, path, viewer);
    const again = await get(s.port, path, viewer);
    expect(s.served).toEqual([false, true]);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.equals(first.body)).toBe(true);
    expect(steady(again.headers)).toEqual(steady(first.headers));
    expect(again.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(again.headers['x-content-type-options']).toBe('nosniff');
    expect(again.headers['x-request-id']).toMatch(/^[\w-]{36}$/);
    expect(again.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it('answers 304 to a matching If-None-Match, as the app does', async () => {
    const s = await start();
    const viewer = bearer(await testToken(t.warehouse, 'viewer', [t.a.brandId]));
    const path = '/api/kpis';
    const etag = (await get(s.port, path, viewer)).headers.etag ?? '';
    const replayed = await get(s.port, path, { ...viewer, 'If-None-Match': etag });
    const fromApp = await s.app.request(path, { headers: { ...viewer, 'If-None-Match': etag } });
    expect(s.served).toEqual([false, true]);
    expect(replayed.status).toBe(304);
    expect(replayed.body.length).toBe(0);
    expect(fromApp.status).toBe(304);
    expect(steady(replayed.headers)).toEqual(steady(Object.fromEntries(fromApp.headers)));
  });

  it('compresses exactly when the app would, with the encoding the app would pick', async () => {
    const s = await start();
    const viewer = bearer(await testToken(t.warehouse, 'viewer', [t.a.brandId]));
    const path = '/api/cohorts?by=cohortMonth,milestoneType';
    const plain = await get(s.port, path, viewer);
    expect(plain.body.length).toBeGreaterThan(1024);
    const accepts = [
      'gzip',
      'gzip, deflate, br',
      'br',
      '*',
      'gzip;q=0',
      'deflate;q=0.4, gzip;q=0.5',
    ];
    const toApp = ['deflate', 'gzip;q=0.5, deflate', 'deflate;q=0.5, gzip;q=0.4'];
    for (const accept of [...accepts, ...toApp]) {
      const replayed = await get(s.port, path, { ...viewer, 'Accept-Encoding': accept });
      const fromApp = await s.app.request(path, {
        headers: { ...viewer, 'Accept-Encoding': accept },
      });
      const encoding = replayed.headers['content-encoding'];
      expect(encoding, accept).toBe(fromApp.headers.get('content-encoding') ?? undefined);
      const body = encoding === 'gzip' ? gunzipSync(replayed.body) : replayed.body;
      if (encoding !== 'deflate') expect(body.equals(plain.body), accept).toBe(true);
    }
    // deflate is left to the app; everything else is replayed.
    expect(s.served).toEqual([false, ...accepts.map(() => true), ...toApp.map(() => false)]);
  });

  it("never answers one brand scope with another's answer", async () => {
    const s = await start();
    const a = bearer(await testToken(t.warehouse, 'viewer', [t.a.brandId]));
    const b = bearer(await testToken(t.warehouse, 'viewer', [t.b.brandId]));
    const path = '/api/cohorts?by=brand';
    for (let i = 0; i < 2; i++) {
      expect((await get(s.port, path, a)).body.toString()).not.toContain(t.b.brandId);
      const fromB = (await get(s.port, path, b)).body.toString();
      expect(fromB).toContain(t.b.brandId);
      expect(fromB).not.toContain(t.a.brandId);
    }
    expect(s.served).toEqual([false, false, true, true]);
  });

  it('refuses a revoked token even for an answer it was replayed before', async () => {
    const s = await start();
    const admin = bearer(await testToken(t.warehouse, 'admin'));
    const { token, tokenId } = await t.warehouse.withConnection((c) =>
      createToken(c, { name: 'to revoke', role: 'viewer', brands: [t.a.brandId] }, new Date()),
    );
    expect((await get(s.port, '/api/kpis', bearer(token))).status).toBe(200);
    expect((await get(s.port, '/api/kpis', bearer(token))).status).toBe(200);
    const revoked = await s.app.request(`/api/tokens/${tokenId}`, {
      method: 'DELETE',
      headers: admin,
    });
    expect(revoked.status).toBe(200);
    const refused = await get(s.port, '/api/kpis', bearer(token));
    expect(refused.status).toBe(401);
    expect((await get(s.port, '/api/kpis')).status).toBe(401);
    expect(s.served).toEqual([false, true, false, false]);
  });

  it('counts replayed requests against the rate limit, once each', async () => {
    const s = await start({ perSecond: 0.001, burst: 3 });
    const viewer = bearer(await testToken(t.warehouse, 'viewer', [t.a.brandId]));
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await get(s.port, '/api/kpis', viewer));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers[3]?.headers['retry-after']).toBeTruthy();
    expect(s.served).toEqual([false, true, true, false]);
  });

  it('logs a replayed request as the app logs it, with the caller and request id', async () => {
    const s = await start();
    const viewer = bearer(await testToken(t.warehouse, 'viewer', [t.a.brandId]));
    await get(s.port, '/api/kpis?from=2024-02', viewer);
    const res = await get(s.port, '/api/kpis?from=2024-02', { ...viewer, 'X-Request-Id': 'r-1' });
    expect(res.headers['x-request-id']).toBe('r-1');
    const odd = await get(s.port, '/api/kpis?from=2024-02', { ...viewer, 'X-Request-Id': 'a b' });
    expect(odd.headers['x-request-id']).toMatch(/^[\w-]{36}$/);
    expect(s.served).toEqual([false, true, true]);
    const [fromApp, replayed] = s.log;
    expect(replayed).toMatchObject({ level: 'info', method: 'GET', path: '/api/kpis' });
    expect(replayed).toMatchObject({ status: 200, requestId: 'r-1' });
    expect(replayed?.tokenId).toBe(fromApp?.tokenId);
    expect(replayed?.tokenId).toMatch(/^tok_/);
    expect(Object.keys(replayed ?? {})).toEqual(Object.keys(fromApp ?? {}));
  });

  it('replays for a dashboard session, and leaves unusual requests to the app', async () => {
    const s = await start();
    const signin = await s.app.request(
      `/auth/signin?token=${await testToken(t.warehouse, 'viewer', [t.a.brandId])}`,
    );
    const cookie = signin.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const path = '/api/kpis?from=2024-03';
    expect((await get(s.port, path, { Cookie: cookie })).status).toBe(200);
    expect((await get(s.port, path, { Cookie: cookie })).status).toBe(200);
    // Percent-encoded, dot segments: the app normalises them; the replay does not guess.
    expect((await get(s.port, '/api/kpis?from=2024%2D03', { Cookie: cookie })).status).toBe(200);
    expect((await get(s.port, '/api/x/../kpis?from=2024-03', { Cookie: cookie })).status).toBe(200);
    expect((await get(s.port, '/api/health')).status).toBe(200);
    expect(s.served).toEqual([false, true, false, false, false]);
  });
});
