import { RowAppender, createVarcharTable } from './append-rows.ts';
import { uniqueColumnNames } from './column-names.ts';
import type { RejectedRow } from './csv-rejects.ts';
import { readError } from './read-error.ts';
import type { FormatReader, StageContext } from './stage-types.ts';
import { cellText, columnLetters } from './xlsx-cell-text.ts';
import { CellNotes } from './xlsx-notes.ts';
import {
  assertZipComplete,
  isWantedSheet,
  openWorkbook,
  sheetNames,
  truncatedXlsx,
  type SheetReader,
  type SheetRow,
} from './xlsx-sheets.ts';

/**
 * XLSX through exceljs's streaming reader into the appender. `source_line` is the spreadsheet
 * row number, as Excel shows it. The header is the first non-empty row after `skipRows` rows;
 * empty rows are skipped; a row with a value right of the header's last column is rejected.
 */
export const stageXlsx: FormatReader = async (ctx) => {
  await assertZipComplete(ctx.path, ctx.size);
  try {
    const book = openWorkbook(ctx.path);
    let yielded = 0;
    for await (const sheet of book) {
      yielded += 1;
      const names = sheetNames(book);
      if (isWantedSheet(sheet, names, yielded, ctx.spec.sheet)) return await stageSheet(ctx, sheet);
      await skipSheet(sheet);
    }
    throw sheetNotFound(ctx, sheetNames(book));
  } catch (e) {
    if ((e as Error).message === 'FILE_ENDED') throw truncatedXlsx(ctx.path);
    throw e;
  }
};

/**
 * Reads a sheet that is not wanted to its end. exceljs parks a sheet that comes before the
 * workbook's shared strings in a temp file and deletes that file when the next sheet is asked
 * for: a sheet left unread would still be opening its temp file then, and the failed open would
 * surface later as an uncaught ENOENT.
 */
async function skipSheet(sheet: SheetReader): Promise<void> {
  for await (const row of sheet) void row;
}

function sheetNotFound(ctx: StageContext, names: readonly string[]) {
  const wanted =
    ctx.spec.sheet === undefined ? 'a first sheet' : `sheet ${JSON.stringify(ctx.spec.sheet)}`;
  return readError(
    'sheet_not_found',
    `${ctx.path} has no ${wanted}; its sheets are: ${names.map((n) => JSON.stringify(n)).join(', ') || '(none)'}`,
    { sheets: names },
  );
}

interface SheetState {
  appender?: RowAppender;
  width: number;
  columns: string[];
  warnings: string[];
  rejects: RejectedRow[];
  notes: CellNotes;
}

async function stageSheet(ctx: StageContext, sheet: SheetReader) {
  const state: SheetState = {
    width: 0,
    columns: [],
    warnings: [],
    rejects: [],
    notes: new CellNotes(),
  };
  let done = false;
  try {
    for await (const row of sheet) {
      if (row.number <= ctx.spec.skipRows) continue;
      const cells = rowCells(row, state.notes);
      if (cells.every((c) => c === null)) continue;
      if (state.appender === undefined) await startTable(ctx, state, cells);
      else addRow(state, row.number, cells);
    }
    done = true;
  } finally {
    closeAppender(state.appender, done);
  }
  if (state.appender === undefined)
    throw readError(
      'empty_file',
      `sheet "${sheet.name ?? ''}" of ${ctx.path} has no header row: it is empty`,
    );
  const name = sheet.name ?? '';
  const staged = state.appender.rows;
  return {
    format: 'xlsx' as const,
    rowsRead: staged + state.rejects.length,
    rowsStaged: staged,
    columns: state.columns,
    rejects: state.rejects,
    warnings: [...state.warnings, ...state.notes.warnings(name)],
    sheet: name,
  };
}

/** Flushes the appender; after a failure a flush error must not hide the first error. */
function closeAppender(appender: RowAppender | undefined, rethrow: boolean): void {
  try {
    appender?.close();
  } catch (e) {
    if (rethrow) throw e;
  }
}

/** Cell texts by 0-based column (exceljs's `values` is 1-based and sparse). */
function rowCells(row: SheetRow, notes: CellNotes): (string | null)[] {
  const cells: (string | null)[] = [];
  const values = row.values;
  for (let column = 1; column < values.length; column++) {
    const value = values[column];
    const formula = typeof value === 'object' && value !== null && 'result' in value;
    const { text, note } = cellText(value, formula ? row.getCell(column).numFmt : undefined);
    if (note) notes.add(note, row.number, column);
    cells.push(text);
  }
  while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
  return cells;
}

async function startTable(ctx: StageContext, state: SheetState, header: (string | null)[]) {
  const named = uniqueColumnNames(header);
  state.columns = named.names;
  state.width = named.names.length;
  state.warnings.push(...named.warnings);
  await createVarcharTable(ctx.conn, ctx.target, named.names, ctx.options.temp);
  state.appender = await RowAppender.open(ctx.conn, ctx.target, state.width, ctx.options.temp);
}

function addRow(state: SheetState, rowNumber: number, cells: (string | null)[]) {
  if (cells.length > state.width) {
    const where = `${columnLetters(cells.length)}${rowNumber}`;
    state.rejects.push({
      line: rowNumber,
      message: `value in ${where}, right of the header's last column (${columnLetters(state.width)})`,
      rawLine: cells
        .map((c) => c ?? '')
        .join('\t')
        .slice(0, 2000),
    });
    return;
  }
  state.appender?.append(rowNumber, cells);
}
