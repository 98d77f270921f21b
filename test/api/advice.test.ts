import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { loadDemo } from '../../pipelines/demo/index.ts';
import {
  CheckResponse,
  IncentiveResponse,
  RefineResponse,
  SplitResponse,
} from '../../pipelines/schema/advice.ts';
import { queryRows } from '../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';

type Json = Record<string, unknown>;

const draft = (brandId: string, partnerId: string) => ({
  brandId,
  partnerId,
  value: 600_000,
  depositPct: 10,
  milestones: [
    {
      id: 'm1',
      name: 'Strategy',
      type: 'strategy',
      share: 0.1,
      plannedStart: '2026-11-02',
      dueDate: '2026-11-20',
      acceptanceCriteria: 'Strategy deck (≥ 30 pages) signed off by the China lead by 2026-11-20',
      reviewWindowDays: 5,
    },
    {
      id: 'm2',
      name: '12.12 livestreams',
      type: 'livestream',
      share: 0.9,
      plannedStart: '2026-11-20',
      dueDate: '2026-12-12',
      acceptanceCriteria: '品牌满意',
      dependsOn: ['m1'],
    },
  ],
});

describe('advice API on a small demo warehouse', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  let planner = '';
  let viewer = '';
  let own = { contract: '', brand: '', partner: '' };
  let other = { contract: '', brand: '', partner: '' };
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    await loadDemo(wh, { seed: 7, milestones: 3000 });
    app = createApp({ warehouse: wh, version: 'test', log: () => {}, rateLimit: null });
    const rows = await wh.withConnection((c) =>
      queryRows<typeof own>(
        c,
        `SELECT any_value(contract_id) AS contract, brand_id AS brand, any_value(partner_id) AS partner
         FROM (SELECT contract_id, brand_id, partner_id, count(*) AS n FROM milestones
               GROUP BY ALL HAVING n BETWEEN 6 AND 14)
         GROUP BY brand_id ORDER BY brand_id LIMIT 2`,
      ),
    );
    [own, other] = rows as [typeof own, typeof own];
    planner = await testToken(wh, 'planner', [own.brand]);
    viewer = await testToken(wh, 'viewer', [own.brand]);
  }, 120_000);
  afterAll(() => wh.close());

  const post = async (path: string, body: unknown, token = planner) => {
    const res = await app.request(`/api/advice/${path}`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const code = (b: Json) => (b.error as Json).code;

  it('checks a stored contract of the caller brand, with forecasts from history', async () => {
    const { status, body } = await post('check', { contractId: own.contract });
    expect(status).toBe(200);
    const check = CheckResponse.parse(body);
    expect(check).toMatchObject({
      contractId: own.contract,
      brandId: own.brand,
      modelVersion: null,
    });
    expect(check.milestones.length).toBeGreaterThanOrEqual(6);
    for (const m of check.milestones) expect(m.p10 <= m.p50 && m.p50 <= m.atConfidence).toBe(true);
    for (const f of check.findings) expect(Object.keys(f.evidence).length).toBeGreaterThan(0);
  });

  it('answers 404 for a contract of another brand, exactly as for an unknown one', async () => {
    const foreign = await post('check', { contractId: other.contract });
    const unknown = await post('check', { contractId: 'C-NOPE' });
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(code(foreign.body)).toBe('not_found');
    expect(JSON.stringify(foreign.body)).not.toContain(other.brand);
    expect((await post('split', { contractId: other.contract })).status).toBe(404);
    expect((await post('check', { plan: draft(other.brand, other.partner) })).status).toBe(404);
  });

  it('answers 400 for a body that is not one source, or out of range', async () => {
    const both = await post('check', {
      contractId: own.contract,
      plan: draft(own.brand, own.partner),
    });
    expect(both.status).toBe(400);
    expect(code(both.body)).toBe('invalid_parameter');
    expect((await post('check', {})).status).toBe(400);
    expect((await post('check', { contractId: own.contract, confidence: 1.5 })).status).toBe(400);
    const bad = draft(own.brand, own.partner);
    bad.milestones[1]!.dueDate = '2026-11-01'; // before its start
    expect((await post('refine', { plan: bad })).status).toBe(400);
    const cycle = draft(own.brand, own.partner);
    (cycle.milestones[0] as { dependsOn?: string[] }).dependsOn = ['m2'];
    const res = await post('split', { plan: cycle });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('cycle');
  });

  it('answers messages and reasoning in Chinese for lang zh, English by default', async () => {
    const plan = draft(own.brand, own.partner);
    const cjk = /[\u4e00-\u9fff]/;
    const en = RefineResponse.parse((await post('refine', { plan })).body);
    const zh = RefineResponse.parse((await post('refine', { plan, lang: 'zh' })).body);
    expect(zh.findings.map((f) => f.kind)).toEqual(en.findings.map((f) => f.kind));
    expect(zh.findings.length).toBeGreaterThan(0);
    for (const x of [...zh.findings, ...zh.suggestions]) expect(x.message).toMatch(cjk);
    for (const x of [...en.findings, ...en.suggestions]) expect(x.message).not.toMatch(/[“”]/);
    const share = zh.findings.find((f) => f.kind === 'share_too_large')!;
    expect(share.message).toContain('占合同金额的 90%（上限 30%）');
    const req = { contractId: own.contract, runs: 300, seed: 2 };
    const split = SplitResponse.parse((await post('split', { ...req, lang: 'zh' })).body);
    expect(split.reasoning).toMatch(cjk);
    const splitEn = SplitResponse.parse((await post('split', req)).body);
    expect(splitEn.reasoning).toMatch(/^Of \d+ splits/);
    expect(split.recommended).toEqual(splitEn.recommended);
    const bad = await post('check', { contractId: own.contract, lang: 'fr' });
    expect(bad.status).toBe(400);
    expect(code(bad.body)).toBe('invalid_parameter');
  });

  it('lets planners in and keeps viewers out', async () => {
    const res = await post('check', { contractId: own.contract }, viewer);
    expect(res.status).toBe(403);
  });

  it('refines a draft plan: splits the 90% milestone and moves its due date', async () => {
    const { status, body } = await post('refine', { plan: draft(own.brand, own.partner) });
    expect(status).toBe(200);
    const r = RefineResponse.parse(body);
    const kinds = new Set(r.findings.map((f) => f.kind));
    expect(kinds.has('share_too_large')).toBe(true);
    expect(kinds.has('criteria_not_measurable')).toBe(true);
    expect(kinds.has('no_review_window')).toBe(true);
    expect(r.suggestions.some((s) => s.kind === 'split' && s.milestoneIds[0] === 'm2')).toBe(true);
    expect(r.revisedPlan.milestones.length).toBeGreaterThan(2);
    expect(r.findingsAfter.some((f) => f.kind === 'share_too_large')).toBe(false);
  });

  it('optimises the split reproducibly and within the constraints', async () => {
    const req = {
      contractId: own.contract,
      runs: 500,
      seed: 4,
      constraints: { maxDepositPct: 20 },
    };
    const a = await post('split', req);
    expect(a.status).toBe(200);
    const s = SplitResponse.parse(a.body);
    expect(s.frontier.length).toBeGreaterThan(0);
    expect(s.recommended.depositPct).toBeLessThanOrEqual(20);
    expect(s.weeks.length).toBeGreaterThan(4);
    expect((await post('split', req)).body).toEqual(a.body);
    const infeasible = await post('split', {
      contractId: own.contract,
      constraints: { minSharePct: 50 },
    });
    expect(infeasible.status).toBe(422);
    expect(code(infeasible.body)).toBe('infeasible');
  });

  it('simulates incentives for a contract and for a draft that gives its clauses', async () => {
    const clauses = {
      bonusPerDay: 200,
      bonusCap: 2000,
      penaltyPerDay: 500,
      penaltyGraceDays: 3,
      penaltyCap: 20000,
    };
    const { status, body } = await post('incentives', {
      plan: draft(own.brand, own.partner),
      clauses,
      runs: 500,
    });
    expect(status).toBe(200);
    const i = IncentiveResponse.parse(body);
    expect(i.pPenalty).toBeGreaterThan(0);
    expect(i.netP10).toBeLessThanOrEqual(i.netP90);
    expect(i.expectedNet).toBeCloseTo(i.expectedBonus - i.expectedPenalty, 6);
    expect((await post('incentives', { contractId: own.contract, runs: 500 })).status).toBe(200);
    const none = await post('incentives', { plan: draft(own.brand, own.partner) });
    expect(none.status).toBe(422);
    expect(code(none.body)).toBe('clauses_required');
  });

  it('advises a contract whose milestones depend on a cancelled one (left out of the plan)', async () => {
    const [row] = await wh.withConnection((c) =>
      queryRows<{ contract: string; brand: string }>(
        c,
        `SELECT m.contract_id AS contract, m.brand_id AS brand
         FROM milestone_dependencies d
         JOIN milestones dm ON dm.milestone_id = d.depends_on_id AND dm.status = 'cancelled'
         JOIN milestones m ON m.milestone_id = d.milestone_id AND m.status <> 'cancelled'
         ORDER BY 1 LIMIT 1`,
      ),
    );
    expect(row, 'the demo should have such a contract').toBeDefined();
    const token = await testToken(wh, 'planner', [row!.brand]);
    for (const path of ['check', 'split', 'incentives']) {
      const { status, body } = await post(path, { contractId: row!.contract, runs: 300 }, token);
      expect(status, `${path}: ${JSON.stringify(body).slice(0, 200)}`).toBe(200);
    }
  }, 60_000);

  it('documents the four routes, their bodies and answers with examples', async () => {
    const res = await app.request('/api/openapi.json');
    const doc = (await res.json()) as {
      paths: Record<string, { post?: Json }>;
      components: { schemas: Record<string, Json> };
    };
    for (const p of ['check', 'refine', 'split', 'incentives'])
      expect(doc.paths[`/advice/${p}`]?.post, p).toBeDefined();
    const schemas = doc.components.schemas;
    for (const id of [
      'AdviceCheckRequest',
      'AdviceRefineRequest',
      'AdviceSplitRequest',
      'AdviceIncentiveRequest',
      'Plan',
      'AdviceFinding',
      'AdviceSuggestion',
    ])
      expect(schemas[id]?.examples ?? schemas[id]?.example, id).toBeDefined();
    for (const id of ['AdviceCheck', 'AdviceRefine', 'AdviceSplit', 'AdviceIncentives'])
      expect(schemas[id], id).toBeDefined();
    const lang = (schemas.AdviceCheckRequest?.properties as Record<string, Json>).lang;
    expect(lang).toMatchObject({ enum: ['en', 'zh'], default: 'en' });
  });

  it('uses the trained model once there is one', async () => {
    const admin = await testToken(wh);
    const t = await app.request('/api/models/train', { method: 'POST', headers: bearer(admin) });
    expect(t.status).toBe(201);
    const { body } = await post('check', { plan: draft(own.brand, own.partner) });
    const check = CheckResponse.parse(body);
    expect(check.modelVersion).toBe(1);
    expect(check.milestones.every((m) => m.source === 'model')).toBe(true);
    expect(check.milestones.every((m) => m.pDispute !== null)).toBe(true);
  }, 180_000);
});
