import { describe, expect, it } from 'vitest';
import { stage, readFailure, tempFiles, useConnection } from './read-helpers.ts';

const files = tempFiles();
const conn = useConnection();

describe('stageFile: CSV and TSV', () => {
  it('keeps header text exactly (BOM removed, trimmed) and numbers lines from the header', async () => {
    const file = files.file(
      'bom.csv',
      '\uFEFF Contract No , Partner,金额（元）\nC1,Acme,"1,200.50"\nC2,Beta,800\n',
    );
    const { result, rows } = await stage(conn(), file, { format: 'auto' });
    expect(result).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      rowsRead: 2,
      rowsStaged: 2,
      rejects: [],
    });
    expect(result.columns).toEqual(['Contract No', 'Partner', '金额（元）']);
    expect(rows).toEqual([
      { source_line: 2, 'Contract No': 'C1', Partner: 'Acme', '金额（元）': '1,200.50' },
      { source_line: 3, 'Contract No': 'C2', Partner: 'Beta', '金额（元）': '800' },
    ]);
  });

  it('stages every column as VARCHAR (ids keep leading zeros, money is not a DOUBLE)', async () => {
    const file = files.file('types.csv', 'id,amount,due\n007,1234.50,2024-03-01\n');
    const { result, rows } = await stage(conn(), file, { format: 'csv' });
    const types = await conn().runAndReadAll(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${result.table}' ORDER BY ordinal_position`,
    );
    expect(types.getRowObjectsJson()).toEqual([
      { column_name: 'source_line', data_type: 'BIGINT' },
      { column_name: 'id', data_type: 'VARCHAR' },
      { column_name: 'amount', data_type: 'VARCHAR' },
      { column_name: 'due', data_type: 'VARCHAR' },
    ]);
    expect(rows[0]).toEqual({ source_line: 2, id: '007', amount: '1234.50', due: '2024-03-01' });
  });

  it('reads TSV by its tab delimiter', async () => {
    const file = files.file('m.tsv', 'a\tb, with comma\n1\tx, y\n');
    const { result, rows } = await stage(conn(), file, { format: 'auto' });
    expect(result).toMatchObject({
      format: 'tsv',
      delimiter: '\t',
      columns: ['a', 'b, with comma'],
    });
    expect(rows).toEqual([{ source_line: 2, a: '1', 'b, with comma': 'x, y' }]);
  });

  it('detects a semicolon delimiter when none is declared', async () => {
    const file = files.file(
      'semi.csv',
      'partner;amount;due\nAcme;1,5;01.03.2024\nBeta;2,25;02.03.2024\n',
    );
    const { result, rows } = await stage(conn(), file, { format: 'csv' });
    expect(result.delimiter).toBe(';');
    expect(result.warnings.join(' ')).toMatch(/";"-separated/);
    expect(rows.map((r) => r.amount)).toEqual(['1,5', '2,25']);
  });

  it('gives multi-line quoted values and doubled quotes, and the physical line of each row', async () => {
    const csv = [
      'id,note,amount',
      '1,"first line',
      'second ""quoted"" line",10',
      '2,plain,20',
      '3,"a, b',
      '',
      'c",30',
      '4,last,40',
    ].join('\r\n');
    const { result, rows } = await stage(conn(), files.file('multi.csv', csv), { format: 'csv' });
    expect(result.rowsStaged).toBe(4);
    expect(rows).toEqual([
      { source_line: 2, id: '1', note: 'first line\r\nsecond "quoted" line', amount: '10' },
      { source_line: 4, id: '2', note: 'plain', amount: '20' },
      { source_line: 5, id: '3', note: 'a, b\r\n\r\nc', amount: '30' },
      { source_line: 8, id: '4', note: 'last', amount: '40' },
    ]);
  });

  it('skips empty lines but counts them in source_line', async () => {
    const file = files.file('blank.csv', '\n\na,b\n1,x\n\n\n2,y\n\n');
    const { rows } = await stage(conn(), file, { format: 'csv' });
    expect(rows).toEqual([
      { source_line: 4, a: '1', b: 'x' },
      { source_line: 7, a: '2', b: 'y' },
    ]);
  });

  it('makes duplicate, empty and reserved header names unique (case-insensitively)', async () => {
    const file = files.file('dupes.csv', 'Amount,amount,,source_line,Amount_2\n1,2,3,4,5\n');
    const { result, rows } = await stage(conn(), file, { format: 'csv' });
    expect(result.columns).toEqual([
      'Amount',
      'amount_2',
      'column3',
      'source_line_2',
      'Amount_2_2',
    ]);
    expect(rows[0]).toMatchObject({
      source_line: 2,
      Amount: '1',
      amount_2: '2',
      column3: '3',
      source_line_2: '4',
      Amount_2_2: '5',
    });
    expect(result.warnings.length).toBe(4);
  });

  it('stages a header-only file as zero rows (not an error)', async () => {
    const { result, rows } = await stage(conn(), files.file('header.csv', 'a,b,c\n'), {
      format: 'csv',
    });
    expect(result).toMatchObject({ rowsRead: 0, rowsStaged: 0, columns: ['a', 'b', 'c'] });
    expect(rows).toEqual([]);
  });

  it('skips title rows before the header with skipRows', async () => {
    const file = files.file(
      'title.csv',
      'Milestone export\n"generated 2024-03-01, by ERP"\nid,name\n1,x\n',
    );
    const { result, rows } = await stage(conn(), file, { format: 'csv', skipRows: 2 });
    expect(result.columns).toEqual(['id', 'name']);
    expect(rows).toEqual([{ source_line: 4, id: '1', name: 'x' }]);
  });

  it('reads files without a header as column1..N', async () => {
    const { result, rows } = await stage(conn(), files.file('nohead.csv', '1,x\n2,y\n'), {
      format: 'csv',
      header: false,
    });
    expect(result.columns).toEqual(['column1', 'column2']);
    expect(rows).toEqual([
      { source_line: 1, column1: '1', column2: 'x' },
      { source_line: 2, column1: '2', column2: 'y' },
    ]);
  });

  it('warns when the header row looks like data', async () => {
    const { result } = await stage(
      conn(),
      files.file('numeric-head.csv', '1,2024-01-01\n2,2024-01-02\n'),
      { format: 'csv' },
    );
    expect(result.warnings.join(' ')).toMatch(/looks like data/);
  });

  it('quarantines malformed rows with their physical line instead of failing the file', async () => {
    const csv = 'id,name,amount\n1,"two\nlines",10\n2,short\n3,ok,30\n4,too,many,fields\n5,fine,50';
    const { result, rows } = await stage(conn(), files.file('bad-rows.csv', csv), {
      format: 'csv',
    });
    expect(result.rowsStaged).toBe(3);
    expect(result.rowsRead).toBe(5);
    expect(rows.map((r) => [r.source_line, r.id])).toEqual([
      [2, '1'],
      [5, '3'],
      [7, '5'],
    ]);
    expect(result.rejects).toEqual([
      { line: 4, message: 'row has 2 fields; the header has 3', rawLine: '2,short' },
      { line: 6, message: "row has more fields than the header's 3", rawLine: '4,too,many,fields' },
    ]);
  });

  it('reads a one-column file and drops its empty lines', async () => {
    const { result, rows } = await stage(conn(), files.file('one.csv', 'id\nA\n\nB\n'), {
      format: 'csv',
    });
    expect(result).toMatchObject({ rowsRead: 2, columns: ['id'] });
    expect(rows).toEqual([
      { source_line: 2, id: 'A' },
      { source_line: 4, id: 'B' },
    ]);
  });

  it('reads old-Mac CR line endings', async () => {
    const { rows } = await stage(conn(), files.file('cr.csv', 'a,b\r1,x\r2,y\r'), {
      format: 'csv',
    });
    expect(rows).toEqual([
      { source_line: 2, a: '1', b: 'x' },
      { source_line: 3, a: '2', b: 'y' },
    ]);
  });

  it('honours a declared delimiter and quote', async () => {
    const file = files.file('pipe.csv', "a|b\n1|'x|y'\n");
    const { rows } = await stage(conn(), file, { format: 'csv', delimiter: '|', quote: "'" });
    expect(rows).toEqual([{ source_line: 2, a: '1', b: 'x|y' }]);
  });

  it('reads quote characters literally when quoting is off', async () => {
    const file = files.file('noquote.csv', 'a,b\n"1,2"\n');
    const { rows } = await stage(conn(), file, { format: 'csv', quote: '' });
    expect(rows).toEqual([{ source_line: 2, a: '"1', b: '2"' }]);
  });

  it('fails with wrong_delimiter when the declared delimiter is plainly not the one used', async () => {
    const file = files.file(
      'declared-wrong.csv',
      'partner;amount;due\nAcme;1;2024-01-01\nBeta;2;2024-01-02\n',
    );
    const error = await readFailure(conn(), file, { format: 'csv', delimiter: ',' });
    expect(error.code).toBe('wrong_delimiter');
    expect(error.message).toMatch(/set delimiter to ";"/);
  });

  it('picks the delimiter of a .tsv file that is really comma-separated, with a warning', async () => {
    const { result } = await stage(conn(), files.file('comma.tsv', 'a,b\n1,2\n'), {
      format: 'auto',
    });
    expect(result).toMatchObject({ format: 'tsv', delimiter: ',' });
    expect(result.warnings.join(' ')).toMatch(/","-separated/);
  });
});
