import {
  AMBIGUOUS_PATTERN,
  EXCEL_SERIAL_PATTERN,
  TIME_SUFFIX_PATTERN,
  dateShapes,
  type DateFormat,
  type DateShape,
} from './date-patterns.ts';
import type { KindSql, Reader } from './kind-sql.ts';
import { letSql } from './let-sql.ts';
import { DEFAULT_PIVOT_YEAR, MAX_EXCEL_SERIAL } from './parse-date.ts';
import { readerKind } from './reader-kind.ts';
import { quoteLiteral as lit, regexLiteral as rx, sqlInteger } from './sql-quote.ts';

// SQL twin of parse-date.ts. A capture-free regex recognises the shape, then a DATE cast (ISO) or
// try_strptime reads the date part. Both refuse impossible dates (2024-02-30 -> NULL) and only
// ever see a shape-checked cell, so their leniencies (spaces, 1-digit fields) never come into
// play. Two-digit years get their century here, not from strptime's `%y` (fixed pivot 69), so
// the pivot is configurable.

/** The date without its time of day. Only dd-Mon shapes can have a space or a `T` in the date. */
function datePartSql(shape: DateShape, x: string): string {
  const part =
    shape.rewrite === 'spaces_to_dashes'
      ? `regexp_replace(${x}, ${rx(TIME_SUFFIX_PATTERN)}, '')`
      : `split_part(split_part(${x}, 'T', 1), ' ', 1)`;
  return `(CASE WHEN contains(${x}, ':') THEN ${part} ELSE ${x} END)`;
}

function rewriteSql(shape: DateShape, d: string): string {
  switch (shape.rewrite) {
    case 'dots_to_slashes':
      return `replace(${d}, '.', '/')`;
    case 'spaces_to_dashes':
      return `replace(${d}, ' ', '-')`;
    case 'compact_to_dashes':
      return `concat_ws('-', left(${d}, 4), substr(${d}, 5, 2), substr(${d}, 7, 2))`;
    case 'none':
      return d;
  }
}

function readDateSql(shape: DateShape, x: string, pivotYear: number): string {
  // DuckDB's DATE cast reads the date as written and ignores whatever follows a space or `T`
  // (time, AM/PM, zone offset); it is only shown cells whose shape was checked.
  if (shape.format === 'iso') return `try_cast(${x} AS DATE)`;
  const d = rewriteSql(shape, datePartSql(shape, x));
  if (!shape.twoDigitYear) return `CAST(try_strptime(${d}, ${lit(shape.strptime)}) AS DATE)`;
  // strptime's own %y maps 00-68 to 20yy and 69-99 to 19yy: exactly the default pivot.
  if (pivotYear === DEFAULT_PIVOT_YEAR) {
    return `CAST(try_strptime(${d}, ${lit(shape.strptime.replace('%Y', '%y'))}) AS DATE)`;
  }
  // The bound value may use regexes; the body must not (let-sql.ts).
  return letSql(d, 'd', (t) => {
    const century = `(CASE WHEN try_cast(right(${t}, 2) AS INTEGER) < ${sqlInteger(pivotYear)} THEN '20' ELSE '19' END)`;
    return `CAST(try_strptime(left(${t}, length(${t}) - 2) || ${century} || right(${t}, 2), ${lit(shape.strptime)}) AS DATE)`;
  });
}

function shapeReader(shape: DateShape, pivotYear: number): Reader {
  const value = (x: string) => readDateSql(shape, x, pivotYear);
  return {
    pattern: shape.pattern,
    value,
    reason: (x) => `(CASE WHEN ${value(x)} IS NULL THEN 'impossible_date' END)`,
  };
}

const excelValue = (x: string) =>
  letSql(
    `try_cast(split_part(${x}, '.', 1) AS INTEGER)`,
    'n',
    (n) =>
      `(CASE WHEN ${n} BETWEEN 1 AND 59 THEN DATE '1899-12-31' + ${n} ` +
      `WHEN ${n} BETWEEN 61 AND ${sqlInteger(MAX_EXCEL_SERIAL)} THEN DATE '1899-12-30' + ${n} END)`,
  );

const excelReader: Reader = {
  pattern: EXCEL_SERIAL_PATTERN,
  value: excelValue,
  reason: (x) => `(CASE WHEN ${excelValue(x)} IS NULL THEN 'impossible_date' END)`,
};

export function dateReaders(format: DateFormat, pivotYear: number): Reader[] {
  return format === 'excel'
    ? [excelReader]
    : dateShapes(format).map((s) => shapeReader(s, pivotYear));
}

export function dateKindSql(col: string, format: DateFormat, pivotYear: number): KindSql {
  const noMatch = (p: string) =>
    format === 'auto'
      ? `(CASE WHEN regexp_full_match(${p}, ${rx(AMBIGUOUS_PATTERN)}) THEN 'ambiguous' ELSE 'unparseable' END)`
      : `'unparseable'`;
  return readerKind(col, dateReaders(format, pivotYear), noMatch);
}
