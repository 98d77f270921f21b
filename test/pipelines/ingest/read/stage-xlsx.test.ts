import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFailure, stage, tempFiles, useConnection } from './read-helpers.ts';

const files = tempFiles();
const conn = useConnection();
let book = '';

/** A workbook as a Chinese partner might send it: a cover sheet first, the data on the second. */
async function writeWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('说明');
  cover.addRow(['Exported from ERP']);
  cover.addRow(['do not edit']);
  const data = wb.addWorksheet('Milestones');
  data.addRow(['Export 2024-03 (title row)']);
  data.addRow([]);
  data.addRow([' Contract ', 'Due', 'Amount', 'Total', 'Note', 'Link', 'Accepted', 'Formula text']);
  data.addRow([
    'C-1',
    new Date(Date.UTC(2024, 0, 31)),
    1234.5,
    { formula: 'C4*2', result: 2469 },
    { richText: [{ text: 'bold ', font: { bold: true } }, { text: 'plain' }] },
    { text: 'spec sheet', hyperlink: 'https://example.test/spec' },
    true,
    '=SUM(A1:A2)',
  ]);
  data.addRow([
    'C-2',
    new Date(Date.UTC(2024, 1, 29, 13, 45, 0)),
    1e21,
    { formula: 'NA()', result: { error: '#N/A' } },
    null,
    null,
    false,
    null,
  ]);
  data.addRow([]);
  data.addRow([
    'C-3',
    { formula: 'B4+30', result: 45352 },
    0.1,
    { formula: 'C7*3', result: 0.30000000000000004 },
    { error: '#DIV/0!' },
  ]);
  const stray = data.addRow(['C-4', null, 5]);
  stray.getCell(10).value = 'stray note';
  data.getCell('B4').numFmt = 'yyyy-mm-dd';
  data.getCell('B5').numFmt = 'yyyy-mm-dd hh:mm';
  data.getCell('B7').numFmt = 'yyyy-mm-dd'; // a computed due date: the result is a day number
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  book = files.path('partner.xlsx');
  await writeWorkbook(book);
});

describe('stageFile: XLSX', () => {
  it('reads the first sheet by default', async () => {
    const { result, rows } = await stage(conn(), book);
    expect(result).toMatchObject({ format: 'xlsx', sheet: '说明', columns: ['Exported from ERP'] });
    expect(rows).toEqual([{ source_line: 2, 'Exported from ERP': 'do not edit' }]);
  });

  it('reads a named sheet: dates, numbers, formulas, rich text, links; source_line is the sheet row', async () => {
    const { result, rows } = await stage(conn(), book, {
      format: 'xlsx',
      sheet: 'Milestones',
      skipRows: 1,
    });
    expect(result.columns).toEqual([
      'Contract',
      'Due',
      'Amount',
      'Total',
      'Note',
      'Link',
      'Accepted',
      'Formula text',
    ]);
    expect(rows).toEqual([
      {
        source_line: 4,
        Contract: 'C-1',
        Due: '2024-01-31',
        Amount: '1234.5',
        Total: '2469',
        Note: 'bold plain',
        Link: 'spec sheet',
        Accepted: 'TRUE',
        'Formula text': '=SUM(A1:A2)',
      },
      {
        source_line: 5,
        Contract: 'C-2',
        Due: '2024-02-29 13:45:00',
        Amount: '1e+21',
        Total: null,
        Note: null,
        Link: null,
        Accepted: 'FALSE',
        'Formula text': null,
      },
      {
        source_line: 7,
        Contract: 'C-3',
        Due: '2024-03-01',
        Amount: '0.1',
        Total: '0.30000000000000004',
        Note: '#DIV/0!',
        Link: null,
        Accepted: null,
        'Formula text': null,
      },
    ]);
    const warnings = result.warnings.join('\n');
    expect(warnings).toMatch(/3 cell\(s\) in "Milestones" hold formulas \(first D4\)/);
    // exceljs's streaming reader loses a formula's error result (#N/A here): staged as empty.
    expect(warnings).toMatch(
      /1 cell\(s\) in "Milestones" hold Excel errors such as #N\/A \(first E7\)/,
    );
    expect(warnings).toMatch(
      /1 formula cell\(s\) in "Milestones" have no cached result or an error result such as #N\/A \(first D5\)/,
    );
  });

  it('rejects a row with a value right of the header, with its row number', async () => {
    const { result } = await stage(conn(), book, {
      format: 'xlsx',
      sheet: 'milestones',
      skipRows: 1,
    });
    expect(result.rowsRead).toBe(4);
    expect(result.rejects).toEqual([
      {
        line: 8,
        message: "value in J8, right of the header's last column (H)",
        rawLine: 'C-4\t\t5\t\t\t\t\t\t\tstray note',
      },
    ]);
  });

  it('reads a sheet by its 1-based position', async () => {
    const { result } = await stage(conn(), book, { format: 'xlsx', sheet: 2, skipRows: 2 });
    expect(result.sheet).toBe('Milestones');
    expect(result.columns[0]).toBe('Contract');
  });

  it('names the sheets when the one asked for does not exist', async () => {
    const error = await readFailure(conn(), book, { format: 'xlsx', sheet: 'Payments' });
    expect(error.code).toBe('sheet_not_found');
    expect(error.message).toMatch(/"说明", "Milestones"/);
  });

  it('refuses an empty sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Empty');
    const path = files.path('empty.xlsx');
    await wb.xlsx.writeFile(path);
    expect((await readFailure(conn(), path)).code).toBe('empty_file');
  });

  it('refuses an XLSX cut short', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(book);
    const cut = files.file('cut-short.xlsx', bytes.subarray(0, Math.floor(bytes.length * 0.97)));
    expect((await readFailure(conn(), cut)).code).toBe('truncated_file');
  });
});
