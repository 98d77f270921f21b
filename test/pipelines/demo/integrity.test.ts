import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDataset } from '../../../pipelines/demo/generate-demo.ts';
import {
  Brand,
  Contract,
  Dispute,
  FxRate,
  Milestone,
  MilestoneDependency,
  MilestoneEvent,
  Partner,
  Payment,
  PolicyChange,
  Project,
} from '../../../pipelines/schema/records.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { demoWarehouse, scalar } from './demo-warehouse.ts';

const ASOF = '2026-10-31';

describe('demo data integrity', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    ({ wh } = await demoWarehouse({ milestones: 8000, seed: 11, asOf: ASOF }));
  });
  afterAll(() => wh.close());
  const count = (sql: string) =>
    wh.withConnection((c) => scalar(c, `SELECT count(*)::INTEGER FROM (${sql})`));

  it('links every row to existing parents with consistent brand and partner', async () => {
    expect(
      await count(
        `SELECT * FROM milestones m LEFT JOIN projects p USING (project_id) WHERE p.project_id IS NULL`,
      ),
    ).toBe(0);
    expect(
      await count(`SELECT * FROM milestones m JOIN projects p USING (project_id)
      WHERE p.contract_id <> m.contract_id OR p.brand_id <> m.brand_id`),
    ).toBe(0);
    expect(
      await count(`SELECT * FROM milestones m JOIN contracts c USING (contract_id)
      WHERE c.brand_id <> m.brand_id OR c.partner_id <> m.partner_id`),
    ).toBe(0);
    expect(
      await count(`SELECT * FROM contracts c LEFT JOIN brands b USING (brand_id) LEFT JOIN partners p USING (partner_id)
      WHERE b.brand_id IS NULL OR p.partner_id IS NULL`),
    ).toBe(0);
    for (const t of ['milestone_events', 'disputes', 'milestone_dependencies']) {
      expect(
        await count(
          `SELECT * FROM ${t} x LEFT JOIN milestones m USING (milestone_id) WHERE m.milestone_id IS NULL`,
        ),
      ).toBe(0);
    }
    expect(
      await count(`SELECT * FROM payments x LEFT JOIN contracts c USING (contract_id) WHERE c.contract_id IS NULL
      OR x.brand_id <> c.brand_id OR x.currency <> c.currency`),
    ).toBe(0);
    expect(
      await count(`SELECT * FROM payments x LEFT JOIN milestones m USING (milestone_id)
      WHERE x.milestone_id IS NOT NULL AND (m.milestone_id IS NULL OR m.contract_id <> x.contract_id)`),
    ).toBe(0);
  });

  it('keeps dependencies inside a project and pointing to earlier work', async () => {
    expect(
      await count(`SELECT * FROM milestone_dependencies d JOIN milestones a USING (milestone_id)
      JOIN milestones b ON b.milestone_id = d.depends_on_id
      WHERE a.project_id <> b.project_id OR b.planned_start >= a.planned_start`),
    ).toBe(0);
  });

  it('plans 4-15 milestones per project, 5-60 days each, baseline due never after the current due', async () => {
    expect(
      await count(
        `SELECT project_id FROM milestones GROUP BY ALL HAVING count(*) NOT BETWEEN 4 AND 15`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT * FROM milestones WHERE baseline_due - planned_start NOT BETWEEN 5 AND 60`,
      ),
    ).toBe(0);
    expect(await count(`SELECT * FROM milestones WHERE current_due < baseline_due`)).toBe(0);
    expect(
      await count(`SELECT * FROM milestones WHERE current_due > baseline_due`),
    ).toBeGreaterThan(0);
  });

  it('orders events after the start and approval on or after the first submission, none after asOf', async () => {
    expect(
      await count(`SELECT * FROM milestone_events e JOIN milestones m USING (milestone_id)
      WHERE e.event_date <= m.planned_start OR e.event_date <= coalesce(m.actual_start, m.planned_start)`),
    ).toBe(0);
    expect(
      await count(`SELECT * FROM milestone_facts WHERE approved_date < first_submitted
      OR (approved_date IS NOT NULL AND first_submitted IS NULL)`),
    ).toBe(0);
    expect(await count(`SELECT * FROM milestone_events WHERE event_date > DATE '${ASOF}'`)).toBe(0);
    expect(await count(`SELECT * FROM milestones WHERE actual_start > DATE '${ASOF}'`)).toBe(0);
  });

  it('derives each status from the events known on asOf', async () => {
    const mismatched = await count(`
      WITH last AS (SELECT milestone_id, arg_max(kind, event_date::VARCHAR || lpad(split_part(event_id, '-E', 2), 3, '0')) AS kind
                    FROM milestone_events GROUP BY ALL)
      SELECT * FROM milestones m LEFT JOIN last USING (milestone_id)
      WHERE (m.status IN ('planned', 'in_progress', 'cancelled') AND last.kind IS NOT NULL)
         OR (m.status NOT IN ('planned', 'in_progress', 'cancelled') AND last.kind IS DISTINCT FROM m.status)
         OR (m.status = 'planned' AND m.planned_start <= DATE '${ASOF}')`);
    expect(mismatched).toBe(0);
    for (const s of [
      'planned',
      'in_progress',
      'submitted',
      'revision_requested',
      'approved',
      'rejected',
      'cancelled',
    ]) {
      expect(await count(`SELECT * FROM milestones WHERE status = '${s}'`), s).toBeGreaterThan(0);
    }
  });

  it('splits each contract value exactly over its milestones', async () => {
    expect(
      await count(`SELECT contract_id FROM milestones m JOIN contracts c USING (contract_id)
      GROUP BY contract_id, c.value HAVING abs(sum(m.amount) - c.value) > 0.005 OR abs(sum(m.share) - 1) > 1e-9`),
    ).toBe(0);
  });

  it('dates payments and disputes consistently with the milestones', async () => {
    expect(
      await count(`SELECT * FROM payments WHERE paid_date < invoiced_date OR paid_date > DATE '${ASOF}'
      OR (paid_date IS NOT NULL AND invoiced_date IS NULL)`),
    ).toBe(0);
    expect(
      await count(`SELECT * FROM payments p JOIN milestone_facts f USING (milestone_id)
      WHERE p.kind = 'milestone' AND p.invoiced_date IS NOT NULL AND p.invoiced_date < f.approved_date`),
    ).toBe(0);
    expect(
      await count(`SELECT * FROM disputes d JOIN milestone_facts f USING (milestone_id)
      WHERE d.opened_date < f.first_submitted OR f.first_submitted IS NULL OR d.resolved_date < d.opened_date
         OR (d.resolved_date IS NULL) <> (d.outcome IS NULL) OR d.opened_date > DATE '${ASOF}'`),
    ).toBe(0);
    expect(await count(`SELECT * FROM payments WHERE kind = 'penalty' AND amount >= 0`)).toBe(0);
  });

  it('prices contracts by milestone only after a brand switched, never for control brands', async () => {
    expect(
      await count(`SELECT * FROM contracts c LEFT JOIN policy_changes p USING (brand_id)
      WHERE (c.pricing_model = 'milestone') <> (p.change_date IS NOT NULL AND c.signed_date >= p.change_date)`),
    ).toBe(0);
    expect(
      await count(`SELECT * FROM policy_changes WHERE change_date NOT BETWEEN DATE '2023-01-01' AND DATE '2024-12-31'
      OR to_model <> 'milestone' OR from_model NOT IN ('upfront', 'time_and_materials')`),
    ).toBe(0);
  });
});

describe('demo records', () => {
  it('validate against the canonical zod schemas', () => {
    const ds = createDemoDataset({ milestones: 3000, seed: 3 });
    const parseAll = <T>(schema: { parse(x: unknown): T }, rows: readonly unknown[]) =>
      rows.forEach((r) => schema.parse(r));
    parseAll(Brand, ds.reference.brands);
    parseAll(Partner, ds.reference.partners);
    parseAll(PolicyChange, ds.reference.policyChanges);
    parseAll(FxRate, ds.reference.fxRates);
    for (const b of ds.batches()) {
      parseAll(Contract, b.contracts);
      parseAll(Project, b.projects);
      parseAll(Milestone, b.milestones);
      parseAll(MilestoneDependency, b.dependencies);
      parseAll(MilestoneEvent, b.events);
      parseAll(Payment, b.payments);
      parseAll(Dispute, b.disputes);
    }
  });

  it('writes acceptance criteria in English and Chinese, measurable and vague', () => {
    const ds = createDemoDataset({ milestones: 3000, seed: 3 });
    const criteria = [...ds.batches()].flatMap((b) =>
      b.milestones.map((m) => m.acceptanceCriteria),
    );
    const chinese = criteria.filter((c) => c !== null && /[\u4e00-\u9fff]/.test(c));
    const measurable = criteria.filter((c) => c !== null && /\d/.test(c));
    expect(chinese.length / criteria.length).toBeGreaterThan(0.15);
    expect(measurable.length / criteria.length).toBeGreaterThan(0.4);
    expect(criteria.some((c) => c === null)).toBe(true);
    expect(criteria).toContain('品牌满意');
  });
});
