// Tenant isolation for aggregates, generated from the route table: a sum, rate or list that brand
// A's token gets must be exactly what an all-brands token gets for brand A alone, so nothing of
// brand B can hide in a total. Routes with a `brand` filter are compared with the all-brands
// token asking `brand=alpha`; the other GET routes without a path parameter with the all-brands
// token on a warehouse from which B's rows were removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { trainAndStore } from '../../pipelines/models/train-and-store.ts';
import { bearer, testToken } from '../support/test-token.ts';
import { twoBrandWarehouse, type TwoBrands } from '../support/two-brand-warehouse.ts';
import { withoutBrand } from '../support/without-brand.ts';
import {
  type Doc,
  fill,
  getRoutesOf,
  operationOf,
  queryVariants,
} from './isolation-read-samples.ts';

/** Routes whose answer for A may equal the all-brands one, with the reason. */
const sameForAll: Record<string, string> = {};

/**
 * Routes with a brand filter that is not the same as a scope, with the reason: compared with A's
 * token on the warehouse holding only A instead of with `brand=alpha`.
 */
const filterIsNotScope: Record<string, string> = {
  'GET /api/forecasts/at-risk': "forecasts draw on a partner's history in the caller's scope",
  'GET /api/forecasts/cash-flow': "forecasts draw on a partner's history in the caller's scope",
  'GET /api/forecasts/projects': "forecasts draw on a partner's history in the caller's scope",
};

/** GET routes without a brand filter or path parameter that are not compared, with the reason. */
const notCompared: Record<string, string> = {
  'GET /api/health': 'public, no figures',
  'GET /api/openapi.json': 'public, the API document',
  'GET /api/docs': 'public, Swagger UI',
  'GET /api/docs/init.js': 'public, Swagger UI',
  'GET /api/me': "describes the caller's token, not the data",
  'GET /api/tokens': 'refused (403) to brand-scoped tokens; see isolation.test.ts',
  'GET /api/imports/mappings': 'the mappings shipped with the product, the same for everyone',
  'GET /auth/signin': 'not a data route; see signin.test.ts',
};

type App = ReturnType<typeof createApp>;

const binary = '<binary>';

/**
 * The body of an answer, with what legitimately differs between the two callers taken out: clock
 * times, and an export's record of its own filters and caller scope. Binary exports (XLSX,
 * Parquet, Arrow) carry the same rows as their CSV form and embed that record, so they are
 * compared through the CSV form only (isolation.test.ts searches them for brand B).
 */
async function answer(app: App, url: string, headers: Record<string, string>) {
  const res = await app.request(url, { headers });
  const text = await res.text();
  const isBinary = !/json|text|csv/.test(res.headers.get('content-type') ?? '');
  return {
    status: res.status,
    text: isBinary
      ? binary
      : text
          .replace(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d(:?\d\d)?)?/g, '<time>')
          // The data version names the warehouse's last change, whichever brand made it.
          .replace(/"dataVersion":"[^"]*"/g, '"dataVersion":"<version>"')
          .replace(/^# milepost\.(filters|scope): .*$/gm, '# milepost.$1: <caller>'),
  };
}

/** Where two texts first differ, with some context. */
function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const at = Math.max(0, i - 80);
  return `at ${i}: ${a.slice(at, i + 120)} <> ${b.slice(at, i + 120)}`;
}

describe('tenant isolation in aggregates', () => {
  let fx: TwoBrands;
  let onlyA: TwoBrands;
  let app: App;
  let appOnlyA: App;
  let scoped: Record<string, string>;
  let all: Record<string, string>;
  let scopedOnlyA: Record<string, string>;
  let doc: Doc;
  beforeAll(async () => {
    [fx, onlyA] = await Promise.all([twoBrandWarehouse(), twoBrandWarehouse()]);
    // Forecast routes answer only once a model exists, trained on both brands as in production
    // (one model serves every brand); the warehouse holding only A keeps such a model.
    await Promise.all([fx, onlyA].map((w) => w.warehouse.withConnection((c) => trainAndStore(c))));
    await withoutBrand(onlyA.warehouse, onlyA.b.brandId);
    const deps = { version: 'test', log: () => {}, rateLimit: null };
    app = createApp({ ...deps, warehouse: fx.warehouse });
    appOnlyA = createApp({ ...deps, warehouse: onlyA.warehouse });
    scoped = bearer(await testToken(fx.warehouse, 'admin', [fx.a.brandId]));
    all = bearer(await testToken(fx.warehouse, 'admin'));
    scopedOnlyA = bearer(await testToken(onlyA.warehouse, 'admin', [fx.a.brandId]));
    doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
  }, 60_000);
  afterAll(() => Promise.all([fx.warehouse.close(), onlyA.warehouse.close()]));

  const and = (url: string, q: string) => `${url}${url.includes('?') ? '&' : '?'}${q}`;
  const hasParam = (path: string, name: string) =>
    (operationOf(doc, path)?.parameters ?? []).some((p) => p.in === 'query' && p.name === name);
  const hasBrandFilter = (path: string) => hasParam(path, 'brand');
  /**
   * URLs of a route for brand A, the shared partner standing in for A's own; a route with a
   * partner filter is also asked for the shared partner alone, where two brands' rows meet.
   */
  const urls = (path: string) => {
    const url = fill(path, { ...fx.a, partnerId: 'P-SHARED' });
    const plain = queryVariants(path, operationOf(doc, path)).map((q) => (q ? `${url}?${q}` : url));
    return hasParam(path, 'partner') ? [...plain, and(plain[0]!, 'partner=P-SHARED')] : plain;
  };

  it('compares every route with a brand filter: A alone, and unlike all brands', async () => {
    const failures: string[] = [];
    const filtered = getRoutesOf(app).filter(hasBrandFilter);
    expect(filtered.length).toBeGreaterThan(10);
    for (const path of filtered) {
      for (const url of urls(path)) {
        const mine = await answer(app, url, scoped);
        const wanted =
          `GET ${path}` in filterIsNotScope
            ? await answer(appOnlyA, url, scopedOnlyA)
            : await answer(app, and(url, 'brand=alpha'), all);
        const everyone = await answer(app, url, all);
        if (mine.status !== 200) failures.push(`${url}: ${mine.status} ${mine.text.slice(0, 200)}`);
        if (mine.text !== wanted.text)
          failures.push(`${url}: A's token vs brand=alpha ${firstDiff(mine.text, wanted.text)}`);
        if (mine.text === everyone.text && mine.text !== binary && !(`GET ${path}` in sameForAll))
          failures.push(
            `${url}: A's answer equals the all-brands one (${mine.text.slice(0, 100)})`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('compares every other aggregate route with a warehouse holding only A', async () => {
    const failures: string[] = [];
    const others = getRoutesOf(app).filter(
      (p) => !p.includes('{') && !hasBrandFilter(p) && !(`GET ${p}` in notCompared),
    );
    expect(others.length).toBeGreaterThan(2);
    for (const path of others) {
      for (const url of urls(path)) {
        const mine = await answer(app, url, scoped);
        const wanted = await answer(appOnlyA, url, scopedOnlyA);
        if (mine.status !== 200 || mine.text !== wanted.text)
          failures.push(
            `${url}: ${mine.status} vs only A ${wanted.status} ${firstDiff(mine.text, wanted.text)}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  // The model serves every brand (by design); its quality answer hides what counts every brand's
  // rows from a brand-scoped caller: the training metrics and `rowsTrained` (null since 2026-12-08).
  it("keeps brand B's rows out of the model's figures (rowsTrained: null for a scoped caller)", async () => {
    const rows = async (headers: Record<string, string>) => {
      const res = await app.request('/api/models/quality', { headers });
      return ((await res.json()) as { model: { rowsTrained: number | null } }).model.rowsTrained;
    };
    expect(await rows(all)).toBeGreaterThan(0);
    expect(await rows(scoped)).toBeNull();
  });

  it('lists no stale exemptions', () => {
    const routes = new Set(getRoutesOf(app).map((p) => `GET ${p}`));
    const listed = [sameForAll, notCompared, filterIsNotScope].flatMap((t) => Object.keys(t));
    for (const key of listed)
      expect(routes.has(key), `${key} is listed but no longer exists`).toBe(true);
  });
});
