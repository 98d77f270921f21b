import { writeFileSync } from 'node:fs';
import {
  Field,
  Int32,
  List,
  Struct,
  Table,
  TimestampMillisecond,
  Utf8,
  DateDay,
  Decimal,
  Int64,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readFailure, stage, tempFiles, useConnection } from './read-helpers.ts';

const files = tempFiles();
const conn = useConnection();

describe('stageFile: Parquet', () => {
  it('stages every column as text: ISO dates, decimals with their scale, JSON for nested values', async () => {
    const path = files.path('milestones.parquet');
    await conn().run(
      `COPY (SELECT * FROM (VALUES
         (7::INTEGER, 'C-1', DATE '2024-01-31', TIMESTAMP '2024-01-31 12:30:01.25',
          TIMESTAMPTZ '2024-01-31 12:30:01+08', 1234.50::DECIMAL(18,2), 0.1::DOUBLE,
          {'a': 1, 'b': [1, 2]}, [1, 2], true),
         (NULL, '中文', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL))
       AS t(id, contract, due, stamp, stamp_tz, amount, ratio, extra, list, ok)) TO $path (FORMAT parquet)`,
      { path },
    );
    const { result, rows } = await stage(conn(), path);
    expect(result).toMatchObject({ format: 'parquet', rowsRead: 2, rowsStaged: 2 });
    expect(rows).toEqual([
      {
        source_line: 1,
        id: '7',
        contract: 'C-1',
        due: '2024-01-31',
        stamp: '2024-01-31 12:30:01.25',
        stamp_tz: '2024-01-31 04:30:01Z',
        amount: '1234.50',
        ratio: '0.1',
        extra: '{"a":1,"b":[1,2]}',
        list: '[1,2]',
        ok: 'true',
      },
      {
        source_line: 2,
        id: null,
        contract: '中文',
        due: null,
        stamp: null,
        stamp_tz: null,
        amount: null,
        ratio: null,
        extra: null,
        list: null,
        ok: null,
      },
    ]);
  });
});

describe('stageFile: JSON and NDJSON', () => {
  it('stages a JSON array: one column per top-level key in order of appearance, nested as JSON text', async () => {
    const json = JSON.stringify([
      { contract: 'C-1', amount: 1234.5, meta: { tags: ['a'] }, ok: true },
      { contract: 'C-2', 'due "date"': '2024-03-01', amount: null },
      42,
    ]);
    const { result, rows } = await stage(conn(), files.file('records.json', json));
    expect(result).toMatchObject({ format: 'json', rowsRead: 3, rowsStaged: 2 });
    expect(result.columns).toEqual(['contract', 'amount', 'meta', 'ok', 'due "date"']);
    expect(rows).toEqual([
      {
        source_line: 1,
        contract: 'C-1',
        amount: '1234.5',
        meta: '{"tags":["a"]}',
        ok: 'true',
        'due "date"': null,
      },
      {
        source_line: 2,
        contract: 'C-2',
        amount: null,
        meta: null,
        ok: null,
        'due "date"': '2024-03-01',
      },
    ]);
    expect(result.rejects).toEqual([
      { line: 3, message: 'record is a JSON number, not an object', rawLine: '42' },
    ]);
  });

  it('stages NDJSON with physical line numbers; bad lines are rejects, empty lines are skipped', async () => {
    const ndjson = [
      '{"id":"M1","amount":"1,200"}',
      '',
      '{"id":"M2","extra":[1]}',
      '{"id": oops}',
      '[1,2]',
      '{"id":"M3"}',
      '',
    ].join('\n');
    const { result, rows } = await stage(conn(), files.file('events.ndjson', ndjson));
    expect(result).toMatchObject({
      format: 'ndjson',
      rowsRead: 5,
      rowsStaged: 3,
      columns: ['id', 'amount', 'extra'],
    });
    expect(rows).toEqual([
      { source_line: 1, id: 'M1', amount: '1,200', extra: null },
      { source_line: 3, id: 'M2', amount: null, extra: '[1]' },
      { source_line: 6, id: 'M3', amount: null, extra: null },
    ]);
    expect(result.rejects).toEqual([
      { line: 4, message: 'not valid JSON', rawLine: '{"id": oops}' },
      { line: 5, message: 'record is a JSON array, not an object', rawLine: '[1,2]' },
    ]);
  });

  it('detects NDJSON in a .json file and JSON arrays in any file', async () => {
    const { result } = await stage(conn(), files.file('lines.json', '{"a":1}\n{"a":2}\n'));
    expect(result).toMatchObject({ format: 'ndjson', rowsStaged: 2 });
    const array = await stage(conn(), files.file('array.txt', '[{"a":1}]'));
    expect(array.result).toMatchObject({ format: 'json', rowsStaged: 1 });
  });
});

/** A table with the Arrow types partners' tools produce. */
function arrowTable(): Table {
  const decimal = makeVector(
    makeData({
      type: new Decimal(2, 18, 128),
      length: 2,
      nullCount: 0,
      data: new Uint32Array([123450, 0, 0, 0, -5 >>> 0, 0xffffffff, 0xffffffff, 0xffffffff]),
    }),
  );
  return new Table({
    id: vectorFromArray([1, 2], new Int32()),
    partner: vectorFromArray(['华南精密', null], new Utf8()),
    due: vectorFromArray([new Date(Date.UTC(2024, 0, 31)), null], new DateDay()),
    at: vectorFromArray(
      [new Date(Date.UTC(2024, 0, 31, 12, 30, 1, 250)), null],
      new TimestampMillisecond(),
    ),
    big: vectorFromArray([12345678901234567n, null], new Int64()),
    amount: decimal,
    tags: vectorFromArray([[1, 2], null], new List(new Field('item', new Int32()))),
    meta: vectorFromArray([{ k: 'v' }, null], new Struct([new Field('k', new Utf8())])),
    kind: vectorFromArray(['a', 'a']), // dictionary-encoded strings
  });
}

const expectedArrowRows = [
  {
    source_line: 1,
    id: '1',
    partner: '华南精密',
    due: '2024-01-31',
    at: '2024-01-31 12:30:01.25',
    big: '12345678901234567',
    amount: '1234.50',
    tags: '[1,2]',
    meta: '{"k":"v"}',
    kind: 'a',
  },
  {
    source_line: 2,
    id: '2',
    partner: null,
    due: null,
    at: null,
    big: null,
    amount: '-0.05',
    tags: null,
    meta: null,
    kind: 'a',
  },
];

describe('stageFile: Arrow IPC', () => {
  it('stages the file format', async () => {
    const path = files.path('table.arrow');
    writeFileSync(path, tableToIPC(arrowTable(), 'file'));
    const { result, rows } = await stage(conn(), path);
    expect(result).toMatchObject({ format: 'arrow', rowsRead: 2 });
    expect(rows).toEqual(expectedArrowRows);
  });

  it('stages the stream format, numbering rows across batches', async () => {
    const table = arrowTable();
    const twice = new Table([...table.batches, ...table.batches]);
    const path = files.path('table.arrows');
    writeFileSync(path, tableToIPC(twice, 'stream'));
    const { result, rows } = await stage(conn(), path);
    expect(result.rowsStaged).toBe(4);
    expect(rows.map((r) => [r.source_line, r.id])).toEqual([
      [1, '1'],
      [2, '2'],
      [3, '1'],
      [4, '2'],
    ]);
  });

  it('refuses a stream cut before its end marker', async () => {
    const bytes = tableToIPC(arrowTable(), 'stream');
    const path = files.file('cut.arrows', bytes.subarray(0, bytes.length - 8));
    expect((await readFailure(conn(), path)).code).toBe('truncated_file');
  });
});
