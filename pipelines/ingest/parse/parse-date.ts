import { daysInMonth } from '../../calendar/iso-date.ts';
import {
  AMBIGUOUS_PATTERN,
  EXCEL_SERIAL_PATTERN,
  MONTH_ABBREVIATIONS,
  dateShapes,
  type DateFormat,
  type DatePart,
  type DateShape,
} from './date-patterns.ts';

export type DateOutcome =
  | { ok: true; value: string }
  | { ok: false; reason: 'unparseable' | 'ambiguous' | 'impossible_date' };

/** Two-digit years below the pivot are 20yy, the rest 19yy (POSIX strptime `%y`: pivot 69). */
export const DEFAULT_PIVOT_YEAR = 69;
/** Largest serial of Excel's 1900 system (9999-12-31). */
export const MAX_EXCEL_SERIAL = 2958465;

export function fullYear(yy: number, pivotYear: number): number {
  return yy < pivotYear ? 2000 + yy : 1900 + yy;
}

/** Month number from digits or an English abbreviation (any case), NaN otherwise. */
export function monthNumber(text: string): number {
  if (/^[0-9]+$/.test(text)) return Number(text);
  const at = text.length === 3 ? MONTH_ABBREVIATIONS.indexOf(text.toLowerCase()) : -1;
  return at >= 0 && at % 3 === 0 ? at / 3 + 1 : Number.NaN;
}

export function formatIsoDate(year: number, month: number, day: number): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${p2(month)}-${p2(day)}`;
}

/** The ISO date, or null when year/month/day is not a real calendar date. */
export function validDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return formatIsoDate(year, month, day);
}

/** Excel 1900 system: 1 = 1900-01-01; 60 is Lotus' fictitious 1900-02-29; 61 = 1900-03-01. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial === 60 || serial > MAX_EXCEL_SERIAL) {
    return null;
  }
  const epochDay = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epochDay + serial * 86_400_000).toISOString().slice(0, 10);
}

type ShapeReader = (narrowed: string) => DateOutcome | null;

function shapeReader(shape: DateShape, pivotYear: number): ShapeReader {
  const re = new RegExp(shape.pattern, 'u');
  const part = (m: RegExpExecArray, p: DatePart) =>
    shape.groups.map((g, i) => (g === p ? (m[i + 1] ?? '') : '')).join('');
  return (text) => {
    const m = re.exec(text);
    if (!m) return null;
    const yy = Number(part(m, 'y'));
    const year = shape.twoDigitYear ? fullYear(yy, pivotYear) : yy;
    const value = validDate(year, monthNumber(part(m, 'm')), Number(part(m, 'd')));
    return value === null ? { ok: false, reason: 'impossible_date' } : { ok: true, value };
  };
}

function excelReader(text: string): DateOutcome {
  if (!new RegExp(EXCEL_SERIAL_PATTERN, 'u').test(text))
    return { ok: false, reason: 'unparseable' };
  const value = excelSerialDate(Number(text.split('.')[0]));
  return value === null ? { ok: false, reason: 'impossible_date' } : { ok: true, value };
}

/** A parser of narrowed, non-missing cells (see clean-cell.ts) for one format. */
export function compileDateParser(
  format: DateFormat,
  pivotYear: number = DEFAULT_PIVOT_YEAR,
): (narrowed: string) => DateOutcome {
  if (format === 'excel') return excelReader;
  const readers = dateShapes(format).map((s) => shapeReader(s, pivotYear));
  const ambiguous = new RegExp(AMBIGUOUS_PATTERN, 'u');
  return (text) => {
    for (const read of readers) {
      const outcome = read(text);
      if (outcome) return outcome;
    }
    const why = format === 'auto' && ambiguous.test(text) ? 'ambiguous' : 'unparseable';
    return { ok: false, reason: why };
  };
}
