import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { fixtureWarehouse } from '../support/fixture-warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';

describe('KPI API', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  let token = '';
  beforeAll(async () => {
    wh = await fixtureWarehouse('kpi-small');
    app = createApp({ warehouse: wh, version: 'test', log: () => {} });
    token = await testToken(wh);
  });
  afterAll(() => wh.close());

  const get = async (path: string) => {
    const res = await app.request(path, { headers: bearer(token) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('serves health with the data as-of date', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', version: 'test', asOf: '2024-03-10' });
  });

  it('serves KPIs with counts for a filter', async () => {
    const { status, body } = await get('/api/kpis?brand=B1&tolerance=5');
    expect(status).toBe(200);
    expect(body.onTimeRate).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
  });

  it('accepts comma-separated lists', async () => {
    const { body } = await get('/api/kpis?milestoneType=creative,reporting&brand=B1');
    expect((body.milestones as { total: number }).total).toBe(4);
  });

  it('serves the monthly trend', async () => {
    const { status, body } = await get('/api/kpis/trend?brand=B1&from=2024-02');
    expect(status).toBe(200);
    expect((body.months as { month: string }[]).map((m) => m.month)).toEqual([
      '2024-02',
      '2024-03',
    ]);
  });

  it('serves the partner ranking', async () => {
    const { status, body } = await get(
      '/api/partners?brand=B1&minCompleted=1&sort=disputeRate&order=asc',
    );
    expect(status).toBe(200);
    expect((body.partners as { partnerId: string }[]).map((p) => p.partnerId)).toEqual([
      'P1',
      'P2',
    ]);
  });

  it('serves filter options', async () => {
    const { body } = await get('/api/filters');
    expect(body.brands).toEqual([
      { id: 'B1', name: 'Brand One' },
      { id: 'B2', name: 'Brand Two' },
    ]);
    expect(body.months).toEqual({ min: '2024-01', max: '2024-03' });
  });

  it.each([
    ['/api/kpis?from=2024-13', 'from'],
    ['/api/kpis?from=2024-05&to=2024-01', 'from'],
    ['/api/kpis?milestoneType=banana', 'milestoneType'],
    ['/api/kpis?tolerance=-1', 'tolerance'],
    ['/api/kpis?tolerance=abc', 'tolerance'],
    ['/api/kpis/trend?brand=', 'brand'],
    ['/api/partners?sort=revenue', 'sort'],
    ['/api/partners?limit=0', 'limit'],
  ])('rejects %s with 400 naming the field', async (path, field) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    const error = body.error as { code: string; message: string; details: { field: string }[] };
    expect(error.code).toBe('invalid_parameter');
    expect(error.details.map((d) => d.field)).toContain(field);
    expect(error.message).toContain(field);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const { status, body } = await get('/api/nope');
    expect(status).toBe(404);
    expect((body.error as { code: string }).code).toBe('not_found');
  });

  it('does not leak internals when the warehouse fails', async () => {
    // The first look-up verifies the token; every one after it fails.
    let calls = 0;
    const broken = createApp({
      warehouse: {
        ...wh,
        withConnection: (fn) =>
          calls++ === 0
            ? wh.withConnection(fn)
            : Promise.reject(new Error('secret path /x.duckdb')),
      },
      version: 'test',
      log: () => {},
    });
    const res = await broken.request('/api/kpis', { headers: bearer(token) });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret');
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on the server' },
    });
  });
});

describe('OpenAPI document and docs UI', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    wh = await fixtureWarehouse('kpi-small');
    app = createApp({ warehouse: wh, version: 'test', log: () => {} });
  });
  afterAll(() => wh.close());

  it('documents every API route with OpenAPI 3.1', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    // Others add routes (advice, forecasts): these must be there, among any others.
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/auth/signout',
        '/cohorts',
        '/cohorts/heatmap',
        '/exports/cohorts',
        '/exports/milestones',
        '/exports/partners',
        '/exports/projects',
        '/filters',
        '/forecasts/at-risk',
        '/forecasts/cash-flow',
        '/forecasts/milestones/{id}',
        '/forecasts/projects/{id}',
        '/freshness',
        '/health',
        '/imports',
        '/imports/{id}/quarantine',
        '/kpis',
        '/kpis/trend',
        '/me',
        '/milestones',
        '/milestones/{milestoneId}',
        '/models/quality',
        '/models/train',
        '/partners',
        '/partners/{partnerId}/scorecard',
        '/policy-impact',
        '/projects',
        '/projects/{projectId}',
        '/tokens',
        '/tokens/{id}',
      ]),
    );
    const kpis = doc.paths['/kpis'] as { get: { parameters: { name: string }[] } };
    expect(kpis.get.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'brand', 'partner', 'milestoneType']),
    );
  });

  it('serves Swagger UI from the local package', async () => {
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui-bundle.js');
    const js = await app.request('/api/docs/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
  });
});
