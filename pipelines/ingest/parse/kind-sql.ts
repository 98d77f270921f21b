/**
 * A kind rendered in SQL for one column, in two parts (value-sql.ts puts them together):
 * - `fast`: branches on the raw cell, tried first. A cell they accept is already clean (their
 *   regexes allow no edge whitespace, invisible or full-width characters) and not a missing marker,
 *   so most cells are read with one capture-free regex test (RE2 runs it as a DFA) and a cast.
 * - `slowValue(q)` / `slowReason(q)`: the rest, given `q`, the cleaned cell bound by a lambda
 *   (let-sql.ts), known to be neither NULL nor missing. Their own lambda bodies may call only small
 *   regexes: DuckDB sets a lambda body up again for every chunk.
 * DuckDB's common-subexpression pass is not relied on: it skips anything first met in a later
 * CASE branch or right of an AND/OR, and column statistics can fold branches away.
 */
export interface Branch {
  when: string;
  value: string;
  reason: string;
}

export interface KindSql {
  fast: readonly Branch[];
  slowValue(q: string): string;
  slowReason(q: string): string;
}

/** A reader recognises one form of a cell `x` and reads it (numbers, dates). */
export interface Reader {
  /** The capture-free regex that recognises the form (also tried on missing markers, in JS). */
  pattern: string;
  value(x: string): string;
  /** NULL when `value` is not NULL, else the reason code. */
  reason(x: string): string;
}

export const NULL_REASON = 'CAST(NULL AS VARCHAR)';
