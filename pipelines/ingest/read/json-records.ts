import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent, quoteLiteral } from '../parse/sql-quote.ts';
import { queryRow, queryRows } from '../../warehouse/query.ts';
import { SOURCE_LINE, uniqueColumnNames } from './column-names.ts';
import type { RejectedRow } from './csv-rejects.ts';
import { readError } from './read-error.ts';
import { tableKind } from './staging-tables.ts';

/** A TEMP table of `(source_line, line)`: one JSON text per record, NULL for an empty line. */
export interface JsonLines {
  table: string;
  conn: DuckDBConnection;
}

// TRY_CAST: DuckDB does not promise to evaluate a filter before the expressions that follow it.
const AS_JSON = 'TRY_CAST(line AS JSON)';
const IS_OBJECT = `coalesce(json_type(${AS_JSON}) = 'OBJECT', false)`;

/** Top-level keys of all objects, in the order they first appear. */
export async function jsonKeys({ conn, table }: JsonLines): Promise<string[]> {
  const rows = await queryRows<{ k: string }>(
    conn,
    `SELECT k FROM (
       SELECT unnest(json_keys(${AS_JSON})) AS k, generate_subscripts(json_keys(${AS_JSON}), 1) AS p,
              source_line AS r
       FROM ${quoteIdent(table)} WHERE ${IS_OBJECT})
     GROUP BY k ORDER BY min(r), arg_min(p, r)`,
  );
  return rows.map((r) => r.k);
}

/** Records that are not JSON objects (bad JSON, or an array or scalar where a record belongs). */
export async function jsonRejects(j: JsonLines, maxRejects: number): Promise<RejectedRow[]> {
  const where = `trim(line) <> '' AND NOT ${IS_OBJECT}`;
  const t = quoteIdent(j.table);
  const count = await queryRow<{ n: number }>(
    j.conn,
    `SELECT COUNT(*)::DOUBLE AS n FROM ${t} WHERE ${where}`,
  );
  const n = count?.n ?? 0;
  if (n > maxRejects) {
    throw readError(
      'too_many_rejects',
      `${n} records are not JSON objects (more than ${maxRejects} allowed)`,
    );
  }
  return queryRows<RejectedRow>(
    j.conn,
    `SELECT source_line::DOUBLE AS line,
       CASE coalesce(json_type(${AS_JSON}), 'INVALID')
         WHEN 'INVALID' THEN 'not valid JSON'
         WHEN 'ARRAY' THEN 'record is a JSON array, not an object'
         WHEN 'VARCHAR' THEN 'record is a JSON string, not an object'
         WHEN 'NULL' THEN 'record is JSON null, not an object'
         WHEN 'BOOLEAN' THEN 'record is a JSON boolean, not an object'
         ELSE 'record is a JSON number, not an object' END AS message,
       left(line, 2000) AS "rawLine"
     FROM ${t} WHERE ${where} ORDER BY source_line`,
  );
}

/** `$."key"` with the JSONPath escapes for quotes and backslashes. */
function keyPath(key: string): string {
  return quoteLiteral(`$."${key.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`);
}

/** The staging table: one VARCHAR per key (strings unquoted, nested values as JSON text). */
export async function copyJsonObjects(
  j: JsonLines,
  target: string,
  temp: boolean,
  keys: readonly string[],
): Promise<{ columns: string[]; warnings: string[]; rows: number }> {
  const named = uniqueColumnNames(keys);
  const select = keys.map(
    (k, i) => `json_extract_string(line, ${keyPath(k)}) AS ${quoteIdent(named.names[i] ?? k)}`,
  );
  const t = quoteIdent(target);
  await j.conn.run(
    `CREATE ${tableKind(temp)} ${t} AS SELECT ${[SOURCE_LINE, ...select].join(', ')} ` +
      `FROM ${quoteIdent(j.table)} WHERE ${IS_OBJECT} ORDER BY ${SOURCE_LINE}`,
  );
  const count = await queryRow<{ n: number }>(j.conn, `SELECT COUNT(*)::DOUBLE AS n FROM ${t}`);
  return { columns: named.names, warnings: named.warnings, rows: count?.n ?? 0 };
}
