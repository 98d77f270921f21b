// `let name = value in body` for SQL expressions: binding a value through a one-element
// list_transform computes it once and names it. Two rules learnt from measurements (DuckDB 1.5):
// - the body must not call regexp functions: DuckDB sets up a lambda body's expression state per
//   chunk, and recompiling a large pattern costs ~0.3 s per million rows, however few rows
//   reach it (the value being bound may use them freely);
// - it costs ~0.05 s per million rows that reach it, so it is kept off the common paths.

/** Names of bound variables start with this; a column expression must not contain it. */
export const LET_PREFIX = '__mp_';

export function letSql(value: string, name: string, body: (ref: string) => string): string {
  const ref = `${LET_PREFIX}${name}`;
  return `list_transform([${value}], lambda ${ref}: ${body(ref)})[1]`;
}
