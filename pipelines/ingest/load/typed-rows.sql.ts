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
 * One statement from the staged rows to `imp_rows`: the source line, typed canonical columns,
 * the attributes and the first fault. DuckDB does the whole file vectorised. The staged row
 * (`__raw`) is only read inside the statement, by the checks; it is not copied into `imp_rows`,
 * and quarantine joins it back by line for the few rows that need it.
 */
export function typedRowsSql(source: string, compiled: CompiledMapping): string {
  const attrs = compiled.attributeNames.map((n) => quoteIdent(`attr:${n}`));
  return `CREATE OR REPLACE TEMP TABLE imp_rows AS
WITH typed AS (
  SELECT s.source_line AS __line, s AS __raw, ${compiled.typedColumns.join(',\n    ')}
  FROM ${source} s
),
canon AS (
  SELECT __line, __raw, __version, ${[...attrs, ...compiled.canonicalColumns, ...compiled.failureColumns].join(',\n    ')}
  FROM typed
)
SELECT __line, ${compiled.canonicalNames.join(', ')}, __version,
  ${attributesSql(compiled.attributeNames)} AS attributes,
  ${faultSql(compiled.checks)} AS __fault
FROM canon`;
}
