// Spreadsheet cell values (as exceljs gives them) to staging text. The staging table holds what a
// person sees in the cell, without display formatting: numbers as JS prints them (no thousands
// separators), dates as YYYY-MM-DD (with the time when there is one), TRUE/FALSE, rich text and
// hyperlinks as their text, formulas as their cached result.

export type CellNote = 'formula' | 'formula_without_result' | 'error';

export interface CellText {
  text: string | null;
  note?: CellNote;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Excel stores dates as day numbers without a zone; exceljs turns them into Dates at UTC, so the
 * UTC parts are the cell's date. Rounds to the second: day fractions are binary floats.
 */
export function excelDateText(date: Date): string {
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

function scalarText(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : excelDateText(value);
  return undefined;
}

type CellObject = {
  formula?: unknown;
  sharedFormula?: unknown;
  result?: unknown;
  richText?: { text?: unknown }[];
  text?: unknown;
  error?: unknown;
};

/**
 * `numFmt` matters only for formula results: exceljs's streaming reader turns date-formatted
 * plain cells into Dates itself, but leaves a formula's cached result as the day number.
 */
export function cellText(value: unknown, numFmt?: string): CellText {
  const scalar = scalarText(value);
  if (scalar !== undefined) return { text: scalar };
  const cell = value as CellObject;
  if (cell.formula !== undefined || cell.sharedFormula !== undefined) {
    return formulaText(cell.result, numFmt);
  }
  if (Array.isArray(cell.richText))
    return { text: cell.richText.map((r) => String(r.text ?? '')).join('') || null };
  if (cell.text !== undefined) return cellText(cell.text);
  if (cell.error !== undefined) return { text: String(cell.error), note: 'error' };
  return { text: JSON.stringify(value) };
}

function formulaText(result: unknown, numFmt: string | undefined): CellText {
  if (result === undefined) return { text: null, note: 'formula_without_result' };
  // The streaming reader parses every non-string result as a number: an error result is NaN.
  if (typeof result === 'number' && Number.isNaN(result)) return { text: null, note: 'error' };
  const dated =
    typeof result === 'number' && isDateFormat(numFmt) ? excelSerialToDate(result) : result;
  const inner = cellText(dated);
  return { text: inner.text, note: inner.note === 'error' ? 'error' : 'formula' };
}

/** Whether a number format shows a date or time (exceljs's rule: y m d h s outside quotes). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhs]/i.test(bare);
}

/** An Excel day number (1900 date system) as the Date exceljs would give for a plain cell. */
export function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/** Spreadsheet column letters for a 1-based column number (1 → A, 28 → AB). */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
