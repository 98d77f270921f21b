import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { fixtureWarehouse } from '../support/fixture-warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';

type Json = Record<string, unknown>;

describe('project and milestone lists', () => {
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
  const ids = (body: Json, key: string, id: string) => (body[key] as Json[]).map((r) => r[id]);

  it('sorts milestones by slip, nulls last either way, ties by id', async () => {
    const asc = (await get('/api/milestones?sort=slipDays&brand=B1')).body;
    expect(asc.total).toBe(6);
    expect(ids(asc, 'milestones', 'milestoneId')).toEqual(['M3', 'M1', 'M2', 'M4', 'M5', 'M6']);
    const desc = (await get('/api/milestones?sort=slipDays&order=desc&brand=B1')).body;
    expect(ids(desc, 'milestones', 'milestoneId')).toEqual(['M4', 'M2', 'M1', 'M3', 'M5', 'M6']);
  });

  it('pages milestones: pages are disjoint slices of the same order with the full total', async () => {
    const all = ids(
      (await get('/api/milestones?sort=amount&order=desc')).body,
      'milestones',
      'milestoneId',
    );
    const pages = [];
    for (const offset of [0, 3, 6]) {
      const { body } = await get(`/api/milestones?sort=amount&order=desc&limit=3&offset=${offset}`);
      expect(body.total).toBe(7);
      pages.push(...ids(body, 'milestones', 'milestoneId'));
    }
    expect(pages).toEqual(all);
    expect(all).toHaveLength(7);
  });

  it('filters milestones by status and project', async () => {
    const { body } = await get('/api/milestones?status=submitted,planned&sort=milestoneId');
    expect(ids(body, 'milestones', 'milestoneId')).toEqual(['M5', 'M6']);
    const j1 = (await get('/api/milestones?project=J1&sort=milestoneId')).body;
    expect(ids(j1, 'milestones', 'milestoneId')).toEqual(['M1', 'M2', 'M3']);
  });

  it('lists projects with counts and sorts them', async () => {
    const { body } = await get('/api/projects?sort=onTimeRate&order=desc');
    expect(ids(body, 'projects', 'projectId')).toEqual(['J3', 'J1', 'J2']);
    expect((body.projects as Json[])[1]).toMatchObject({
      projectId: 'J1',
      partnerId: 'P1',
      milestones: 3,
      completed: 3,
      onTime: 2,
      disputed: 1,
      amount: 3500,
      currency: 'CNY',
      firstDue: '2024-01-10',
      lastDue: '2024-01-31',
    });
  });

  it('shows a milestone with its events, payments and disputes', async () => {
    const { status, body } = await get('/api/milestones/M2');
    expect(status).toBe(200);
    expect(body.milestone).toMatchObject({
      milestoneId: 'M2',
      slipDays: 5,
      revisionRounds: 1,
      disputed: true,
    });
    expect((body.events as Json[]).map((e) => e.kind)).toEqual([
      'submitted',
      'revision_requested',
      'approved',
    ]);
    expect(body.payments).toEqual([
      expect.objectContaining({ paymentId: 'PM2', amount: 2000, paidDate: '2024-02-10' }),
    ]);
    expect(body.disputes).toEqual([
      expect.objectContaining({ disputeId: 'D2', reason: 'quality', amount: 100 }),
    ]);
  });

  it('shows a cancelled milestone too, and a project with its milestones', async () => {
    expect((await get('/api/milestones/M7')).body.milestone).toMatchObject({ status: 'cancelled' });
    const { body } = await get('/api/projects/J2');
    expect((body.project as Json).milestones).toBe(3);
    expect(ids(body, 'milestones', 'milestoneId')).toEqual(['M4', 'M5', 'M6']);
  });

  it.each(['/api/milestones/NOPE', '/api/projects/NOPE', '/api/partners/NOPE/scorecard'])(
    'answers unknown %s with 404',
    async (path) => {
      const { status, body } = await get(path);
      expect(status).toBe(404);
      expect((body.error as Json).code).toBe('not_found');
    },
  );

  it.each(['/api/milestones/M1', '/api/projects/J1', '/api/partners/P2/scorecard'])(
    'answers %s of another brand with the same 404',
    async (path) => {
      const { status, body } = await get(path, b2);
      expect(status).toBe(404);
      expect(JSON.stringify(body)).not.toContain('B1');
    },
  );

  it('keeps other brands out of a scoped caller’s lists', async () => {
    const { body } = await get('/api/milestones', b2);
    expect(ids(body, 'milestones', 'milestoneId')).toEqual(['M8']);
    expect(ids((await get('/api/projects', b2)).body, 'projects', 'projectId')).toEqual(['J3']);
  });

  it.each([
    ['/api/milestones?sort=name', 'sort'],
    ['/api/milestones?status=lost', 'status'],
    ['/api/projects?limit=5000', 'limit'],
  ])('rejects %s with 400 naming %s', async (path, field) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(((body.error as Json).details as { field: string }[]).map((d) => d.field)).toContain(
      field,
    );
  });
});
