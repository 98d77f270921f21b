import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { fixtureWarehouse } from '../support/fixture-warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';

type Json = Record<string, unknown>;

// kpi-small by hand (cancelled M7 left out): B1 January M1 (0), M2 (+5, disputed), M3 (-2),
// all P1 agency; February M4 (+10, disputed) and M5 (submitted) of P2, March M6 (planned).
describe('cohort API', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  let admin = '';
  let b2 = '';
  beforeAll(async () => {
    wh = await fixtureWarehouse('kpi-small');
    app = createApp({ warehouse: wh, version: 'test', log: () => {}, rateLimit: null });
    admin = await testToken(wh);
    b2 = await testToken(wh, 'viewer', ['B2']);
  });
  afterAll(() => wh.close());

  const get = async (path: string, token = admin) => {
    const res = await app.request(path, { headers: bearer(token) });
    return { status: res.status, body: (await res.json()) as Json };
  };

  it('groups by two dimensions with counts beside every rate', async () => {
    const { status, body } = await get('/api/cohorts?by=partnerKind,cohortMonth&brand=B1');
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    const rows = body.rows as Json[];
    expect(rows.map((r) => r.keys)).toEqual([
      { partnerKind: 'agency', cohortMonth: '2024-01' },
      { partnerKind: 'kol_network', cohortMonth: '2024-02' },
      { partnerKind: 'kol_network', cohortMonth: '2024-03' },
    ]);
    // Slips [-2, 0, 5]: P80 at position 1.6 = 0 + 0.6 x 5; payment lags 10 and 21.
    expect(rows[0]).toMatchObject({
      milestones: 3,
      completed: 3,
      onTimeRate: { value: 2 / 3, numerator: 2, denominator: 3 },
      disputeRate: { numerator: 1, denominator: 3 },
      slipDays: { p50: 0, p80: 3, p90: 4, count: 3 },
      paymentLagDays: { median: 15.5, count: 2 },
      value: { amount: 3500, currency: 'CNY', unconverted: 0 },
    });
  });

  it('pages the groups in key order', async () => {
    const all = (await get('/api/cohorts?by=cohortMonth')).body;
    const page = (await get('/api/cohorts?by=cohortMonth&limit=1&offset=1')).body;
    expect(page.total).toBe(all.total);
    expect((page.rows as Json[]).map((r) => r.keys)).toEqual([(all.rows as Json[])[1]?.keys]);
  });

  it('draws a heatmap of one metric with the count behind each cell', async () => {
    const { body } = await get(
      '/api/cohorts/heatmap?x=cohortMonth&y=partner&metric=onTimeRate&brand=B1',
    );
    expect(body.x).toEqual({ dimension: 'cohortMonth', values: ['2024-01', '2024-02', '2024-03'] });
    expect(body.y).toEqual({ dimension: 'partner', values: ['P1', 'P2'] });
    expect(body.values).toEqual([
      [2 / 3, null, null],
      [null, 0, null],
    ]);
    expect(body.counts).toEqual([
      [3, 0, 0],
      [0, 1, 0],
    ]);
  });

  it('keeps other brands out of a scoped caller’s cohorts', async () => {
    const { body } = await get('/api/cohorts?by=brand', b2);
    expect((body.rows as Json[]).map((r) => r.keys)).toEqual([{ brand: 'B2' }]);
    const asked = await get('/api/cohorts?by=brand&brand=B1', b2);
    expect(asked.body.rows).toEqual([]);
  });

  it.each([
    ['/api/cohorts', 'by'],
    ['/api/cohorts?by=colour', 'by'],
    ['/api/cohorts?by=brand,partner,cohortMonth', 'by'],
    ['/api/cohorts?by=brand,brand', 'by'],
    ['/api/cohorts/heatmap?x=brand&y=brand', 'y'],
    ['/api/cohorts/heatmap?metric=revenue', 'metric'],
  ])('rejects %s with 400 naming %s', async (path, field) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(((body.error as Json).details as { field: string }[]).map((d) => d.field)).toContain(
      field,
    );
  });
});
