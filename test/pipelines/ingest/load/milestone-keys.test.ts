// `milestones` has no PRIMARY KEY since data/schema/005: the merge, the load lock and the other
// writers' checks keep one row per milestone_id. These tests would find a second row.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../../pipelines/demo/load-demo.ts';
import { importFile } from '../../../../pipelines/ingest/load/import-file.ts';
import { acquireLoadLock } from '../../../../pipelines/ingest/load/load-lock.ts';
import { insertRecords } from '../../../../pipelines/warehouse/insert-records.ts';
import { applyMigrations, listMigrations } from '../../../../pipelines/warehouse/migrate.ts';
import { queryRow, queryRows } from '../../../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { csvFile, dir, erpMapping, erpRow, header } from './import-helpers.ts';

const row = erpRow;

/** Keys with more than one row, and the number of rows. */
async function duplicates(wh: Warehouse) {
  return wh.withConnection((c) =>
    queryRows(
      c,
      `SELECT milestone_id, count(*)::INTEGER AS n FROM milestones
       GROUP BY ALL HAVING count(*) > 1 ORDER BY 1`,
    ),
  );
}

const count = (wh: Warehouse) =>
  wh.withConnection(async (c) => {
    const r = await queryRow<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM milestones');
    return r?.n ?? 0;
  });

describe('one row per milestone_id without a key constraint', () => {
  let wh: Warehouse;
  beforeEach(async () => {
    wh = await openWarehouse(':memory:');
  });
  afterEach(() => wh.close());
  const load = (file: string) => importFile(wh, file, { mapping: erpMapping });

  it('holds after repeated, overlapping and conflicting loads', async () => {
    const a = csvFile('keys-a.csv', [
      header,
      row('K1', '2024-03-10', '5'),
      row('K2', '2024-03-11', '6'),
    ]);
    // Overlapping: K2 changed, K3 new; K3 twice with the same values (one row).
    const b = csvFile('keys-b.csv', [
      header,
      row('K2', '2024-03-20', '7', 'approved'),
      row('K3', '2024-03-12', '8'),
      row('K3', '2024-03-12', '8'),
    ]);
    // Conflicting: K1 twice with different values (quarantined), K4 new.
    const c = csvFile('keys-c.csv', [
      header,
      row('K1', '2024-03-10', '9'),
      row('K1', '2024-03-10', '10'),
      row('K4', '2024-03-13', '11'),
    ]);
    expect((await load(a)).counts).toMatchObject({ inserted: 2 });
    expect((await load(a)).counts).toMatchObject({ inserted: 0, unchanged: 2 });
    expect((await load(b)).counts).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });
    expect((await load(c)).counts).toMatchObject({ inserted: 1, quarantined: 2 });
    expect((await load(b)).counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await duplicates(wh)).toEqual([]);
    expect(await count(wh)).toBe(4);
    const k2 = await wh.withConnection((conn) =>
      queryRow(
        conn,
        `SELECT baseline_due, status, amount::DOUBLE AS amount FROM milestones WHERE milestone_id = 'K2'`,
      ),
    );
    // The newer export updates K2 but never its baseline due date.
    expect(k2).toEqual({ baseline_due: '2024-03-11', status: 'approved', amount: 7 });
  });

  it('holds when loads of the same new keys run at the same time', async () => {
    const files = [1, 2, 3].map((i) =>
      csvFile(`keys-par-${i}.csv`, [
        header,
        row('N1', '2024-03-10', '5'),
        row(`N${i + 1}`, '2024-03-11', `${i}`),
      ]),
    );
    const results = await Promise.all(files.map((f) => load(f)));
    expect(results.map((r) => r.counts.inserted).sort()).toEqual([1, 1, 2]);
    expect(await duplicates(wh)).toEqual([]);
    expect(await count(wh)).toBe(4);
  });

  it('refuses a demo loaded twice (same ids) and leaves the first', async () => {
    await loadDemo(wh, { milestones: 300, seed: 7 });
    const before = await count(wh);
    // The demo's other keyed tables (brands, ...) refuse it first; the milestone check backs them.
    await expect(loadDemo(wh, { milestones: 300, seed: 7 })).rejects.toThrow(/duplicate key/i);
    expect(await count(wh)).toBe(before);
    expect(await duplicates(wh)).toEqual([]);
  });

  it('refuses records inserted a second time, and the load lock serialises', async () => {
    await load(csvFile('keys-one.csv', [header, row('R1', '2024-03-10', '5')]));
    const existing = await wh.withConnection((c) =>
      queryRows<Record<string, unknown>>(c, `SELECT * FROM milestones`),
    );
    const again = {
      milestoneId: 'R1',
      projectId: 'P1',
      contractId: String(existing[0]?.contract_id),
      brandId: 'acme',
      partnerId: 'P1',
      name: 'again',
      type: 'creative' as const,
      acceptanceCriteria: null,
      plannedStart: null,
      actualStart: null,
      baselineDue: '2024-03-10',
      currentDue: '2024-03-10',
      amount: 5,
      share: 0,
      status: 'planned' as const,
      attributes: {},
    };
    // Outside a transaction too: refused before anything is written.
    await expect(
      wh.withConnection((c) => insertRecords(c, { milestones: [again] })),
    ).rejects.toThrow(/duplicate key: milestone "R1"/);
    await expect(
      wh.withConnection((c) =>
        insertRecords(c, {
          milestones: [
            { ...again, milestoneId: 'R2' },
            { ...again, milestoneId: 'R2' },
          ],
        }),
      ),
    ).rejects.toThrow(/duplicate key: milestone "R2"/);
    expect(await count(wh)).toBe(1);
    expect(await duplicates(wh)).toEqual([]);
    const order: string[] = [];
    const first = await acquireLoadLock('lock-test');
    const second = acquireLoadLock('lock-test').then((release) => {
      order.push('second');
      release();
    });
    order.push('first');
    first();
    await second;
    expect(order).toEqual(['first', 'second']);
  });
});

describe('migration 005 on an existing warehouse', () => {
  const path = join(dir, 'before-005.duckdb');
  afterEach(() => rmSync(path, { force: true }));

  it('keeps the rows and the column order, drops the key, and loads still merge', async () => {
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    await applyMigrations(
      conn,
      listMigrations().filter((m) => m.version < 5),
    );
    await conn.run(
      `INSERT INTO milestones VALUES ('OLD1', 'P1', 'C1', 'acme', 'P1', 'old', 'creative', NULL, NULL, NULL,
        DATE '2024-03-01', DATE '2024-03-02', 5, 0.5, 'planned', NULL, 'l0', 'f.csv', 2)`,
    );
    const columns = `SELECT list(column_name ORDER BY column_index) AS c FROM duckdb_columns() WHERE table_name = 'milestones'`;
    const before = await queryRow(conn, columns);
    conn.closeSync();
    instance.closeSync();
    const wh = await openWarehouse(path);
    try {
      const after = await wh.withConnection(async (c) => ({
        columns: await queryRow(c, columns),
        keys: await queryRows(
          c,
          `SELECT constraint_type FROM duckdb_constraints() WHERE table_name = 'milestones'
           AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')`,
        ),
        old: await queryRow(c, `SELECT name, share FROM milestones WHERE milestone_id = 'OLD1'`),
      }));
      expect(after).toEqual({ columns: before, keys: [], old: { name: 'old', share: 0.5 } });
      const file = csvFile('after-005.csv', [header, row('OLD2', '2024-03-10', '5')]);
      await importFile(wh, file, { mapping: erpMapping });
      const r = await importFile(wh, file, { mapping: erpMapping });
      expect(r.counts).toMatchObject({ inserted: 0, unchanged: 1 });
      expect(await duplicates(wh)).toEqual([]);
      expect(await count(wh)).toBe(2);
    } finally {
      await wh.close();
    }
  });
});
