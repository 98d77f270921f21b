import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconciles } from '../../../pipelines/ingest/load/import-counts.ts';
import { importFile } from '../../../pipelines/ingest/load/import-file.ts';
import { loadMapping } from '../../../pipelines/ingest/mapping/load-mapping.ts';
import { queryRow } from '../../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../../pipelines/warehouse/warehouse.ts';

const real = new URL('../../../../shared/data/real/', import.meta.url).pathname;
const present = existsSync(real);
if (!present && process.env.CI === 'true') {
  throw new Error(
    `The real datasets are missing at ${real}: CI must have ../shared beside the checkout`,
  );
}

// Counts checked by hand against the files (docs/import.md lists the quarantined rows).
const cases = [
  {
    mapping: 'adb',
    file: 'adb/adb_success_rate.csv',
    brand: undefined,
    read: 1019,
    inserted: 1013,
    updated: 0,
    unchanged: 0,
    byRule: { due_before_start: 4, missing_required: 2 },
  },
  {
    mapping: 'nyc',
    file: 'nyc/NYC_capital_projects_20190901.csv',
    brand: undefined,
    read: 2259,
    inserted: 362,
    updated: 1774,
    unchanged: 0,
    byRule: { missing_required: 122, negative_amount: 1 },
  },
  {
    // Joined with est-act-dates.csv on TaskNumber (the mapping's join.file); every task has dates.
    mapping: 'sip',
    file: 'sip/Sip-task-info.csv',
    brand: undefined,
    read: 12299,
    inserted: 10263,
    updated: 0,
    unchanged: 2025,
    byRule: { template_task: 7, duplicate_key: 4 },
  },
  {
    mapping: 'delayed-issues',
    file: 'delayed_issues/apache_due.csv',
    brand: 'apache',
    read: 6289,
    inserted: 6289,
    updated: 0,
    unchanged: 0,
    byRule: {},
  },
];

describe.skipIf(!present)('the four real datasets import with their shipped mappings', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
  });
  afterAll(() => wh.close());

  it.each(cases)('$mapping: every row loaded or quarantined with a reason', async (c) => {
    const r = await importFile(wh, `${real}${c.file}`, {
      mapping: loadMapping(c.mapping),
      brand: c.brand,
    });
    expect(reconciles(r.counts)).toBe(true);
    expect(r.counts).toMatchObject({
      read: c.read,
      inserted: c.inserted,
      updated: c.updated,
      unchanged: c.unchanged,
      byRule: c.byRule,
    });
  });

  it('sip: the dates come from est-act-dates.csv and the scoring attributes survive', async () => {
    // Task 1735: EstimateOn = StartedOn = 26-Feb-04, CompletedOn = 11-Jan-05, 14 h estimated.
    const t = await wh.withConnection((c) =>
      queryRow(
        c,
        `SELECT m.planned_start, m.baseline_due, f.approved_date,
                m.attributes->>'estimateOn' AS estimate_on,
                (m.attributes->>'hoursEstimate')::DOUBLE AS hours_estimate,
                (m.attributes->>'hoursActual')::DOUBLE AS hours_actual
         FROM milestones m JOIN milestone_facts f USING (milestone_id)
         WHERE m.milestone_id = '1735' AND m.brand_id = 'sip'`,
      ),
    );
    expect(t).toEqual({
      planned_start: '2004-02-26',
      baseline_due: '2004-02-28',
      approved_date: '2005-01-11',
      estimate_on: '2004-02-26',
      hours_estimate: 14,
      hours_actual: 1.75,
    });
    // Task 3457 has no StartedOn: its planned start is EstimateOn (09-Aug-05).
    const noStart = await wh.withConnection((c) =>
      queryRow(c, `SELECT planned_start FROM milestones WHERE milestone_id = '3457'`),
    );
    expect(noStart).toEqual({ planned_start: '2005-08-09' });
  });

  it('delayed-issues: the outcome (delaydays) is not kept as a feature', async () => {
    const r = await wh.withConnection((c) =>
      queryRow<{ n: number; leaked: number; late: number }>(
        c,
        `SELECT count(*)::INTEGER AS n,
                count(*) FILTER (WHERE attributes->>'delayDays' IS NOT NULL)::INTEGER AS leaked,
                count(*) FILTER (WHERE f.approved_date > f.baseline_due)::INTEGER AS late
         FROM milestones m JOIN milestone_facts f USING (milestone_id) WHERE m.brand_id = 'apache'`,
      ),
    );
    expect(r?.n).toBe(6289);
    expect(r?.leaked).toBe(0);
    expect(r?.late).toBeGreaterThan(0);
  });

  it('changes nothing when a real file is imported again', async () => {
    const r = await importFile(wh, `${real}sip/Sip-task-info.csv`, { mapping: loadMapping('sip') });
    expect(r.counts).toMatchObject({
      read: 12299,
      inserted: 0,
      updated: 0,
      unchanged: 12288,
      quarantined: 11,
    });
  });
});
