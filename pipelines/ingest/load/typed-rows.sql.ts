import type { CompiledMapping, RowCheck } from '../compile/compile-mapping.ts';
import { quoteLiteral } from '../parse/index.ts';

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

/**
 * One statement from the staged table to `imp_rows`: typed canonical columns, the staged row as a
 * struct (`__raw`, for quarantine) and the first fault. DuckDB does the whole file vectorised.
 */
export function typedRowsSql(stageTable: string, compiled: CompiledMapping): string {
  return `CREATE OR REPLACE TEMP TABLE imp_rows AS
WITH typed AS (
  SELECT s.source_line AS __line, s AS __raw, ${compiled.typedColumns.join(',\n    ')}
  FROM ${stageTable} s
),
canon AS (
  SELECT __line, __raw, ${compiled.canonicalColumns.join(',\n    ')}${compiled.typedColumns
    .filter((c) => / AS (__fail_\d+|__version|"attr:[^"]+")$/.test(c))
    .map((c) => `,\n    ${c.slice(c.lastIndexOf(' AS ') + 4)}`)
    .join('')}
  FROM typed
)
SELECT *, ${faultSql(compiled.checks)} AS __fault FROM canon`;
}
