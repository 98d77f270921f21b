import { quoteIdent } from '../parse/sql-quote.ts';
import { queryRow, queryRows } from '../../warehouse/query.ts';
import { uniqueColumnNames } from './column-names.ts';
import { readRange } from './file-head.ts';
import { readError } from './read-error.ts';
import { SOURCE_LINE } from './column-names.ts';
import type { FormatReader } from './stage-types.ts';
import { tableKind } from './staging-tables.ts';
import { varcharExpr } from './varchar-expr.ts';

/**
 * Parquet: DuckDB reads it; every column is cast to VARCHAR in the same statement and
 * `source_line` is the 1-based row number in the file.
 */
export const stageParquet: FormatReader = async (ctx) => {
  const { conn, path, size, target, options } = ctx;
  await assertParquetComplete(path, size);
  const described = await queryRows<{ column_name: string; column_type: string }>(
    conn,
    'DESCRIBE SELECT * FROM read_parquet($path)',
    { path },
  );
  const named = uniqueColumnNames(described.map((c) => c.column_name));
  const select = described.map(
    (c, i) => `${varcharExpr(c.column_name, c.column_type)} AS ${quoteIdent(named.names[i] ?? '')}`,
  );
  const line = `r.file_row_number + 1 AS ${SOURCE_LINE}`;
  await conn.run(
    `CREATE ${tableKind(options.temp)} ${quoteIdent(target)} AS SELECT ${[line, ...select].join(', ')} ` +
      'FROM read_parquet($path, file_row_number = true) AS r',
    { path },
  );
  const count = await queryRow<{ n: number }>(
    conn,
    `SELECT COUNT(*)::DOUBLE AS n FROM ${quoteIdent(target)}`,
  );
  const rows = count?.n ?? 0;
  return {
    format: 'parquet',
    rowsRead: rows,
    rowsStaged: rows,
    columns: named.names,
    rejects: [],
    warnings: named.warnings,
  };
};

/**
 * A Parquet file starts and ends with `PAR1`, and the 4 bytes before the end give the footer's
 * length. A file cut short loses its footer; saying so beats DuckDB's low-level message (and
 * keeps the caller's transaction usable).
 */
async function assertParquetComplete(path: string, size: number): Promise<void> {
  const head = await readRange(path, 0, 4);
  const tail = await readRange(path, Math.max(0, size - 8), 8);
  const footer = tail.length === 8 ? tail.readUInt32LE(0) : -1;
  const ok =
    head.toString('latin1') === 'PAR1' &&
    tail.subarray(4).toString('latin1') === 'PAR1' &&
    footer > 0 &&
    footer <= size - 12;
  if (!ok) {
    throw readError(
      'truncated_file',
      `${path} is not a complete Parquet file (its footer is missing or damaged): it was probably cut short while copying`,
    );
  }
}
