import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { stageFile } from '../../../../pipelines/ingest/read/index.ts';
import { readFailure, stage, tableNames, tempFiles, useConnection } from './read-helpers.ts';

const files = tempFiles();
const conn = useConnection();

const TEN_MB = 10 * 1024 * 1024;

/** Fails like `readFailure`, and checks that the read left no table behind. */
async function failsCleanly(
  file: string,
  spec: Parameters<typeof stageFile>[2] = { format: 'auto' },
  options = {},
) {
  const before = await tableNames(conn());
  const error = await readFailure(conn(), file, spec, options);
  expect(await tableNames(conn())).toEqual(before);
  return error;
}

describe('stageFile: broken inputs', () => {
  it('refuses an empty file', async () => {
    expect((await failsCleanly(files.file('empty.csv', ''))).code).toBe('empty_file');
  });

  it('refuses a file of empty lines as having no header', async () => {
    const error = await failsCleanly(files.file('blank-lines.csv', '\uFEFF\n\r\n\n'));
    expect(error.code).toBe('empty_file');
  });

  it('refuses a CSV cut inside a quoted value, naming the line the value starts on', async () => {
    const file = files.file('cut.csv', 'id,note\n1,ok\n2,"this note was cut\nshort by a bad cop');
    const error = await failsCleanly(file);
    expect(error.code).toBe('truncated_file');
    expect(error.message).toMatch(/starts on line 3/);
  });

  it('refuses a 10 MB single line without a line break as line_too_long, quickly', async () => {
    const started = Date.now();
    const error = await failsCleanly(files.file('one-line.csv', 'x'.repeat(TEN_MB)));
    expect(error.code).toBe('line_too_long');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a 10 MB field as line_too_long by default, and stages it with maxLineBytes raised', async () => {
    const file = files.file('giant-field.csv', `id,blob\n1,${'y'.repeat(TEN_MB)}\n2,small\n`);
    const error = await failsCleanly(file);
    expect(error.code).toBe('line_too_long');
    expect(error.message).toMatch(/line 2 .*maxLineBytes/);
    const { result, rows } = await stage(
      conn(),
      file,
      { format: 'csv' },
      { maxLineBytes: 16 * 1024 * 1024 },
    );
    expect(result.rowsStaged).toBe(2);
    expect(rows.map((r) => [r.source_line, String(r.blob).length])).toEqual([
      [2, TEN_MB],
      [3, 5],
    ]);
  });

  it('refuses truncated XLSX, Parquet and Arrow files', async () => {
    const bytes = Buffer.from('PK\x03\x04' + 'z'.repeat(200), 'latin1');
    expect((await failsCleanly(files.file('cut.xlsx', bytes))).code).toBe('truncated_file');
    expect(
      (await failsCleanly(files.file('cut.parquet', Buffer.from('PAR1' + 'z'.repeat(200))))).code,
    ).toBe('truncated_file');
    expect(
      (await failsCleanly(files.file('cut.arrow', Buffer.from('ARROW1\0\0' + 'z'.repeat(200)))))
        .code,
    ).toBe('truncated_file');
    const stream = Buffer.concat([
      Buffer.from([0xff, 0xff, 0xff, 0xff, 0x10, 0, 0, 0]),
      Buffer.alloc(40, 7),
    ]);
    expect((await failsCleanly(files.file('cut.arrows', stream))).code).toBe('truncated_file');
  });

  it('refuses truncated and malformed JSON documents', async () => {
    expect((await failsCleanly(files.file('cut.json', '[{"a":1},{"a":'))).code).toBe(
      'truncated_file',
    );
    expect((await failsCleanly(files.file('bad.json', '[{"a":1},{a:2}]'))).code).toBe(
      'invalid_json',
    );
  });

  it('refuses an NDJSON file whose last line was cut off', async () => {
    const error = await failsCleanly(files.file('cut.ndjson', '{"a":1}\n{"a":2}\n{"a":'));
    expect(error.code).toBe('truncated_file');
    expect(error.message).toMatch(/line 3/);
  });

  it('fails with too_many_rejects when most rows do not fit the header', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i},a,b,c`).join('\n');
    const error = await failsCleanly(
      files.file('rejects.csv', `id,name\n${rows}\n`),
      { format: 'csv' },
      { maxRejects: 10 },
    );
    expect(error.code).toBe('too_many_rejects');
  });

  it('refuses unsupported files with a reason', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await failsCleanly(files.file('old.xls', xls))).message).toMatch(/old Excel \.xls/);
    const gz = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
    expect((await failsCleanly(files.file('data.csv.gz', gz))).code).toBe('unsupported_format');
    const error = await failsCleanly(files.file('zip-as-csv.csv', bytesOfZip()), { format: 'csv' });
    expect(error.message).toMatch(/declared csv/);
  });

  it('reports a missing file', async () => {
    expect((await failsCleanly(files.path('nope.csv'))).code).toBe('file_not_found');
  });

  it('validates the spec and the options with clear messages', async () => {
    const file = files.file('ok.csv', 'a,b\n1,2\n');
    const bad = await readFailure(conn(), file, { format: 'excel' } as never);
    expect(bad.code).toBe('invalid_spec');
    expect(bad.message).toMatch(/format must be one of csv, tsv/);
    const delimiter = await readFailure(conn(), file, { format: 'csv', delimiter: ';;' });
    expect(delimiter.message).toMatch(/delimiter must be one character/);
    const sheet = await readFailure(conn(), file, { format: 'csv', sheet: 'Sheet1' });
    expect(sheet.message).toMatch(/sheet do\(es\) not apply to csv/);
    const table = await readFailure(conn(), file, { format: 'csv' }, { table: 'x; DROP TABLE y' });
    expect(table.message).toMatch(/plain identifier/);
  });

  it('refuses a staging table name that is taken, without touching that table', async () => {
    await conn().run('CREATE TABLE taken AS SELECT 1 AS x');
    const error = await readFailure(
      conn(),
      files.file('t.csv', 'a\n1\n'),
      { format: 'csv' },
      { table: 'taken' },
    );
    expect(error.code).toBe('invalid_spec');
    const rows = await conn().runAndReadAll('SELECT x FROM taken');
    expect(rows.getRowObjectsJson()).toEqual([{ x: 1 }]);
  });
});

describe('stageFile inside the caller transaction', () => {
  it('stages inside BEGIN ... COMMIT, and a ROLLBACK removes the staging table', async () => {
    const file = files.file('tx.csv', 'a,b\n1,2\n');
    await conn().run('BEGIN TRANSACTION');
    const { result, rows } = await stage(
      conn(),
      file,
      { format: 'csv' },
      { temp: false, table: 'stage_tx' },
    );
    // New rows get rowids from 2^55 inside a transaction: source_line must not depend on that.
    expect(rows).toEqual([{ source_line: 2, a: '1', b: '2' }]);
    expect(await tableNames(conn())).toContain('stage_tx');
    await conn().run('ROLLBACK');
    expect(await tableNames(conn())).not.toContain(result.table);
  });

  it('numbers multi-line rows and rejects right inside a transaction', async () => {
    const file = files.file('tx-multi.csv', 'a,b\n1,"x\ny"\n2\n3,z\n');
    await conn().run('BEGIN TRANSACTION');
    const { result, rows } = await stage(conn(), file, { format: 'csv' });
    await conn().run('COMMIT');
    expect(rows.map((r) => [r.source_line, r.a])).toEqual([
      [2, '1'],
      [5, '3'],
    ]);
    expect(result.rejects.map((r) => r.line)).toEqual([4]);
  });

  it('leaves nothing behind when a read fails inside a transaction (JS-side failure)', async () => {
    const before = await tableNames(conn());
    await conn().run('BEGIN TRANSACTION');
    const error = await readFailure(conn(), files.file('tx-cut.csv', 'id,note\n1,"open'));
    expect(error.code).toBe('truncated_file');
    expect(error.transactionAborted).toBe(false);
    await conn().run('COMMIT');
    expect(await tableNames(conn())).toEqual(before);
  });

  it('marks the error when DuckDB aborted the transaction, and ROLLBACK restores everything', async () => {
    const before = await tableNames(conn());
    // A Parquet file with intact magic bytes and footer length but garbage inside fails in DuckDB.
    const body = Buffer.concat([
      Buffer.from('PAR1'),
      Buffer.alloc(64, 9),
      Buffer.from([16, 0, 0, 0]),
      Buffer.from('PAR1'),
    ]);
    await conn().run('BEGIN TRANSACTION');
    const error = await readFailure(conn(), files.file('garbage.parquet', body));
    expect(error.code).toBe('unreadable_file');
    expect(error.transactionAborted).toBe(true);
    await conn().run('ROLLBACK');
    expect(await tableNames(conn())).toEqual(before);
  });
});

function bytesOfZip(): Buffer {
  const path = files.path('fake.zip');
  writeFileSync(path, Buffer.from('PK\x03\x04rest', 'latin1'));
  return Buffer.from('PK\x03\x04rest', 'latin1');
}
