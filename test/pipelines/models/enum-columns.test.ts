// The feature table reads its few-valued text columns as ENUM casts (one dictionary per column
// instead of a string per row): the labels, codes and row order must be those of plain text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../pipelines/demo/index.ts';
import { enumColumns } from '../../../pipelines/models/features/enum-columns.ts';
import {
  milestoneTable,
  type MilestoneTable,
} from '../../../pipelines/models/features/milestone-table.ts';
import { queryRows } from '../../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../../pipelines/warehouse/warehouse.ts';

const asOf = '2026-04-30';

describe('few-valued text columns read as ENUMs', () => {
  let wh: Warehouse;
  let table: MilestoneTable;
  let text: MilestoneTable;
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    await loadDemo(wh, { seed: 3, milestones: 3000, asOf: '2026-10-31' });
    // A categorical attribute with a quote in a label and a missing value.
    await wh.withConnection((c) =>
      c.run(`UPDATE milestones SET attributes = json_object('tier',
               CASE hash(milestone_id) % 3 WHEN 0 THEN 'O''Brien' WHEN 1 THEN 'gold' END)`),
    );
    [table, text] = await wh.withConnection(async (c) => {
      const all = await milestoneTable(c, { asOf });
      // A table of named milestones reads every column as text.
      return [all, await milestoneTable(c, { asOf, milestoneIds: all.ids })] as const;
    });
  }, 120_000);
  afterAll(() => wh.close());

  it('gives the same rows, labels and codes as text columns', () => {
    expect(table.n).toBeGreaterThan(2000);
    // Ties of the start day are ordered by brand: the order bites.
    expect(new Set(table.meta.brand).size).toBeGreaterThan(3);
    expect(table.attributes.map((a) => `${a.key}:${a.kind}`)).toEqual(['tier:categorical']);
    expect(table.ids).toStrictEqual(text.ids);
    expect(table.meta).toStrictEqual(text.meta);
    expect(table.referenceGroup).toStrictEqual(text.referenceGroup);
    expect(table.features.categorical).toStrictEqual(text.features.categorical);
    expect(table.features.categorical.get('attr_tier')!.levels.sort()).toEqual([
      '(none)',
      "O'Brien",
      'gold',
    ]);
  });

  it('casts to an ENUM only up to maxLevels distinct values', async () => {
    const exprs = new Map([
      ['status', 'status'],
      ['partner_id', 'partner_id'],
    ]);
    const [wide, narrow] = await wh.withConnection(async (c) => [
      await enumColumns(c, 'model_features', exprs),
      await enumColumns(c, 'model_features', exprs, 1),
    ]);
    expect(wide.get('status')).toMatch(/^CAST\(status AS ENUM \('/);
    expect(narrow.get('partner_id')).toBe('partner_id');
    const rows = await wh.withConnection((c) =>
      queryRows<{ a: string; b: string }>(
        c,
        `SELECT ${wide.get('partner_id')}::VARCHAR AS a, partner_id AS b FROM model_features`,
      ),
    );
    expect(rows.every((r) => r.a === r.b)).toBe(true);
  });
});
