import { quoteIdent } from '../parse/sql-quote.ts';
import { csvLayout } from './csv-layout.ts';
import { chooseDelimiter } from './detect-delimiter.ts';
import { placeCsvRows } from './place-csv-rows.ts';
import { readRawWithLines, type RawRead } from './read-raw-csv.ts';
import { queryRow } from '../../warehouse/query.ts';
import type { Dialect } from './sample-records.ts';
import type { LineRule } from './source-line-sql.ts';
import { applySourceLines } from './apply-source-lines.ts';
import type { FormatReader, FusedRead, StageContext } from './stage-types.ts';
import { prepareTextSource, RetryAsEncoding, type TextSource } from './text-source.ts';
import type { TextEncoding } from './detect-encoding.ts';

/** CSV and TSV: DuckDB's read_csv does the reading; JS only looks at the head. */
export function stageCsv(format: 'csv' | 'tsv'): FormatReader {
  return async (ctx) => {
    const { path, size, spec, options } = ctx;
    let forced: TextEncoding | undefined;
    for (;;) {
      const source = await prepareTextSource(path, size, spec.encoding, options.tempDir, forced);
      try {
        return await stageText(ctx, source, format);
      } catch (e) {
        if (!(e instanceof RetryAsEncoding) || forced !== undefined) throw e;
        await ctx.tables.dropAll(ctx.conn, [ctx.target]);
        forced = e.encoding;
      } finally {
        await source.cleanup();
      }
    }
  };
}

async function stageText(ctx: StageContext, source: TextSource, format: 'csv' | 'tsv') {
  const { spec } = ctx;
  const quote = spec.quote ?? '"';
  const choice = chooseDelimiter(source.head, {
    declared: spec.delimiter,
    assumed: format === 'tsv' ? '\t' : ',',
    quote,
    complete: source.complete,
    skip: spec.skipRows,
  });
  const dialect: Dialect = { delimiter: choice.delimiter, quote };
  const layout = csvLayout(ctx.path, source.head, dialect, {
    header: spec.header,
    skipRows: spec.skipRows,
    complete: source.complete,
  });
  const fused = fusedReadFor(ctx, layout.columns);
  const into = {
    table: fused?.table ?? ctx.target,
    temp: ctx.options.temp,
    names: layout.columns,
    fused: fused?.statement,
  };
  const { raw, lines } = await readRawWithLines(ctx, source, dialect, layout, into);
  const placed = await placeCsvRows(ctx, source, dialect, layout, raw, lines);
  const staged = await finishRows(ctx, raw, layout.columns, placed.lines, fused?.lineColumn);
  return {
    ...(fused ? { fused: true } : {}),
    format,
    rowsRead: staged + placed.rejects.length,
    rowsStaged: staged,
    columns: layout.columns,
    rejects: placed.rejects,
    warnings: [
      ...encodingWarnings(source),
      ...choice.warnings,
      ...layout.warnings,
      ...placed.warnings,
    ],
    encoding: source.encoding,
    delimiter: dialect.delimiter,
  };
}

/**
 * The caller's fused read (stage-types.ts), if it has one and wants this file. Never for a
 * one-column file: its NULL rows are deleted after the read (finishRows), which the caller's table
 * could not follow.
 */
function fusedReadFor(ctx: StageContext, columns: readonly string[]): FusedRead | undefined {
  const { fused } = ctx;
  return fused && columns.length > 1 && fused.accepts(columns) ? fused : undefined;
}

/**
 * Sets `source_line` (or a fused read's line column). DuckDB reads an empty line of a one-column
 * file as a NULL row (it skips empty lines in wider files): those rows are deleted so that empty
 * lines mean the same in both.
 */
async function finishRows(
  ctx: StageContext,
  raw: RawRead,
  columns: readonly string[],
  lines: LineRule,
  fusedLineColumn: string | undefined,
) {
  const { conn, tables } = ctx;
  await applySourceLines(conn, raw.table, lines, fusedLineColumn);
  if (lines.kind === 'breakpoints') await tables.drop(conn, lines.table);
  const only = columns.length === 1 ? columns[0] : undefined;
  if (only === undefined) return raw.staged;
  const t = quoteIdent(raw.table);
  await conn.run(`DELETE FROM ${t} WHERE ${quoteIdent(only)} IS NULL`);
  const count = await queryRow<{ n: number }>(conn, `SELECT COUNT(*)::DOUBLE AS n FROM ${t}`);
  return count?.n ?? 0;
}

function encodingWarnings(source: TextSource): string[] {
  return source.encoding === 'utf-8'
    ? []
    : [
        `read as ${source.encoding.toUpperCase()} (not UTF-8) and converted; check that the text looks right`,
      ];
}
