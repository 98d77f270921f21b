import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, csvField } from '../../../pipelines/demo/csv-format.ts';
import { demoTableNames, demoTableSpecs } from '../../../pipelines/demo/demo-tables.ts';
import { writeDemoCsv } from '../../../pipelines/demo/write-demo-csv.ts';
import type { WriteDemoCsvResult } from '../../../pipelines/demo/write-demo-csv.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { demoWarehouse, scalar } from './demo-warehouse.ts';

const OPTIONS = { milestones: 2500, seed: 8 };

describe('CSV cells', () => {
  it('quotes as RFC 4180 asks and formats money with two decimals', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('')).toBe('""');
    expect(csvCell('decimal', 12.5)).toBe('12.50');
    expect(csvCell('decimal', -3)).toBe('-3.00');
    expect(csvCell('date', '2024-11-05')).toBe('2024-11-05');
    expect(csvCell('varchar', null)).toBe('');
  });
});

describe('writeDemoCsv', () => {
  let dir: string;
  let written: WriteDemoCsvResult;
  let wh: Warehouse;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'milepost-demo-csv-'));
    written = await writeDemoCsv(dir, OPTIONS);
    ({ wh } = await demoWarehouse(OPTIONS));
  });
  afterAll(async () => {
    await wh.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one file per table with a header row and the truth beside them', async () => {
    for (const t of demoTableNames) {
      const text = await readFile(written.files[t], 'utf8');
      expect(text.slice(0, text.indexOf('\r\n'))).toBe(
        demoTableSpecs[t].columns.map((c) => c.name).join(','),
      );
    }
    const truth = JSON.parse(await readFile(join(dir, 'demo_truth.json'), 'utf8'));
    expect(truth.seed).toBe(OPTIONS.seed);
  });

  it('loads back with read_csv into the warehouse types, row for row equal to the appender load', async () => {
    for (const t of demoTableNames) {
      const spec = demoTableSpecs[t];
      const names = spec.columns.map((c) => c.name).join(', ');
      // Column types come from the warehouse table itself, so money stays DECIMAL and ids VARCHAR.
      const diff = await wh.withConnection(async (c) => {
        await c.run(`CREATE TEMP TABLE csv_${t} AS SELECT ${names} FROM ${t} LIMIT 0`);
        const types = (
          await c.runAndReadAll(`SELECT column_name, data_type FROM information_schema.columns
          WHERE table_name = 'csv_${t}' ORDER BY ordinal_position`)
        ).getRows();
        const columns = types.map(([n, ty]) => `'${String(n)}': '${String(ty)}'`).join(', ');
        await c.run(
          `INSERT INTO csv_${t} SELECT * FROM read_csv('${written.files[t]}', header = true, columns = {${columns}})`,
        );
        const inCsv = await scalar(c, `SELECT count(*)::INTEGER FROM csv_${t}`);
        expect(inCsv, t).toBe(written.rows[t]);
        return scalar(
          c,
          `SELECT count(*)::INTEGER FROM ((SELECT ${names} FROM ${t} EXCEPT ALL SELECT * FROM csv_${t})
          UNION ALL (SELECT * FROM csv_${t} EXCEPT ALL SELECT ${names} FROM ${t}))`,
        );
      });
      expect(diff, t).toBe(0);
    }
  });
});
