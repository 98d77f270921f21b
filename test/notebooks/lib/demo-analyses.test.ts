// The notebook helpers that query a warehouse, on a small demo: event-time rates add up to the
// cells of pipelines/policy's DiD, the placebo leaves the warehouse as it was, and the cohort file
// is the API's export.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortDisplay, writeCohortCsv } from '../../../notebooks/lib/cohort-export.ts';
import { didCellRows, didEstimateRows, placeboRows } from '../../../notebooks/lib/did-table.ts';
import { eventTimeRates } from '../../../notebooks/lib/event-time.ts';
import { placeboImpact } from '../../../notebooks/lib/placebo.ts';
import { cohortTable } from '../../../pipelines/kpi/cohort-table.ts';
import { policyImpact } from '../../../pipelines/policy/policy-impact.ts';
import { CohortTableQuery } from '../../../pipelines/schema/cohorts.ts';
import { PolicyImpactQuery, type PolicyImpact } from '../../../pipelines/schema/policy.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { demoWarehouse, rows } from '../../pipelines/demo/demo-warehouse.ts';

let wh: Warehouse;
let impact: PolicyImpact;
beforeAll(async () => {
  ({ wh } = await demoWarehouse({ seed: 7, milestones: 6000, asOf: '2026-10-31' }));
  impact = await wh.withConnection((c) =>
    policyImpact(c, PolicyImpactQuery.parse({ replicates: 100 })),
  );
}, 60_000);
afterAll(() => wh.close());

type Sums = { completed: number; onTime: number; submitted: number; disputed: number };
const sum = (xs: Sums[]) =>
  xs.reduce(
    (s, r) => ({
      completed: s.completed + r.completed,
      onTime: s.onTime + r.onTime,
      submitted: s.submitted + r.submitted,
      disputed: s.disputed + r.disputed,
    }),
    { completed: 0, onTime: 0, submitted: 0, disputed: 0 },
  );

describe('event-time rates', () => {
  it('have one row per group and quarter, inside the window', async () => {
    const events = await wh.withConnection((c) => eventTimeRates(c, { before: 4, after: 3 }));
    const keys = events.map((r) => `${r.group} ${r.quarter}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Math.min(...events.map((r) => r.quarter))).toBeGreaterThanOrEqual(-4);
    expect(Math.max(...events.map((r) => r.quarter))).toBeLessThanOrEqual(2);
  });

  it('over all quarters add up to the before/after cells of the DiD', async () => {
    const events = await wh.withConnection((c) => eventTimeRates(c, { before: 400, after: 400 }));
    const cell = (group: string, after: boolean) =>
      sum(events.filter((r) => r.group === group && r.quarter >= 0 === after));
    const check = (
      s: Sums,
      onTime: PolicyImpact['onTime']['treatedBefore'],
      dispute: typeof onTime,
    ) =>
      expect([s.onTime, s.completed, s.disputed, s.submitted]).toEqual([
        onTime.numerator,
        onTime.denominator,
        dispute.numerator,
        dispute.denominator,
      ]);
    check(cell('treated', false), impact.onTime.treatedBefore, impact.dispute.treatedBefore);
    check(cell('treated', true), impact.onTime.treatedAfter, impact.dispute.treatedAfter);
    check(cell('control', false), impact.onTime.controlBefore, impact.dispute.controlBefore);
    check(cell('control', true), impact.onTime.controlAfter, impact.dispute.controlAfter);
  });
});

describe('placebo', () => {
  it('runs on pre-switch data only and leaves the switch dates as they were', async () => {
    const before = await wh.withConnection((c) =>
      rows(c, `SELECT brand_id, change_date::VARCHAR AS d FROM policy_changes ORDER BY ALL`),
    );
    const result = await wh.withConnection((c) => placeboImpact(c, 12, { replicates: 100 }));
    const after = await wh.withConnection((c) =>
      rows(c, `SELECT brand_id, change_date::VARCHAR AS d FROM policy_changes ORDER BY ALL`),
    );
    expect(after).toEqual(before);
    const first = before.map((r) => String(r.d)).sort()[0] ?? '';
    const dayBefore = new Date(Date.parse(first) - 86_400_000).toISOString().slice(0, 10);
    expect(result.sampleEnd).toBe(dayBefore);
    expect(result.impact.onTime.treatedAfter.denominator).toBeGreaterThan(0);
    expect(result.impact.onTime.treatedAfter.denominator).toBeLessThan(
      impact.onTime.treatedAfter.denominator,
    );
    expect(placeboRows([result])[0]?.['pretend switch']).toBe('12 months early');
  });
});

describe('DiD tables', () => {
  it('show each cell with its counts and every estimate with its interval', () => {
    const cells = didCellRows(impact.onTime);
    expect(cells.map((c) => c.cell)).toEqual([
      'switched, before',
      'switched, after',
      'never switched, before',
      'never switched, after',
    ]);
    const tb = impact.onTime.treatedBefore;
    expect(cells[0]?.count).toBe(`${tb.numerator} / ${tb.denominator}`);
    const estimates = didEstimateRows(impact);
    expect(estimates).toHaveLength(4);
    const did = impact.onTime.differenceInDifferences.relative.value ?? 0;
    expect(estimates[1]?.relative).toBe(`${did >= 0 ? '+' : ''}${(did * 100).toFixed(1)}%`);
    expect(estimates[1]?.['95% interval']).toMatch(/^[+-]\d+\.\d% to [+-]\d+\.\d%$/);
  });
});

describe('cohort table export', () => {
  it('writes the API’s cohort export with its metadata, one row per group', async () => {
    const query = CohortTableQuery.parse({ by: 'partnerKind,milestoneType' });
    const path = join(tmpdir(), `milepost-notebook-test-${process.pid}.csv`);
    try {
      await wh.withConnection((c) => writeCohortCsv(c, query, path));
      const lines = readFileSync(path, 'utf8').trim().split('\n');
      expect(lines[0]).toBe('# milepost.dataset: cohorts');
      const data = lines.filter((l) => !l.startsWith('#'));
      expect(data[0]).toMatch(/^partnerKind,milestoneType,milestones,completed,/);
      const table = await wh.withConnection((c) => cohortTable(c, query));
      expect(data.length - 1).toBe(table.total);
    } finally {
      rmSync(path, { force: true });
    }
  });

  it('shows rates as percentages with slip as the late share of completed', async () => {
    const table = await wh.withConnection((c) =>
      cohortTable(c, CohortTableQuery.parse({ by: 'partnerKind' })),
    );
    const [first] = cohortDisplay(table.rows);
    const r = table.rows[0];
    expect(first?.group).toBe(r?.keys.partnerKind);
    const late = ((r?.completed ?? 0) - (r?.onTimeRate.numerator ?? 0)) / (r?.completed ?? 1);
    expect(first?.slipped).toBe(`${(late * 100).toFixed(1)}%`);
  });
});
