import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { projectHistory } from '../../pipelines/lists/project-detail-history.ts';
import { fixtureWarehouse } from '../support/fixture-warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';

type Json = Record<string, unknown>;

/** The app on a kpi-small warehouse (edited first by `change`), an admin and a B2 viewer. */
function useListsApp(change?: (wh: Warehouse) => Promise<unknown>) {
  const s = { wh: undefined as unknown as Warehouse, admin: '', b2: '' };
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    s.wh = await fixtureWarehouse('kpi-small');
    await change?.(s.wh);
    app = createApp({ warehouse: s.wh, version: 'test', log: () => {}, rateLimit: null });
    s.admin = await testToken(s.wh);
    s.b2 = await testToken(s.wh, 'viewer', ['B2']);
  });
  afterAll(() => s.wh.close());
  const get = async (path: string, token = s.admin) => {
    const res = await app.request(path, { headers: bearer(token) });
    return { status: res.status, body: (await res.json()) as Json };
  };
  return { s, get };
}

describe('project and milestone lists', () => {
  const { s, get } = useListsApp();
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
    expect(ids(body, 'events', 'eventId')).toEqual([
      'M4-submitted-2024-02-10',
      'M4-approved-2024-02-15',
      'M5-submitted-2024-02-25',
    ]);
    expect(body.disputes).toEqual([
      expect.objectContaining({ disputeId: 'D4', milestoneId: 'M4', reason: 'delay', amount: 50 }),
    ]);
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
      const { status, body } = await get(path, s.b2);
      expect(status).toBe(404);
      expect(JSON.stringify(body)).not.toContain('B1');
    },
  );

  it('keeps other brands out of a scoped caller’s lists', async () => {
    const { body } = await get('/api/milestones', s.b2);
    expect(ids(body, 'milestones', 'milestoneId')).toEqual(['M8']);
    expect(ids((await get('/api/projects', s.b2)).body, 'projects', 'projectId')).toEqual(['J3']);
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

describe('project detail history', () => {
  // An early event of M3 between M1's two (neither milestone order nor id order gives date
  // order), a renamed milestone, an event of cancelled M7, an unpaid M3 payment scheduled before
  // the first paid one, and a contract-level deposit that belongs to no milestone.
  const { s, get } = useListsApp((wh) =>
    wh.withConnection((conn) =>
      conn.run(`
        UPDATE milestones SET name = 'Launch report' WHERE milestone_id = 'M3';
        INSERT INTO milestone_events (event_id, milestone_id, kind, event_date) VALUES
          ('E-M3-early', 'M3', 'submitted', '2024-01-09'),
          ('E-M7', 'M7', 'rejected', '2024-02-28');
        INSERT INTO payments (payment_id, contract_id, brand_id, milestone_id, kind, amount,
          currency, scheduled_date) VALUES
          ('PM3', 'C1', 'B1', 'M3', 'milestone', 500, 'CNY', '2024-01-15'),
          ('DEP1', 'C1', 'B1', NULL, 'deposit', 900, 'CNY', '2024-01-02');`),
    ),
  );
  const rows = (body: Json, key: string, ...fields: string[]) =>
    (body[key] as Json[]).map((r) => fields.map((f) => r[f]));

  it("lists the events of the project's milestones only, in date order, naming each milestone", async () => {
    const { status, body } = await get('/api/projects/J1');
    expect(status).toBe(200);
    expect(rows(body, 'events', 'date', 'milestoneId', 'milestoneName', 'kind')).toEqual([
      ['2024-01-08', 'M1', 'M1', 'submitted'],
      ['2024-01-09', 'M3', 'Launch report', 'submitted'],
      ['2024-01-10', 'M1', 'M1', 'approved'],
      ['2024-01-18', 'M2', 'M2', 'submitted'],
      ['2024-01-19', 'M2', 'M2', 'revision_requested'],
      ['2024-01-20', 'M2', 'M2', 'approved'],
      ['2024-01-25', 'M3', 'Launch report', 'submitted'],
      ['2024-01-29', 'M3', 'Launch report', 'approved'],
    ]);
    expect((body.milestones as Json[]).length).toBe(3);
  });

  it('lists its milestone payments by paid, else scheduled, date and its disputes', async () => {
    const { body } = await get('/api/projects/J1');
    expect(rows(body, 'payments', 'paymentId', 'milestoneId', 'amount')).toEqual([
      ['PM3', 'M3', 500],
      ['PM1', 'M1', 1000],
      ['PM2', 'M2', 2000],
    ]);
    expect(body.disputes).toEqual([
      {
        disputeId: 'D2',
        openedDate: '2024-01-21',
        resolvedDate: '2024-01-30',
        reason: 'quality',
        amount: 100,
        outcome: 'partial',
        milestoneId: 'M2',
        milestoneName: 'M2',
      },
    ]);
  });

  it('keeps the history of a cancelled milestone, which the milestone list leaves out', async () => {
    const { body } = await get('/api/projects/J2');
    expect(rows(body, 'events', 'eventId', 'milestoneId').at(-1)).toEqual(['E-M7', 'M7']);
    expect(rows(body, 'milestones', 'milestoneId').flat()).not.toContain('M7');
  });

  it("shows a brand its own project's history and nothing of another brand's", async () => {
    const own = await get('/api/projects/J3', s.b2);
    expect(rows(own.body, 'events', 'milestoneId')).toEqual([['M8'], ['M8']]);
    expect(own.body.payments).toEqual([]);
    expect(JSON.stringify(own.body)).not.toMatch(/B1|M[1-7]\b|PM\d|D[24]/);
    expect((await get('/api/projects/J1', s.b2)).status).toBe(404);
  });

  it('scopes the history query itself, not only the project lookup', async () => {
    const scoped = await s.wh.withConnection((conn) => projectHistory(conn, 'J1', ['B2']));
    expect(scoped).toEqual({ events: [], payments: [], disputes: [] });
    const all = await s.wh.withConnection((conn) => projectHistory(conn, 'J1', ['B1']));
    expect(all.events).toHaveLength(8);
  });
});
