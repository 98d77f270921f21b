import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { loadDemo } from '../../pipelines/demo/index.ts';
import type { ProjectForecastList } from '../../pipelines/schema/forecasts.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';

describe('GET /api/forecasts/projects (the planner’s project list)', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  let admin = '';
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    await loadDemo(wh, { seed: 11, milestones: 2000 });
    app = createApp({ warehouse: wh, version: 'test', log: () => {}, rateLimit: null });
    admin = await testToken(wh);
    const trained = await app.request('/api/models/train', {
      method: 'POST',
      headers: bearer(admin),
    });
    expect(trained.status).toBe(201);
  }, 180_000);
  afterAll(() => wh.close());

  const list = async (query: string, token = admin) => {
    const res = await app.request(`/api/forecasts/projects${query}`, { headers: bearer(token) });
    return { status: res.status, body: (await res.json()) as ProjectForecastList };
  };

  it('ranks projects by their riskiest open milestone, with ordered finish dates', async () => {
    const { status, body } = await list('?limit=5&runs=500');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(5);
    expect(body.total).toBeGreaterThan(5);
    const risks = body.items.map((p) => p.maxPLate);
    expect([...risks].sort((a, b) => b - a)).toEqual(risks);
    for (const p of body.items) {
      expect(p.openMilestones).toBeGreaterThan(0);
      expect(p.finish.p50 <= p.finish.p80 && p.finish.p80 <= p.finish.p95).toBe(true);
      expect(p.pFinishByDeadline).toBeGreaterThanOrEqual(0);
      expect(p.pFinishByDeadline).toBeLessThanOrEqual(1);
      expect(p.name).not.toBe('');
    }
  }, 60_000);

  it('agrees with the single-project forecast for the same runs and seed', async () => {
    const { body } = await list('?limit=1&runs=500&seed=2');
    const first = body.items[0]!;
    const res = await app.request(`/api/forecasts/projects/${first.projectId}?runs=500&seed=2`, {
      headers: bearer(admin),
    });
    const one = (await res.json()) as { finish: unknown; pFinishByDeadline: number };
    expect(one.finish).toEqual(first.finish);
    expect(one.pFinishByDeadline).toBe(first.pFinishByDeadline);
  });

  it('pages with offset and filters by brand', async () => {
    const all = await list('?limit=4&runs=200');
    const next = await list('?limit=2&offset=2&runs=200');
    expect(next.body.items.map((p) => p.projectId)).toEqual(
      all.body.items.slice(2, 4).map((p) => p.projectId),
    );
    const brand = all.body.items[0]!.brandId;
    const mine = await list(`?brand=${brand}&limit=50&runs=200`);
    expect(mine.body.total).toBeLessThan(all.body.total);
    expect(mine.body.items.every((p) => p.brandId === brand)).toBe(true);
  }, 60_000);

  it('a brand-scoped token sees only its own projects', async () => {
    const all = await list('?limit=1&runs=200');
    const brand = all.body.items[0]!.brandId;
    const token = await testToken(wh, 'viewer', [brand]);
    const { status, body } = await list('?limit=100&runs=200', token);
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((p) => p.brandId === brand)).toBe(true);
  }, 60_000);

  it('rejects a bad limit with 400', async () => {
    const { status } = await list('?limit=0');
    expect(status).toBe(400);
  });
});
