import type { CompiledMapping, RowCheck } from '../compile/compile-mapping.ts';
import { quoteIdent, quoteLiteral } from '../parse/index.ts';

/** The first failing check of a row as a struct, or NULL when the row is fine. */
function faultSql(checks: RowCheck[]): string {
  if (checks.length === 0) return 'NULL';
  const arms = checks.map(
    (c) =>
      `WHEN ${c.when} THEN struct_pack(rule := ${c.rule}, col := ${c.column === null ? 'NULL::VARCHAR' : quoteLiteral(c.column)}, ` +
      `val := left(CAST(${c.value} AS VARCHAR), 1000), msg := ${quoteLiteral(c.message)})`,
  );
  return `CASE ${arms.join(' ')} END`;
}

/** The attributes of a row as one JSON object (a constant when the mapping keeps none). */
export function attributesSql(names: readonly string[]): string {
  if (names.length === 0) return `'{}'::JSON`;
  return `json_object(${names.map((n) => `${quoteLiteral(n)}, ${quoteIdent(`attr:${n}`)}`).join(', ')})`;
}

/**
 * Canonical columns that are the same expression for every row, whatever the file says: a literal
 * (a constant of the mapping, NULL for an unmapped field) or a copy of another stored canonical
 * column (`project_id AS project_name`). Name -> expression. `imp_rows` computes them when read
 * instead of storing them: a million rows of a dozen such columns cost ~0.6 CPU s to write.
 */
export function virtualColumns(compiled: CompiledMapping): Map<string, string> {
  const names = new Set(compiled.canonicalNames);
  const parsed = compiled.canonicalColumns.map((c) =>
    /^(NULL::\w+|'(?:[^']|'')*'|(\w+)) AS (\w+)$/.exec(c),
  );
  const literal = new Set(parsed.filter((m) => m && !m[2]).map((m) => m![3]!));
  const out = new Map<string, string>();
  for (const m of parsed) {
    if (!m) continue;
    const [, expr, ref, name] = m as unknown as [string, string, string | undefined, string];
    if (ref === undefined || (names.has(ref) && ref !== name && !literal.has(ref))) {
      out.set(name, expr);
    }
  }
  if (compiled.attributeNames.length === 0) out.set('attributes', attributesSql([]));
  return out;
}

/**
 * From the staged rows to `imp_rows`, in one pass over them: the source line, typed canonical
 * columns, the attributes and the first fault, stored in `imp_rows_stored` without the columns
 * that are the same expression for every row (virtualColumns); the view `imp_rows` adds those
 * back, with the same columns in the same order. DuckDB does the whole file vectorised. The
 * staged row (`__raw`) is only read inside the statement, by the checks; it is not copied, and
 * quarantine joins it back by line for the few rows that need it. `source` is a trusted relation:
 * the staging table, or (a fused read, `keepBadRaw`) the read itself as a subquery, whose faulty
 * rows then keep their staged row as JSON in `__bad_raw` (keep-raw-sql.ts), since no staging
 * table is left to join back to.
 */
export function typedRowsSql(
  source: string,
  compiled: CompiledMapping,
  options: { keepBadRaw?: boolean } = {},
): string[] {
  const attrs = compiled.attributeNames.map((n) => quoteIdent(`attr:${n}`));
  const virtual = virtualColumns(compiled);
  const all = [...compiled.canonicalNames, '__version', 'attributes', '__fault'];
  const stored = all.filter((n) => !virtual.has(n));
  const value = (n: string) =>
    n === 'attributes'
      ? `${attributesSql(compiled.attributeNames)} AS attributes`
      : n === '__fault'
        ? `${faultSql(compiled.checks)} AS __fault`
        : n;
  const canon = `canon AS (
  SELECT __line, __raw, __version, ${[...attrs, ...compiled.canonicalColumns, ...compiled.failureColumns].join(',\n    ')}
  FROM typed
)`;
  const head = `CREATE OR REPLACE TEMP TABLE imp_rows_stored AS
WITH typed AS (
  SELECT s.source_line AS __line, s AS __raw, ${compiled.typedColumns.join(',\n    ')}
  FROM ${source} s
),
${canon}`;
  const table = options.keepBadRaw
    ? `${head},
checked AS (
  SELECT __line, __raw, ${stored.map(value).join(',\n  ')}
  FROM canon
)
SELECT __line, ${stored.join(', ')},
  CASE WHEN __fault IS NOT NULL THEN to_json(__raw) END AS __bad_raw
FROM checked`
    : `${head}
SELECT __line, ${stored.map(value).join(',\n  ')}
FROM canon`;
  return [table, typedRowsViewSql(compiled)];
}

/** The view `imp_rows` over `imp_rows_stored` (typedRowsSql). */
export function typedRowsViewSql(compiled: CompiledMapping): string {
  const virtual = virtualColumns(compiled);
  const all = [...compiled.canonicalNames, '__version', 'attributes', '__fault'];
  return `CREATE OR REPLACE TEMP VIEW imp_rows AS
SELECT __line, ${all.map((n) => (virtual.has(n) ? `${virtual.get(n)} AS ${n}` : n)).join(', ')}
FROM imp_rows_stored`;
}
