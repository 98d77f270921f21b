import ExcelJS from 'exceljs';
import { readRange } from './file-head.ts';
import { readError } from './read-error.ts';

export interface SheetRow {
  number: number;
  values: unknown[];
  getCell(column: number): { numFmt?: string };
}

/** The parts of exceljs's streaming reader used here (its typings omit name and model). */
export interface SheetReader extends AsyncIterable<SheetRow> {
  name?: string;
}
interface BookReader extends AsyncIterable<SheetReader> {
  model?: { sheets?: { name?: string }[] };
}

/** exceljs's streaming reader: rows are parsed as they are read, memory stays flat. */
export function openWorkbook(path: string): BookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'cache',
    entries: 'ignore',
  });
  return reader as unknown as BookReader;
}

/** Sheet names in tab order (known once workbook.xml has been read). */
export function sheetNames(book: BookReader): string[] {
  return (book.model?.sheets ?? []).map((s) => s.name ?? '');
}

/** Whether `sheet` is the one asked for: by name, by 1-based tab position, or the first tab. */
export function isWantedSheet(
  sheet: SheetReader,
  names: readonly string[],
  yielded: number,
  wanted: string | number | undefined,
): boolean {
  const name = sheet.name ?? '';
  if (typeof wanted === 'string')
    return name === wanted || name.toLowerCase() === wanted.toLowerCase();
  const position = wanted ?? 1;
  const target = names[position - 1];
  return target !== undefined ? name === target : yielded === position;
}

/**
 * A zip ends with its central directory; a file cut short loses it, and exceljs's streaming
 * reader would otherwise read the entries it can reach and stop without complaint.
 */
export async function assertZipComplete(path: string, size: number): Promise<void> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readRange(path, size - tailLength, tailLength);
  if (tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) === -1) throw truncatedXlsx(path);
}

export function truncatedXlsx(path: string) {
  return readError(
    'truncated_file',
    `${path} is not a complete XLSX file (the zip archive is cut short or damaged); copy or export it again`,
  );
}
