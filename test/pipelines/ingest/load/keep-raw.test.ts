// Before its transaction opens, a load keeps only the staged rows quarantine may need (imp_raw:
// faulty lines, rows of keys the file has twice or another brand has) and drops the staging table,
// so the whole file as text is not held next to the merge and the writes.
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../../pipelines/ingest/load/import-file.ts';
import { fusedRawSql } from '../../../../pipelines/ingest/load/keep-raw-sql.ts';
import { runLoad } from '../../../../pipelines/ingest/load/run-load.ts';
import { queryRows } from '../../../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { csvFile, erpMapping, erpRow, header } from './import-helpers.ts';

const row = erpRow;

/** The temp tables that exist and the lines `imp_raw` holds, when the transaction opens. */
async function atBegin(conn: DuckDBConnection) {
  const tables = await queryRows<{ t: string }>(
    conn,
    `SELECT table_name AS t FROM duckdb_tables() WHERE temporary ORDER BY 1`,
  );
  const raw = await queryRows<{ line: number; id: string; amount: string }>(
    conn,
    `SELECT source_line::INTEGER AS line, id, amount FROM imp_raw ORDER BY 1`,
  );
  return { tables: tables.map((r) => r.t), raw };
}

describe('the staged rows a load keeps for quarantine', () => {
  let wh: Warehouse;
  beforeEach(async () => {
    wh = await openWarehouse(':memory:');
  });
  afterEach(() => wh.close());

  it('keeps faulty lines and rows of careful-path keys, drops the staging table, quarantines with the rows as read', async () => {
    const first = csvFile('keep-first.csv', [header, row('K1', '2024-03-10', '5')]);
    await importFile(wh, first, { mapping: erpMapping });
    const beta = csvFile('keep-beta.csv', [header, row('K9', '2024-03-10', '5')]);
    await importFile(wh, beta, { mapping: erpMapping, brand: 'beta' });
    const file = csvFile('keep-second.csv', [
      header,
      row('K1', '2024-03-20', '6'), // line 2: in the warehouse, same brand (updated, not kept)
      row('K2', 'not a date', '7'), // line 3: faulty
      row('K3', '2024-03-12', '8'), // line 4: twice with different values (conflict)
      row('K4', '2024-03-13', '9'), // line 5: new and single (not kept)
      row('K3', '2024-03-12', '10'), // line 6
      row('K9', '2024-03-12', '11'), // line 7: in the warehouse under another brand
    ]);
    let seen: Awaited<ReturnType<typeof atBegin>> | undefined;
    const result = await wh.withConnection((conn) =>
      runLoad(conn, {
        file,
        source: 'keep-second.csv',
        loadId: 'load-keep',
        mapping: erpMapping,
        progress: () => {},
        begin: async () => {
          seen = await atBegin(conn);
          await conn.run('BEGIN TRANSACTION');
        },
        abort: async () => {},
        finish: async () => {
          await conn.run('COMMIT');
          return [];
        },
      }),
    );
    expect(seen?.tables.filter((t) => t.startsWith('stage_'))).toEqual([]);
    expect(seen?.raw).toEqual([
      { line: 3, id: 'K2', amount: '7' },
      { line: 4, id: 'K3', amount: '8' },
      { line: 6, id: 'K3', amount: '10' },
      { line: 7, id: 'K9', amount: '11' },
    ]);
    expect(result.counts).toMatchObject({ read: 6, inserted: 1, updated: 1, quarantined: 4 });
    const quarantined = await wh.withConnection((conn) =>
      queryRows(
        conn,
        `SELECT source_line::INTEGER AS line, rule, row_data->>'due' AS due, row_data->>'amount' AS amount
         FROM quarantine ORDER BY 1`,
      ),
    );
    expect(quarantined).toEqual([
      { line: 3, rule: 'unparseable', due: 'not a date', amount: '7' },
      { line: 4, rule: 'duplicate_key', due: '2024-03-12', amount: '8' },
      { line: 6, rule: 'duplicate_key', due: '2024-03-12', amount: '10' },
      { line: 7, rule: 'key_of_other_brand', due: '2024-03-12', amount: '11' },
    ]);
  });
});

describe('a fused read keeps the staged rows of faulty lines as JSON', () => {
  it('gives back exactly the rows a staging table would have held', async () => {
    const wh = await openWarehouse(':memory:');
    try {
      const columns = ['名称', 'a"b', 'x y', 'empty'];
      const rows = await wh.withConnection(async (conn) => {
        await conn.run(`CREATE TEMP TABLE stage AS
          SELECT * FROM (VALUES
            (3::BIGINT, '引号 "x" \\ 反斜杠', 'tab\there', e'line\nbreak', NULL::VARCHAR),
            (9::BIGINT, '=HYPERLINK("x")', '', '  ', 'é😀')
          ) AS t(source_line, "名称", "a""b", "x y", "empty")`);
        // What the typing statement stores: the row as read (source_line still NULL) as JSON.
        await conn.run(`CREATE TEMP TABLE imp_rows_stored (__line BIGINT, __bad_raw JSON)`);
        await conn.run(`INSERT INTO imp_rows_stored
          SELECT source_line, to_json(struct_pack(source_line := NULL::BIGINT, "名称" := "名称",
                 "a""b" := "a""b", "x y" := "x y", "empty" := "empty"))
          FROM stage`);
        await conn.run(fusedRawSql(columns));
        return queryRows<{ a: string; b: string }>(
          conn,
          `SELECT (SELECT to_json(s)::VARCHAR FROM stage s WHERE s.source_line = r.source_line) AS a,
                  to_json(r)::VARCHAR AS b
           FROM imp_raw r ORDER BY r.source_line`,
        );
      });
      expect(rows).toHaveLength(2);
      for (const r of rows) expect(r.b).toBe(r.a);
    } finally {
      await wh.close();
    }
  });
});
