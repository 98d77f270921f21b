import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, readFailure, stage, tempFiles, useConnection } from './read-helpers.ts';

const files = tempFiles();
const conn = useConnection();
const gb = readFileSync(join(FIXTURES, 'gb18030-milestones.csv'));

describe('stageFile: encodings', () => {
  it('detects GB18030, keeps the Chinese header text and values, and transcodes through a temp file', async () => {
    const { result, rows } = await stage(conn(), join(FIXTURES, 'gb18030-milestones.csv'));
    expect(result).toMatchObject({ format: 'csv', encoding: 'gb18030', rowsStaged: 3 });
    expect(result.columns).toEqual([
      '合同编号',
      '供应商',
      '里程碑',
      '计划日期',
      '金额（元）',
      '备注',
    ]);
    expect(rows[0]).toEqual({
      source_line: 2,
      合同编号: 'HT-2024-001',
      供应商: '深圳市华南精密制造有限公司',
      里程碑: '样品确认',
      计划日期: '2024-03-15',
      '金额（元）': '125,000.00',
      备注: '首批样品',
    });
    expect(rows[1]?.备注).toBe('含税，分两批');
    expect(result.warnings.join(' ')).toMatch(/GB18030/);
  });

  it('reads GBK when declared', async () => {
    const { result } = await stage(conn(), join(FIXTURES, 'gb18030-milestones.csv'), {
      format: 'csv',
      encoding: 'gbk',
    });
    expect(result.columns[1]).toBe('供应商');
  });

  it('rejects a file that is UTF-8 first and GBK after', async () => {
    const error = await readFailure(conn(), join(FIXTURES, 'mixed-utf8-then-gbk.csv'));
    expect(error.code).toBe('mixed_or_unknown_encoding');
    expect(error.message).toMatch(
      /mixes encodings: line 2 is UTF-8 but line 3 \(first non-UTF-8 byte at offset 43\)/,
    );
  });

  it('rejects a file that is GBK first and UTF-8 after', async () => {
    const error = await readFailure(conn(), join(FIXTURES, 'mixed-gbk-then-utf8.csv'));
    expect(error.code).toBe('mixed_or_unknown_encoding');
    expect(error.message).toMatch(/line 3 is UTF-8 but line 2/);
  });

  it('rejects GBK bytes that come after more than a megabyte of UTF-8 Chinese, naming the offset', async () => {
    const utf8Row = Buffer.from('1,深圳华南,UTF-8 行\n', 'utf8');
    const head = Buffer.concat([
      Buffer.from('id,partner,note\n'),
      ...Array.from({ length: 60_000 }, () => utf8Row),
    ]);
    const gbRow = gb.subarray(gb.indexOf(10) + 1); // GB18030 data rows
    const file = files.file('late-gbk.csv', Buffer.concat([head, gbRow]));
    const error = await readFailure(conn(), file);
    expect(error.code).toBe('mixed_or_unknown_encoding');
    expect(error.details).toMatchObject({ offset: head.length + 12, line: 60_002 });
  });

  it('rejects a file declared UTF-8 that is not', async () => {
    const error = await readFailure(conn(), join(FIXTURES, 'gb18030-milestones.csv'), {
      format: 'csv',
      encoding: 'utf-8',
    });
    expect(error.code).toBe('mixed_or_unknown_encoding');
    expect(error.details).toMatchObject({ offset: 0, line: 1 });
  });

  it('reads Windows-1252 exports (curly quotes, dashes) found after an ASCII head', async () => {
    const ascii =
      'id,summary\n' +
      Array.from({ length: 30_000 }, (_, i) => `${i},plain text row number ${i}\n`).join('');
    const tail = Buffer.from([
      ...Buffer.from('99999,"doesn'),
      0x92,
      ...Buffer.from('t work '),
      0x96,
      ...Buffer.from(' really"\n'),
    ]);
    const file = files.file('cp1252.csv', Buffer.concat([Buffer.from(ascii), tail]));
    const { result, rows } = await stage(conn(), file, { format: 'csv' });
    expect(result.encoding).toBe('windows-1252');
    expect(rows.at(-1)).toEqual({
      source_line: 30_002,
      id: '99999',
      summary: 'doesn\u2019t work \u2013 really',
    });
  });

  it('reads UTF-16 with a byte order mark', async () => {
    const text = '\uFEFFa,b\r\n1,中\r\n';
    const file = files.file('utf16.csv', Buffer.from(text, 'utf16le'));
    const { result, rows } = await stage(conn(), file, { format: 'csv' });
    expect(result.encoding).toBe('utf-16le');
    expect(rows).toEqual([{ source_line: 2, a: '1', b: '中' }]);
  });

  it('refuses binary content', async () => {
    const error = await readFailure(
      conn(),
      files.file('binary.csv', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01, 0x02])),
    );
    expect(error.code).toBe('unsupported_format');
  });
});
