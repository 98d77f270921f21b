import { quoteIdent } from '../parse/sql-quote.ts';
import { queryRow } from '../../warehouse/query.ts';
import type { CsvLayout } from './csv-layout.ts';
import { readCsvSelectSql, readCsvSql } from './csv-read-sql.ts';
import { readDuckRejects, type DuckReject } from './csv-rejects.ts';
import type { Dialect } from './sample-records.ts';
import type { LineStats } from './scan-utf8-file.ts';
import type { StageContext } from './stage-types.ts';
import { uniqueTableName } from './staging-tables.ts';
import type { TextSource } from './text-source.ts';

export interface RawRead {
  /** The table read_csv filled (`source_line` still NULL). */
  table: string;
  staged: number;
  rejects: DuckReject[];
}

/** Where read_csv's rows go: a table the caller has registered in `ctx.tables`. */
export interface ReadInto {
  table: string;
  temp: boolean;
  names: readonly string[];
  /** A fused read's statement (stage-types.ts) makes `table` instead of a staging table. */
  fused?: ((relation: string) => string) | undefined;
}

/** Runs read_csv into `into.table` and collects DuckDB's rejects. */
export async function readRawCsv(
  ctx: StageContext,
  source: TextSource,
  dialect: Dialect,
  layout: CsvLayout,
  into: ReadInto,
): Promise<RawRead> {
  const { conn, tables, options } = ctx;
  const rejectsTable = tables.add(uniqueTableName('read_rejects'));
  const rejectsScan = tables.add(uniqueTableName('read_scans'));
  const plan = {
    ...into,
    rejectsTable,
    rejectsScan,
    dialect,
    header: layout.header,
    duckdbSkip: layout.duckdbSkip,
    maxLineBytes: options.maxLineBytes,
  };
  const sql = into.fused ? into.fused(`(${readCsvSelectSql(plan)})`) : readCsvSql(plan);
  await conn.run(sql, { path: source.readPath });
  const rejects = await readDuckRejects(conn, rejectsTable, options.maxRejects);
  await tables.drop(conn, rejectsTable);
  await tables.drop(conn, rejectsScan);
  const count = await queryRow<{ n: number }>(
    conn,
    `SELECT COUNT(*)::DOUBLE AS n FROM ${quoteIdent(into.table)}`,
  );
  return { table: into.table, staged: count?.n ?? 0, rejects };
}

/**
 * readRawCsv while the whole-file encoding check and line count run. Both are awaited before
 * anything else happens on the connection (one statement at a time); a failed check wins over
 * a failed read, which it explains.
 */
export async function readRawWithLines(
  ctx: StageContext,
  source: TextSource,
  dialect: Dialect,
  layout: CsvLayout,
  into: ReadInto,
): Promise<{ raw: RawRead; lines: LineStats }> {
  const [raw, lines] = await Promise.allSettled([
    readRawCsv(ctx, source, dialect, layout, into),
    source.lines,
  ]);
  if (lines.status === 'rejected') throw lines.reason;
  if (raw.status === 'rejected') throw raw.reason;
  return { raw: raw.value, lines: lines.value };
}
