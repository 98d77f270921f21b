import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../../pipelines/ingest/load/import-file.ts';
import { parseMapping } from '../../../../pipelines/ingest/mapping/load-mapping.ts';
import { queryRows } from '../../../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { csvFile, dir } from './import-helpers.ts';

// A row must not put one brand's milestone into another brand's contract or project: that would
// let each brand read the other's (test/api/isolation-writes.test.ts found it through the API).

const fields = {
  milestoneId: { column: 'id' },
  partnerId: { column: 'partner' },
  contractId: { column: 'contract' },
  projectId: { column: 'project' },
  baselineDue: { column: 'due' },
};
const byColumn = parseMapping({ name: 'brand-column', brand: { column: 'brand' }, fields });
const ndjson = parseMapping({
  name: 'brand-column-ndjson',
  brand: { column: 'brand' },
  source: { format: 'ndjson' },
  fields,
});
const header = ['id', 'brand', 'partner', 'contract', 'project', 'due'];

describe('keys of another brand: contracts and projects', () => {
  let wh: Warehouse;
  beforeEach(async () => {
    wh = await openWarehouse(':memory:');
    await importFile(
      wh,
      csvFile('b.csv', [header, ['B-1', 'bravo', 'P1', 'C-B', 'J-B', '2024-03-10']]),
      {
        mapping: byColumn,
      },
    );
  });
  afterEach(() => wh.close());

  const quarantined = () =>
    wh.withConnection((c) =>
      queryRows<{
        source_line: number;
        rule: string;
        value: string;
        message: string;
        row_data: string;
      }>(
        c,
        `SELECT source_line::INTEGER AS source_line, rule, value, message, row_data::VARCHAR AS row_data
         FROM quarantine ORDER BY source_line`,
      ),
    );
  const milestonesOf = (contract: string) =>
    wh.withConnection((c) =>
      queryRows<{ milestone_id: string; brand_id: string }>(
        c,
        `SELECT milestone_id, brand_id FROM milestones WHERE contract_id = $c OR project_id = $c ORDER BY 1`,
        { c: contract },
      ),
    );

  it("quarantines a row naming another brand's contract or project, with its row, and loads the rest", async () => {
    const file = csvFile('a.csv', [
      header,
      ['A-1', 'alpha', 'P1', 'C-B', 'J-A', '2024-03-10'],
      ['A-2', 'alpha', 'P1', 'C-A', 'J-B', '2024-03-11'],
      ['A-3', 'alpha', 'P1', 'C-A', 'J-A', '2024-03-12'],
    ]);
    const r = await importFile(wh, file, { mapping: byColumn, brand: 'alpha' });
    expect(r.counts).toMatchObject({
      read: 3,
      inserted: 1,
      quarantined: 2,
      byRule: { key_of_other_brand: 2 },
    });
    const q = await quarantined();
    expect(q.map((x) => [x.source_line, x.rule, x.value])).toEqual([
      [2, 'key_of_other_brand', 'C-B'],
      [3, 'key_of_other_brand', 'J-B'],
    ]);
    expect(q[0]!.message).toBe('contract id C-B belongs to another brand');
    expect(JSON.parse(q[1]!.row_data)).toMatchObject({ id: 'A-2', project: 'J-B' });
    expect(await milestonesOf('C-B')).toEqual([{ milestone_id: 'B-1', brand_id: 'bravo' }]);
    expect(await milestonesOf('J-B')).toEqual([{ milestone_id: 'B-1', brand_id: 'bravo' }]);
  });

  it('gives a contract named by two brands in one file to the brand of its first row', async () => {
    const file = csvFile('two.csv', [
      header,
      ['X-1', 'alpha', 'P1', 'C-NEW', 'J-X1', '2024-03-10'],
      ['X-2', 'bravo', 'P1', 'C-NEW', 'J-X2', '2024-03-11'],
      ['X-3', 'alpha', 'P1', 'C-NEW', 'J-X3', '2024-03-12'],
    ]);
    const r = await importFile(wh, file, { mapping: byColumn });
    expect(r.counts).toMatchObject({ read: 3, inserted: 2, quarantined: 1 });
    const q = await quarantined();
    expect(q.map((x) => [x.source_line, x.value, x.message])).toEqual([
      [3, 'C-NEW', 'contract id C-NEW belongs to another brand (brand alpha, line 2)'],
    ]);
    expect((await milestonesOf('C-NEW')).map((m) => m.brand_id)).toEqual(['alpha', 'alpha']);
  });

  it('does the same on a staged (non-CSV) read', async () => {
    const path = join(dir, 'a.ndjson');
    writeFileSync(
      path,
      [
        {
          id: 'N-1',
          brand: 'alpha',
          partner: 'P1',
          contract: 'C-B',
          project: 'J-N',
          due: '2024-03-10',
        },
        {
          id: 'N-2',
          brand: 'alpha',
          partner: 'P1',
          contract: 'C-N',
          project: 'J-N',
          due: '2024-03-10',
        },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n') + '\n',
    );
    const r = await importFile(wh, path, { mapping: ndjson });
    expect(r.counts).toMatchObject({
      read: 2,
      inserted: 1,
      quarantined: 1,
      byRule: { key_of_other_brand: 1 },
    });
    const q = await quarantined();
    expect(q[0]).toMatchObject({ rule: 'key_of_other_brand', value: 'C-B' });
    expect(JSON.parse(q[0]!.row_data)).toMatchObject({ id: 'N-1' });
  });

  it('lets a brand keep loading into its own contract and project', async () => {
    const file = csvFile('b2.csv', [header, ['B-2', 'bravo', 'P1', 'C-B', 'J-B', '2024-03-12']]);
    const r = await importFile(wh, file, { mapping: byColumn });
    expect(r.counts).toMatchObject({ read: 1, inserted: 1, quarantined: 0 });
  });
});
