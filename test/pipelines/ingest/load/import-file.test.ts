import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../../pipelines/ingest/load/import-file.ts';
import { reconciles } from '../../../../pipelines/ingest/load/import-counts.ts';
import { queryRow, queryRows } from '../../../../pipelines/warehouse/query.ts';
import { refreshMarts } from '../../../../pipelines/warehouse/refresh-marts.ts';
import { openWarehouse, type Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { csvFile, erpMapping, header, snapshot } from './import-helpers.ts';

const good = [
  ['M1', 'P1', '创意', '2024-03-01', '2024-03-10', '2024年3月12日', '¥1,200.50', '已验收'],
  ['M2', 'P1', 'creative', '2024-03-01', '2024-03-15', '2024-03-15', 'RMB 1.2万', 'approved'],
  ['M3', 'P2', 'KOL种草', '2024-03-05', '2024-03-20', '', '800', '进行中'],
];

describe('importFile', () => {
  let wh: Warehouse;
  beforeEach(async () => {
    wh = await openWarehouse(':memory:');
  });
  afterEach(() => wh.close());
  const load = (file: string, extra: Partial<Parameters<typeof importFile>[2]> = {}) =>
    importFile(wh, file, {
      mapping: erpMapping,
      clock: () => new Date('2024-04-01T00:00:00Z'),
      ...extra,
    });

  it('loads clean rows into the canonical tables and the marts', async () => {
    const r = await load(csvFile('good.csv', [header, ...good]));
    expect(r.counts).toMatchObject({
      read: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      quarantined: 0,
    });
    const rows = await wh.withConnection((c) =>
      queryRows(
        c,
        `SELECT milestone_id, amount, status, slip_days FROM milestone_facts ORDER BY 1`,
      ),
    );
    expect(rows).toEqual([
      { milestone_id: 'M1', amount: 1200.5, status: 'approved', slip_days: 2 },
      { milestone_id: 'M2', amount: 12000, status: 'approved', slip_days: 0 },
      { milestone_id: 'M3', amount: 800, status: 'in_progress', slip_days: null },
    ]);
    const m = await wh.withConnection((c) =>
      queryRows<{ type: string; source_line: number }>(
        c,
        `SELECT type, source_line::INTEGER AS source_line FROM milestones ORDER BY milestone_id`,
      ),
    );
    expect(m.map((x) => x.type)).toEqual(['creative', 'creative', 'kol_seeding']);
    expect(m.map((x) => x.source_line)).toEqual([2, 3, 4]);
  });

  it('changes nothing when the same file is loaded twice', async () => {
    const file = csvFile('twice.csv', [header, ...good]);
    await load(file);
    const before = await snapshot(wh);
    const again = await load(file);
    expect(again.counts).toMatchObject({
      read: 3,
      inserted: 0,
      updated: 0,
      unchanged: 3,
      quarantined: 0,
    });
    expect(await snapshot(wh)).toBe(before);
  });

  it('updates from a newer export, keeps history and never moves the baseline due date', async () => {
    await load(csvFile('v1.csv', [header, ...good]));
    const newer = good.map((r) => [...r]);
    newer[2] = ['M3', 'P2', 'KOL种草', '2024-03-05', '2024-03-31', '2024-03-28', '800', 'approved'];
    const r = await load(csvFile('v2.csv', [header, ...newer]));
    expect(r.counts).toMatchObject({ read: 3, inserted: 0, updated: 1, unchanged: 2 });
    const m3 = await wh.withConnection((c) =>
      queryRow(
        c,
        `SELECT baseline_due, current_due, status FROM milestones WHERE milestone_id = 'M3'`,
      ),
    );
    // The later plan becomes the current due date; the baseline stays as first signed.
    expect(m3).toEqual({
      baseline_due: '2024-03-20',
      current_due: '2024-03-31',
      status: 'approved',
    });
    const hist = await wh.withConnection((c) =>
      queryRows<{ previous: string }>(
        c,
        `SELECT previous::VARCHAR AS previous FROM milestone_history`,
      ),
    );
    expect(hist).toHaveLength(1);
    expect(JSON.parse(hist[0]!.previous)).toMatchObject({
      milestone_id: 'M3',
      status: 'in_progress',
    });
  });

  it('recomputes the facts of the milestones a load wrote exactly as a full rebuild would', async () => {
    const many = Array.from({ length: 8 }, (_, i) => [
      `N${i}`,
      'P1',
      'creative',
      '2024-03-01',
      '2024-03-10',
      i % 2 ? '2024-03-12' : '',
      '100',
      '进行中',
    ]);
    await load(csvFile('many.csv', [header, ...good, ...many]));
    const newer = [...good.map((r) => [...r]), ...many];
    newer[2] = ['M3', 'P2', 'KOL种草', '2024-03-05', '2024-03-31', '2024-03-28', '800', 'approved'];
    newer[3] = ['N0', 'P1', 'creative', '2024-03-01', '2024-03-10', '', '100', 'cancelled'];
    const r = await load(csvFile('newer.csv', [header, ...newer]));
    expect(r.counts).toMatchObject({ updated: 2, unchanged: 9 });
    const facts = () =>
      wh.withConnection((c) =>
        queryRows(
          c,
          `SELECT * EXCLUDE (amount_usd, billed_amount_usd, dispute_amount_usd) FROM milestone_facts ORDER BY milestone_id`,
        ),
      );
    const incremental = await facts();
    expect(incremental.find((f) => f.milestone_id === 'M3')).toMatchObject({
      approved_date: '2024-03-28',
      slip_days: 8,
    });
    expect(incremental.some((f) => f.milestone_id === 'N0')).toBe(false); // cancelled: no facts
    await wh.withConnection((c) => refreshMarts(c));
    expect(await facts()).toEqual(incremental);
  });

  it('quarantines bad rows with rule, column, value and line, and the counts reconcile', async () => {
    const file = csvFile('bad.csv', [
      header,
      ...good,
      ['M4', 'P1', 'creative', '2024-03-01', '2024-02-30', '', '100', 'planned'],
      ['M5', 'P1', 'creative', '2024-03-01', '2024-03-10', '', '-5', 'planned'],
      ['M6', 'P1', 'creative', '2024-03-01', '2024-03-10', '', '=HYPERLINK("http://x")', 'planned'],
      ['', 'P1', 'creative', '2024-03-01', '2024-03-10', '', '1', 'planned'],
      ['M7', 'P1', 'creative', '2024-03-01', '2024-03-10', '', '1', 'planned'],
      ['M7', 'P1', 'creative', '2024-03-01', '2024-03-11', '', '1', 'planned'],
      ['M1', 'P1', '创意', '2024-03-01', '2024-03-10', '2024年3月12日', '¥1,200.50', '已验收'],
      ['M8', 'P1', 'banana', '2024-03-01', '2024-03-10', '', '1', 'planned'],
    ]);
    const r = await load(file);
    expect(reconciles(r.counts)).toBe(true);
    expect(r.counts).toMatchObject({ read: 11, inserted: 3, unchanged: 1, quarantined: 7 });
    const q = await wh.withConnection((c) =>
      queryRows<{
        source_line: number;
        rule: string;
        column_name: string | null;
        value: string | null;
      }>(
        c,
        `SELECT source_line::INTEGER AS source_line, rule, column_name, value FROM quarantine ORDER BY source_line, rule`,
      ),
    );
    expect(q).toEqual([
      { source_line: 5, rule: 'impossible_date', column_name: 'due', value: '2024-02-30' },
      { source_line: 6, rule: 'negative_amount', column_name: null, value: '-5.0' },
      {
        source_line: 7,
        rule: 'formula_like',
        column_name: 'amount',
        value: '=HYPERLINK("http://x")',
      },
      { source_line: 8, rule: 'missing_required', column_name: 'id', value: null },
      { source_line: 9, rule: 'duplicate_key', column_name: null, value: 'M7' },
      { source_line: 10, rule: 'duplicate_key', column_name: null, value: 'M7' },
      { source_line: 12, rule: 'not_in_vocabulary', column_name: 'type', value: 'banana' },
    ]);
  });

  it('refuses a file without a mapped column and leaves the warehouse as it was', async () => {
    await load(csvFile('ok.csv', [header, ...good]));
    const before = await snapshot(wh);
    const file = csvFile('nocol.csv', [
      header.filter((h) => h !== 'due'),
      ...good.map((r) => r.filter((_, i) => i !== 4)),
    ]);
    await expect(load(file)).rejects.toMatchObject({ code: 'missing_column' });
    expect(await snapshot(wh)).toBe(before);
    const failed = await wh.withConnection((c) =>
      queryRow<{ n: number }>(
        c,
        `SELECT count(*)::INTEGER AS n FROM loads WHERE status = 'failed'`,
      ),
    );
    expect(failed?.n).toBe(1);
  });

  it('counts but writes nothing on a dry run', async () => {
    const before = await snapshot(wh);
    const r = await load(csvFile('dry.csv', [header, ...good]), { dryRun: true });
    expect(r.counts.inserted).toBe(3);
    expect(await snapshot(wh)).toBe(before);
  });

  it('never lets one brand overwrite another brand’s milestone', async () => {
    await load(csvFile('a.csv', [header, ...good]));
    const r = await load(csvFile('b.csv', [header, good[0]!]), { brand: 'other' });
    expect(r.counts).toMatchObject({ read: 1, quarantined: 1, byRule: { key_of_other_brand: 1 } });
    const owner = await wh.withConnection((c) =>
      queryRow<{ brand_id: string }>(
        c,
        `SELECT brand_id FROM milestones WHERE milestone_id = 'M1'`,
      ),
    );
    expect(owner?.brand_id).toBe('acme');
  });
});
