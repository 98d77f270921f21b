import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { fixtureWarehouse } from '../support/fixture-warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';

// Figures of test/fixtures/status-kpis-small, worked out in test/pipelines/kpi/status-kpis.test.ts.
describe('status-date KPI API', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  let admin = '';
  let brandOne = '';
  beforeAll(async () => {
    wh = await fixtureWarehouse('status-kpis-small');
    app = createApp({ warehouse: wh, version: 'test', log: () => {} });
    admin = await testToken(wh);
    brandOne = await testToken(wh, 'viewer', ['B1']);
  });
  afterAll(() => wh.close());

  const get = async (path: string, token = admin) => {
    const res = await app.request(path, { headers: bearer(token) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('serves earned value with SPI and its counts', async () => {
    const { status, body } = await get('/api/kpis/earned-value?brand=B1&asOf=2024-02-15');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      asOf: '2024-02-15',
      currency: 'CNY',
      contracts: 2,
      earnedValue: 3000,
      plannedValue: 6000,
      spi: { value: 0.5, numerator: 3000, denominator: 6000 },
    });
  });

  it('serves time to resolution at the data as-of date', async () => {
    const { status, body } = await get('/api/kpis/time-to-resolution?brand=B1&partner=P1,P2');
    expect(status).toBe(200);
    expect(body).toMatchObject({ asOf: '2024-03-10', resolved: 4, open: 2, medianDays: 8.5 });
    expect(body.p80Days).toBe(14);
  });

  it("keeps a brand's token to its brand", async () => {
    const own = await get('/api/kpis/earned-value', brandOne);
    expect([own.status, own.body.contracts, own.body.contractValue]).toEqual([200, 2, 14000]);
    const foreign = await get('/api/kpis/earned-value?brand=B2', brandOne);
    expect([foreign.body.contracts, foreign.body.currency]).toEqual([0, null]);
    const disputes = await get('/api/kpis/time-to-resolution?brand=B2', brandOne);
    expect([disputes.status, disputes.body.opened]).toEqual([200, 0]);
    const all = await get('/api/kpis/time-to-resolution');
    expect(all.body.opened).toBe(7);
  });

  it.each([
    ['/api/kpis/earned-value?asOf=2024-02-30', 'asOf'],
    ['/api/kpis/earned-value?asOf=yesterday', 'asOf'],
    ['/api/kpis/earned-value?from=2024-03&to=2024-01', 'from'],
    ['/api/kpis/time-to-resolution?milestoneType=banner', 'milestoneType'],
    ['/api/kpis/time-to-resolution?brand=', 'brand'],
  ])('rejects %s with 400 naming the field', async (path, field) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    const error = body.error as { code: string; message: string; details: { field: string }[] };
    expect(error.code).toBe('invalid_parameter');
    expect(error.details.map((d) => d.field)).toContain(field);
  });

  it('needs a token', async () => {
    const res = await app.request('/api/kpis/earned-value');
    expect(res.status).toBe(401);
  });
});
