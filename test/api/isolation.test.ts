// Tenant isolation, generated from the route table: every GET route the app registers is called
// with a token scoped to brand A (alpha), and nothing of brand B (bravo) may come back. A new route
// is covered the moment it is registered; one that cannot be called this way must be listed in
// `notExercised` with a reason, and a route with a path or required query parameter this file
// cannot fill makes the test fail until a sample is added below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { trainAndStore } from '../../pipelines/models/train-and-store.ts';
import { bearer, testToken } from '../support/test-token.ts';
import { twoBrandWarehouse, type Tenant, type TwoBrands } from '../support/two-brand-warehouse.ts';

/** Routes not called here, each with its reason. */
const notExercised: Record<string, string> = {
  'GET /auth/signin': 'takes a token in the query and answers a redirect; see signin.test.ts',
};

/** Answers other than 200 that a brand-scoped admin token should get, with the reason. */
const expectedStatus: Record<string, [number, string]> = {
  'GET /api/tokens': [403, 'token management needs an all-brands admin'],
};

/** A path parameter's value for a tenant, by parameter name or, for `{id}`, by the resource. */
const idOf: Record<string, (t: Tenant) => string> = {
  loadId: (t) => t.loadIds[1]!,
  imports: (t) => t.loadIds[1]!,
  loads: (t) => t.loadIds[1]!,
  projectId: (t) => t.projectId,
  projects: (t) => t.projectId,
  // The last one is still open: forecasts exist only for open milestones.
  milestoneId: (t) => t.milestoneIds.at(-1)!,
  milestones: (t) => t.milestoneIds.at(-1)!,
  partnerId: (t) => t.partnerId,
  partners: (t) => t.partnerId,
  brandId: (t) => t.brandId,
  brands: (t) => t.brandId,
  contractId: (t) => t.contractId,
  contracts: (t) => t.contractId,
};

/** Values for required query parameters, by name. */
const querySamples: Record<string, string> = {
  asOf: '2024-06-30',
  from: '2024-01',
  to: '2024-06',
  month: '2024-03',
  by: 'partnerKind,cohortQuarter',
};

interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: { enum?: string[] };
}
type Doc = { paths: Record<string, Record<string, { parameters?: Param[] }>> };

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

  /** GET routes as registered (Hono's table), in OpenAPI's {param} spelling. */
  function getRoutes(): string[] {
    const paths = app.routes
      .filter((r) => r.method === 'GET' && !r.path.endsWith('*'))
      .map((r) => r.path.replace(/:(\w+)/g, '{$1}'));
    return [...new Set(paths)].sort();
  }

  function operation(path: string): { parameters?: Param[] } | undefined {
    return path.startsWith('/api/') ? doc.paths[path.slice(4)]?.get : undefined;
  }

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

  function fill(path: string, t: Tenant): string {
    const segments = path.split('/');
    return segments
      .map((seg, i) => {
        const m = /^\{(\w+)\}$/.exec(seg);
        if (!m) return seg;
        const key = m[1] === 'id' ? (segments[i - 1] ?? '') : m[1]!;
        const sample = idOf[key];
        if (!sample) throw new Error(`${path}: add a sample for {${m[1]}} to idOf`);
        return encodeURIComponent(sample(t));
      })
      .join('/');
  }

  function queries(path: string): string[] {
    const params = (operation(path)?.parameters ?? []).filter((p) => p.in === 'query');
    const required = params.filter((p) => p.required && p.name !== 'format');
    const base = required.map((p) => {
      const v = querySamples[p.name];
      if (v === undefined) throw new Error(`${path}: add a sample for ?${p.name} to querySamples`);
      return `${p.name}=${encodeURIComponent(v)}`;
    });
    const formats = params.find((p) => p.name === 'format')?.schema?.enum ?? [undefined];
    return formats.map((f) => [...base, ...(f ? [`format=${f}`] : [])].join('&'));
  }

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
        const norm = (text: string, t: Tenant) =>
          [...idsOf(t)].reduce((s, id) => s.replaceAll(id, '<id>'), same(text, t));
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

/** A tenant whose ids exist nowhere, shaped like a real one. */
function ghost(t: Tenant): Tenant {
  const g = (s: string) => `${s}-ghost`;
  return {
    ...t,
    brandId: g(t.brandId),
    partnerId: g(t.partnerId),
    contractId: g(t.contractId),
    projectId: g(t.projectId),
    milestoneIds: t.milestoneIds.map(g),
    loadIds: t.loadIds.map(g),
  };
}

function idsOf(t: Tenant): string[] {
  return [t.brandId, t.partnerId, t.contractId, t.projectId, ...t.milestoneIds, ...t.loadIds].sort(
    (x, y) => y.length - x.length,
  );
}
