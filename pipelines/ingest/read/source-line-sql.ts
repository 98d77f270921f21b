import { quoteIdent, sqlInteger } from '../parse/sql-quote.ts';
import { SOURCE_LINE } from './column-names.ts';

/** How a staged row (by its 0-based position in file order) gets its `source_line`. */
export type LineRule =
  | { kind: 'offset'; delta: number }
  /** A table of `(row_, delta)` breakpoints: from row `row_` on, `source_line = row + delta`. */
  | { kind: 'breakpoints'; table: string };

/**
 * Fills the `source_line` placeholder (NULL) that the reading statement created. DuckDB's CSV
 * reader has no row-number column, but a table filled from it keeps file order, so `rowid -
 * firstRowid` is the row's position. (Rowids of a table created in the same transaction start at
 * 2^55, hence `firstRowid`, the table's minimum.) Updating one BIGINT column costs a fraction of
 * copying the table into another with the column added, especially inside a transaction.
 */
export function setSourceLinesSql(
  table: string,
  firstRowid: bigint,
  rule: LineRule,
  column = SOURCE_LINE,
): string {
  const t = quoteIdent(table);
  const first = firstRowid.toString();
  if (rule.kind === 'offset') {
    return `UPDATE ${t} SET ${column} = rowid - ${first} + ${sqlInteger(rule.delta)}`;
  }
  const numbered = `(SELECT rowid AS rid, rowid - ${first} AS row_no FROM ${t}) AS r`;
  const lines =
    `SELECT r.rid, r.row_no + b.delta AS line FROM ${numbered} ` +
    `ASOF JOIN ${quoteIdent(rule.table)} AS b ON r.row_no >= b.row_`;
  return `UPDATE ${t} SET ${column} = m.line FROM (${lines}) AS m WHERE ${t}.rowid = m.rid`;
}
