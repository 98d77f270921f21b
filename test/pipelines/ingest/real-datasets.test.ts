import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconciles } from '../../../pipelines/ingest/load/import-counts.ts';
import { importFile } from '../../../pipelines/ingest/load/import-file.ts';
import { loadMapping } from '../../../pipelines/ingest/mapping/load-mapping.ts';
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
