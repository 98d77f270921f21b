import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { fromDayNumber, toDayNumber } from '../../pipelines/calendar/iso-date.ts';
import { loadDemo } from '../../pipelines/demo/index.ts';
import { mondayOf } from '../../pipelines/forecast/week-buckets.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { queryRow } from '../../pipelines/warehouse/query.ts';
import { bearer, testToken } from '../support/test-token.ts';

type Json = Record<string, unknown>;

describe('forecast API on a small demo warehouse', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  let admin = '';
  let open = { milestone: '', project: '', brand: '' };
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    await loadDemo(wh, { seed: 7, milestones: 3000 });
    app = createApp({ warehouse: wh, version: 'test', log: () => {}, rateLimit: null });
    admin = await testToken(wh);
    open = (await wh.withConnection((c) =>
      queryRow<typeof open>(
        c,
        `SELECT milestone_id AS milestone, project_id AS project, brand_id AS brand FROM milestones
         WHERE status = 'in_progress' ORDER BY milestone_id LIMIT 1`,
      ),
    ))!;
  }, 120_000);
  afterAll(() => wh.close());

  const get = async (path: string, token = admin) => {
    const res = await app.request(path, { headers: bearer(token) });
    return { status: res.status, body: (await res.json()) as Json };
  };

  it('answers 404 no_model before any training', async () => {
    const { status, body } = await get('/api/forecasts/at-risk');
    expect(status).toBe(404);
    expect((body.error as Json).code).toBe('no_model');
  });

  it('trains a model version through the API', async () => {
    const res = await app.request('/api/models/train', { method: 'POST', headers: bearer(admin) });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Json;
    expect(body.version).toBe(1);
    expect(body.rows).toBeGreaterThan(1000);
  }, 120_000);

  it('forecasts an open milestone with ordered quantile dates and factors', async () => {
    const { status, body } = await get(`/api/forecasts/milestones/${open.milestone}`);
    expect(status).toBe(200);
    const d = body.delivery as Record<string, string>;
    const dates = ['p10', 'p50', 'p80', 'p90', 'p95'].map((k) => d[k] ?? '');
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0]! >= (body.asOf as string)).toBe(true); // in flight: never before today
    expect(body.pLate).toBeGreaterThan(0);
    expect((body.lateFactors as unknown[]).length).toBeGreaterThan(0);
  });

  it('what-if: a later due date raises P(on time) and leaves the delivery dates alone', async () => {
    const base = await get(`/api/forecasts/milestones/${open.milestone}`);
    const later = await get(`/api/forecasts/milestones/${open.milestone}?dueDate=2030-01-01`);
    expect(later.body.delivery).toEqual(base.body.delivery);
    expect(later.body.pOnTime as number).toBeGreaterThanOrEqual(base.body.pOnTime as number);
    expect(later.body.pOnTime as number).toBeGreaterThan(0.95);
  });

  it('simulates the project reproducibly, with criticality in [0, 1]', async () => {
    const a = await get(`/api/forecasts/projects/${open.project}?runs=2000&seed=3`);
    const b = await get(`/api/forecasts/projects/${open.project}?runs=2000&seed=3`);
    expect(a.status).toBe(200);
    expect(a.body).toEqual(b.body);
    const f = a.body.finish as Record<string, string>;
    expect(f.p50! <= f.p80! && f.p80! <= f.p95!).toBe(true);
    for (const m of a.body.milestones as { criticality: number }[]) {
      expect(m.criticality).toBeGreaterThanOrEqual(0);
      expect(m.criticality).toBeLessThanOrEqual(1);
    }
  });

  it("fans out the share of the project's milestones delivered week by week", async () => {
    const { status, body } = await get(`/api/forecasts/projects/${open.project}?runs=2000&seed=3`);
    expect(status).toBe(200);
    type Band = { weekStart: string; p10: number; p50: number; p90: number };
    const fan = body.progressFan as Band[];
    const milestones = body.milestones as { done: boolean }[];
    const day = (d: string) => toDayNumber(d);
    expect(fan[0]!.weekStart).toBe(fromDayNumber(mondayOf(day(body.asOf as string))));
    const delivered = milestones.filter((m) => m.done).length / milestones.length;
    expect(fan[0]!.p10).toBeGreaterThanOrEqual(delivered);
    fan.forEach((b, w) => {
      expect(day(b.weekStart)).toBe(day(fan[0]!.weekStart) + 7 * w);
      expect(b.p10 <= b.p50 && b.p50 <= b.p90).toBe(true);
      if (w > 0) expect(b.p10).toBeGreaterThanOrEqual(fan[w - 1]!.p10);
      if (w > 0) expect(b.p50).toBeGreaterThanOrEqual(fan[w - 1]!.p50);
    });
    const last = fan.at(-1)!;
    expect(last).toMatchObject({ p10: 1, p50: 1, p90: 1 });
    // The same runs as the finish dates: 90% of runs are done in the last week, which lies
    // between the weeks of finish P80 and P95.
    const finish = body.finish as { p80: string; p95: string };
    expect(mondayOf(day(finish.p80))).toBeLessThanOrEqual(day(last.weekStart));
    expect(mondayOf(day(finish.p95))).toBeGreaterThanOrEqual(day(last.weekStart));
  });

  it('serves weekly cash-flow bands whose cumulative P50 never falls', async () => {
    const { status, body } = await get(
      `/api/forecasts/cash-flow?brand=${open.brand}&weeks=12&runs=500`,
    );
    expect(status).toBe(200);
    const weeks = body.weeks as { cumulativeP50: number; p10: number; p90: number }[];
    expect(weeks).toHaveLength(12);
    for (let i = 1; i < weeks.length; i++)
      expect(weeks[i]!.cumulativeP50).toBeGreaterThanOrEqual(weeks[i - 1]!.cumulativeP50);
    for (const w of weeks) expect(w.p10).toBeLessThanOrEqual(w.p90);
  });

  it('ranks open milestones by risk, with reasons', async () => {
    const { body } = await get('/api/forecasts/at-risk?risk=dispute&limit=5');
    const items = body.items as { probability: number; reasons: unknown[] }[];
    expect(items).toHaveLength(5);
    for (let i = 1; i < items.length; i++)
      expect(items[i]!.probability).toBeLessThanOrEqual(items[i - 1]!.probability);
    expect(items[0]!.reasons.length).toBeGreaterThan(0);
  });

  it('gives an overdue milestone P(late) = 1 with its days past due as the reason', async () => {
    const { body } = await get('/api/forecasts/at-risk?risk=late&limit=200');
    type Item = { probability: number; reasons: { feature: string; value: number }[] };
    const items = body.items as Item[];
    const overdue = items.filter((m) => m.reasons.some((r) => r.feature === 'days_past_due'));
    expect(overdue.length).toBeGreaterThan(0);
    for (const m of overdue) {
      expect(m.probability).toBe(1);
      expect(m.reasons).toHaveLength(1);
      expect(m.reasons[0]!.value).toBeGreaterThan(0);
    }
    // Ranked first: nothing not yet due outranks a milestone that is late already.
    expect(items.slice(0, overdue.length)).toEqual(overdue);
  });

  it("hides another brand's milestones and projects (404)", async () => {
    const other = await wh.withConnection((c) =>
      queryRow<{ b: string }>(c, `SELECT min(brand_id) AS b FROM brands WHERE brand_id <> $b`, {
        b: open.brand,
      }),
    );
    const token = await testToken(wh, 'planner', [other!.b]);
    expect((await get(`/api/forecasts/milestones/${open.milestone}`, token)).status).toBe(404);
    expect((await get(`/api/forecasts/projects/${open.project}`, token)).status).toBe(404);
    const risk = await get('/api/forecasts/at-risk?limit=500', token);
    for (const it of risk.body.items as { brandId: string }[]) expect(it.brandId).toBe(other!.b);
  });

  it('snapshots the issued forecasts in the ledger and serves model quality', async () => {
    const { status, body } = await get('/api/models/quality');
    expect(status).toBe(200);
    expect((body.model as Json).version).toBe(1);
    const ledger = body.ledger as { issued: number; asOf: string }[];
    expect(ledger).toHaveLength(1);
    expect(ledger[0]!.issued).toBeGreaterThan(50);
  });

  it('rejects bad parameters with 400 and names the field', async () => {
    const { status, body } = await get(`/api/forecasts/projects/${open.project}?runs=5`);
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('runs');
  });
});
