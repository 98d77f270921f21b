// CSV cells and lines as RFC 4180 has them: fields with a comma, quote, CR or LF are quoted and
// quotes doubled; lines end in CRLF. NULL is an empty field; an empty string is "" so that the
// two stay distinguishable. Dates are ISO already; money has exactly two decimals.
import type { CellValue, ColumnKind } from './demo-tables.ts';

const needsQuotes = /[",\r\n]/;

export function csvField(value: string): string {
  if (value === '') return '""';
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvCell(kind: ColumnKind, value: CellValue): string {
  if (value === null) return '';
  if (kind === 'decimal') return (value as number).toFixed(2);
  if (kind === 'integer' || kind === 'double') return String(value);
  return csvField(value as string);
}

export const CSV_EOL = '\r\n';
