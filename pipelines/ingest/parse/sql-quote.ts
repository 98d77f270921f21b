// The only way text from outside this folder enters generated SQL. Identifiers are double-quoted,
// strings single-quoted, both with the quote character doubled: DuckDB gives backslashes no meaning
// in standard string literals, so doubling is the whole escape. NUL is refused because it cannot
// round-trip through a literal and has no place in a column name or a vocabulary label.

export class SqlQuoteError extends Error {
  override name = 'SqlQuoteError';
}

function assertQuotable(text: string, what: string): void {
  if (typeof text !== 'string') throw new SqlQuoteError(`${what} must be a string`);
  if (text.includes('\u0000')) throw new SqlQuoteError(`${what} contains a NUL character`);
}

/** `"name"` with embedded double quotes doubled; refuses empty names and NUL. */
export function quoteIdent(name: string): string {
  assertQuotable(name, 'identifier');
  if (name.length === 0) throw new SqlQuoteError('identifier is empty');
  return `"${name.replaceAll('"', '""')}"`;
}

/** `'text'` with embedded single quotes doubled; refuses NUL. */
export function quoteLiteral(text: string): string {
  assertQuotable(text, 'string literal');
  return `'${text.replaceAll("'", "''")}'`;
}

/** A column reference, optionally qualified: `"t"."col"`. */
export function columnRef(column: string, table?: string): string {
  return table === undefined ? quoteIdent(column) : `${quoteIdent(table)}.${quoteIdent(column)}`;
}

/** An integer literal; anything but a safe integer is a programming error, never data. */
export function sqlInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new SqlQuoteError(`not a safe integer: ${String(value)}`);
  return String(value);
}

/**
 * A regex pattern as a SQL string literal for DuckDB's RE2. Patterns are written once for both
 * engines; the one spelling they do not share is a code point escape (`\u{2028}` in JS with the
 * `u` flag, `\x{2028}` in RE2), translated here.
 */
export function regexLiteral(pattern: string): string {
  return quoteLiteral(pattern.replaceAll('\\u{', '\\x{'));
}
