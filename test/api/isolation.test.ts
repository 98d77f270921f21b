// Tenant isolation, generated from the route table: every GET route the app registers is called
// with a token scoped to brand A (alpha), and nothing of brand B (bravo) may come back. A new route
// is covered the moment it is registered; one that cannot be called this way must be listed in
// `notExercised` with a reason, and a route with a path or required query parameter this file
// cannot fill makes the test fail until a sample is added to isolation-read-samples.ts. Writes:
// isolation-writes.test.ts; totals that must hold A's rows alone: isolation-aggregates.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { trainAndStore } from '../../pipelines/models/train-and-store.ts';
import { bearer, testToken } from '../support/test-token.ts';
import { ghost, withoutIds } from '../support/tenant-ids.ts';
import {
  type Doc,
  fill,
  getRoutesOf,
  operationOf,
  queryVariants,
} from './isolation-read-samples.ts';
import { twoBrandWarehouse, type Tenant, type TwoBrands } from '../support/two-brand-warehouse.ts';

/** Routes not called here, each with its reason. */
const notExercised: Record<string, string> = {
  'GET /auth/signin': 'takes a token in the query and answers a redirect; see signin.test.ts',
};

/** Answers other than 200 that a brand-scoped admin token should get, with the reason. */
const expectedStatus: Record<string, [number, string]> = {
  'GET /api/tokens': [403, 'token management needs an all-brands admin'],
};

describe('tenant isolation over every GET route', () => {
  let fx: TwoBrands;
  let app: ReturnType<typeof createApp>;
  let headers: Record<string, string>;
  let doc: Doc;
  let leak: RegExp;
  beforeAll(async () => {
    fx = await twoBrandWarehouse();
    // Forecast routes answer only once a model exists (trained on both brands, as in production).
    await fx.warehouse.withConnection((conn) => trainAndStore(conn));
    app = createApp({ warehouse: fx.warehouse, version: 'test', log: () => {}, rateLimit: null });
    headers = bearer(await testToken(fx.warehouse, 'admin', [fx.a.brandId]));
    doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
    leak = new RegExp(['bravo', ...fx.b.loadIds].join('|'), 'i');
  });
  afterAll(() => fx.warehouse.close());

  const getRoutes = () => getRoutesOf(app);
  const operation = (path: string) => operationOf(doc, path);
  const queries = (path: string) => queryVariants(path, operation(path));

  it('knows every GET route: the OpenAPI document and the router agree', () => {
    const routes = getRoutes();
    const documented = Object.entries(doc.paths)
      .filter(([, ops]) => ops.get)
      .map(([p]) => `/api${p}`);
    expect(routes).toEqual(expect.arrayContaining(documented));
    expect(routes.length).toBeGreaterThan(5);
  });

  it('lists no stale exemptions', () => {
    const routes = new Set(getRoutes().map((p) => `GET ${p}`));
    for (const key of [...Object.keys(notExercised), ...Object.keys(expectedStatus)]) {
      expect(routes.has(key), `${key} is listed but no longer exists`).toBe(true);
    }
  });

  const get = async (url: string) => {
    const res = await app.request(url, { headers });
    return { status: res.status, text: await res.text() };
  };

  it('answers brand A and never shows brand B', async () => {
    const failures: string[] = [];
    for (const path of getRoutes()) {
      const key = `GET ${path}`;
      if (key in notExercised) continue;
      const [want] = expectedStatus[key] ?? [200];
      for (const q of queries(path)) {
        const url = `${fill(path, fx.a)}${q ? `?${q}` : ''}`;
        const { status, text } = await get(url);
        if (status !== want)
          failures.push(`${url}: ${status}, expected ${want}: ${text.slice(0, 200)}`);
        if (leak.test(text)) failures.push(`${url} shows brand B: ${leak.exec(text)?.[0]}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers 404 for brand B's ids, exactly as for ids that do not exist", async () => {
    const failures: string[] = [];
    const withParams = getRoutes().filter((p) => p.includes('{') && !(`GET ${p}` in notExercised));
    for (const path of withParams) {
      for (const q of queries(path)) {
        const suffix = q ? `?${q}` : '';
        const foreignUrl = fill(path, fx.b);
        const foreign = await get(`${foreignUrl}${suffix}`);
        const missing = await get(`${fill(path, ghost(fx.b))}${suffix}`);
        if (foreign.status !== 404) failures.push(`${foreignUrl}: ${foreign.status}, expected 404`);
        const same = (s: string, t: Tenant) => s.replaceAll(fill(path, t), '<url>');
        const norm = (text: string, t: Tenant) => withoutIds(same(text, t), t);
        if (norm(foreign.text, fx.b) !== norm(missing.text, ghost(fx.b))) {
          failures.push(`${foreignUrl}: differs from an unknown id: ${foreign.text.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('shows nothing of brand B when asked for it by a filter', async () => {
    const failures: string[] = [];
    for (const path of getRoutes()) {
      const params = operation(path)?.parameters ?? [];
      if (!params.some((p) => p.in === 'query' && p.name === 'brand')) continue;
      for (const q of queries(path)) {
        const url = `${fill(path, fx.a)}?${[q, 'brand=bravo'].filter(Boolean).join('&')}`;
        const { status, text } = await get(url);
        // The filter value may be echoed back (CSV exports percent-encode it in their header
        // comment); anything else of B may not.
        const rest = text.replaceAll('"bravo"', '""').replaceAll('%22bravo%22', '""');
        if (status !== 200 || leak.test(rest))
          failures.push(`${url}: ${status} ${text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
