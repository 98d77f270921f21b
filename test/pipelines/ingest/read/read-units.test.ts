import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaledDecimal } from '../../../../pipelines/ingest/read/arrow-cell-text.ts';
import { uniqueColumnNames } from '../../../../pipelines/ingest/read/column-names.ts';
import { chooseDelimiter } from '../../../../pipelines/ingest/read/detect-delimiter.ts';
import { legacyEncoding } from '../../../../pipelines/ingest/read/detect-encoding.ts';
import { resolveFormat } from '../../../../pipelines/ingest/read/detect-format.ts';
import { RecordScanner } from '../../../../pipelines/ingest/read/record-scanner.ts';
import { sampleRecords } from '../../../../pipelines/ingest/read/sample-records.ts';
import { firstInvalidUtf8, incompleteTail } from '../../../../pipelines/ingest/read/utf8-bytes.ts';
import { cellText, excelDateText } from '../../../../pipelines/ingest/read/xlsx-cell-text.ts';
import { csvRecords, toCsv } from './random-csv.ts';

describe('sampleRecords', () => {
  it('follows quotes, doubled quotes, CRLF and empty lines, with physical lines', () => {
    const text = 'a,"b\r\nc"\r\n\r\n"x""y",z\r\n';
    const sample = sampleRecords(text, { delimiter: ',', quote: '"' }, true, 100);
    expect(sample.records).toEqual([
      { fields: ['a', 'b\r\nc'], line: 1, lines: 2, blank: false },
      { fields: [], line: 3, lines: 1, blank: true },
      { fields: ['x"y', 'z'], line: 4, lines: 1, blank: false },
    ]);
  });

  it('drops a record the head cuts off', () => {
    const sample = sampleRecords('a,b\n1,"unfinished', { delimiter: ',', quote: '"' }, false, 100);
    expect(sample.records.length).toBe(1);
    expect(sample.cutShort).toBe(true);
  });
});

const csvText = fc
  .tuple(
    csvRecords,
    fc.array(fc.constantFrom('\n', '\r\n', '\n\n', '\n\r\n'), { minLength: 1, maxLength: 5 }),
  )
  .map(([records, breaks]) => toCsv(records, breaks));

describe('RecordScanner', () => {
  it('finds the same record starts as the sample reader, in any chunking', () => {
    fc.assert(
      fc.property(csvText, fc.integer({ min: 1, max: 64 }), (text, chunk) => {
        // Chunks of 1..64 bytes cut through quotes, CRLFs and characters at every position.
        const bytes = Buffer.from(text, 'utf8');
        const starts: number[] = [];
        const scanner = new RecordScanner(
          { delimiter: 44, quote: 34, lineBreak: 10, blankLinesAreRecords: false },
          (line) => starts.push(line),
          false,
        );
        for (let i = 0; i < bytes.length; i += chunk) scanner.feed(bytes.subarray(i, i + chunk));
        const sample = sampleRecords(text, { delimiter: ',', quote: '"' }, true, 1000);
        expect(starts).toEqual(sample.records.filter((r) => !r.blank).map((r) => r.line));
        expect(scanner.finish().endedInQuotes).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('reports a file that ends inside quotes', () => {
    const scanner = new RecordScanner(
      { delimiter: 44, quote: 34, lineBreak: 10, blankLinesAreRecords: false },
      () => undefined,
      false,
    );
    scanner.feed(Buffer.from('a,b\n1,"open\n2,x\n'));
    expect(scanner.finish()).toEqual({ endedInQuotes: true, lastStart: 4 });
  });
});

describe('chooseDelimiter', () => {
  const opts = { assumed: ',', quote: '"', complete: true, skip: 0 };
  it('keeps the assumed comma when it splits the header', () => {
    expect(chooseDelimiter('a,b;c\n1,2;3\n', opts).delimiter).toBe(',');
  });
  it('switches to a consistent candidate when the assumed one gives a single column', () => {
    expect(chooseDelimiter('a|b|c\n1|2|3\n4|5|6\n', opts).delimiter).toBe('|');
    expect(chooseDelimiter('a\tb\n1\t2\n', opts).delimiter).toBe('\t');
  });
  it('keeps one column when no candidate fits', () => {
    expect(chooseDelimiter('name\nAcme; Ltd\nBeta\n', opts).delimiter).toBe(',');
  });
});

describe('uniqueColumnNames', () => {
  it('trims, strips a BOM, names empty headers and de-duplicates case-insensitively', () => {
    const { names } = uniqueColumnNames(['\uFEFFid', ' Name ', 'name', '', 'NAME', null]);
    expect(names).toEqual(['id', 'Name', 'name_2', 'column4', 'NAME_3', 'column6']);
  });
});

describe('encodings', () => {
  it('tells GBK byte pairs from isolated Windows-1252 bytes', () => {
    expect(
      legacyEncoding(Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0xc9, 0xee, 0xdb, 0xda])),
    ).toBe('gb18030');
    expect(
      legacyEncoding(Buffer.from([0x64, 0x6f, 0x6e, 0x92, 0x74, 0x20, 0x96, 0x20, 0x61])),
    ).toBe('windows-1252');
  });

  it('finds the first invalid UTF-8 sequence and a cut-off tail', () => {
    expect(firstInvalidUtf8(Buffer.from('ab中', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe4, 0xb8, 0x41]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0); // overlong
    expect(incompleteTail(Buffer.from([0x61, 0xe4, 0xb8]))).toBe(2);
    expect(incompleteTail(Buffer.from('a中', 'utf8'))).toBe(0);
  });
});

describe('format detection', () => {
  const head = (s: string) => Buffer.from(s, 'latin1');
  it('trusts magic bytes over the extension, with a warning', () => {
    const r = resolveFormat('data.csv', 'auto', head('PK\x03\x04....'));
    expect(r.format).toBe('xlsx');
    expect(r.warnings[0]).toMatch(/named like a csv file/);
    expect(resolveFormat('x.bin', 'auto', head('PAR1....')).format).toBe('parquet');
    expect(resolveFormat('x.bin', 'auto', head('ARROW1..')).format).toBe('arrow');
    expect(resolveFormat('x.bin', 'auto', head('\xff\xff\xff\xff....')).format).toBe('arrow');
    expect(resolveFormat('x.txt', 'auto', head(' [{"a":1}]')).format).toBe('json');
    expect(resolveFormat('x.txt', 'auto', head('{"a":1}\n{"a":2}')).format).toBe('ndjson');
    expect(resolveFormat('x.txt', 'auto', head('{\n "a": 1\n}')).format).toBe('json');
    expect(resolveFormat('x.tsv', 'auto', head('a\tb')).format).toBe('tsv');
  });
});

describe('cell text', () => {
  it('turns spreadsheet values into staging text', () => {
    expect(cellText(1234.5)).toEqual({ text: '1234.5' });
    expect(cellText(new Date(Date.UTC(2024, 1, 29)))).toEqual({ text: '2024-02-29' });
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b' }] })).toEqual({ text: 'ab' });
    expect(cellText({ text: { richText: [{ text: 'link' }] }, hyperlink: 'x' })).toEqual({
      text: 'link',
    });
    expect(cellText({ formula: 'A1', result: 'x' })).toEqual({ text: 'x', note: 'formula' });
    expect(cellText({ formula: 'A1+1', result: 45352 }, 'dd/mm/yyyy')).toEqual({
      text: '2024-03-01',
      note: 'formula',
    });
    expect(cellText({ formula: 'A1+1', result: 45352 }, '#,##0')).toEqual({
      text: '45352',
      note: 'formula',
    });
    expect(cellText({ formula: 'X()' })).toEqual({ text: null, note: 'formula_without_result' });
    expect(cellText('=not a formula')).toEqual({ text: '=not a formula' });
    expect(cellText('')).toEqual({ text: null });
  });

  it('rounds day fractions to the second', () => {
    expect(excelDateText(new Date(Date.UTC(2024, 0, 1, 13, 44, 59, 999)))).toBe(
      '2024-01-01 13:45:00',
    );
  });

  it('applies a decimal scale to the unscaled integer', () => {
    expect(scaledDecimal('123450', 2)).toBe('1234.50');
    expect(scaledDecimal('-5', 2)).toBe('-0.05');
    expect(scaledDecimal('7', 0)).toBe('7');
  });
});
