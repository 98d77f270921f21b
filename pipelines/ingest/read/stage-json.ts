import { quoteIdent } from '../parse/sql-quote.ts';
import { queryRow } from '../../warehouse/query.ts';
import type { RejectedRow } from './csv-rejects.ts';
import { readRange } from './file-head.ts';
import { copyJsonObjects, jsonKeys, jsonRejects, type JsonLines } from './json-records.ts';
import { placeCsvRows } from './place-csv-rows.ts';
import { readRawWithLines } from './read-raw-csv.ts';
import { readError } from './read-error.ts';
import { scanUtf8File } from './scan-utf8-file.ts';
import { applySourceLines } from './apply-source-lines.ts';
import type { FormatReader, StageContext } from './stage-types.ts';
import { uniqueTableName } from './staging-tables.ts';
import { prepareTextSource } from './text-source.ts';

/**
 * JSON and NDJSON: each record becomes one JSON text in a `(source_line, line)` TEMP table, then
 * every top-level key becomes a VARCHAR column. NDJSON lines are read by read_csv as one column
 * (so a bad line is one reject and `source_line` is its physical line); a JSON document is read
 * by read_json and `source_line` is the record's position in it.
 */
export function stageJson(format: 'json' | 'ndjson'): FormatReader {
  return async (ctx) => {
    const read = format === 'ndjson' ? await ndjsonLines(ctx) : await jsonDocumentLines(ctx);
    const keys = await jsonKeys(read.lines);
    const rejects = [...read.rejects, ...(await jsonRejects(read.lines, ctx.options.maxRejects))];
    rejects.sort((a, b) => a.line - b.line);
    const last = rejects.at(-1);
    if (last?.line === read.lastLine && last?.message.startsWith('not valid JSON')) {
      throw readError(
        'truncated_file',
        `${ctx.path} ends in the middle of a record (line ${read.lastLine} is incomplete JSON)`,
      );
    }
    const copy = await copyJsonObjects(read.lines, ctx.target, ctx.options.temp, keys);
    await ctx.tables.drop(ctx.conn, read.lines.table);
    return {
      format,
      rowsRead: copy.rows + rejects.length,
      rowsStaged: copy.rows,
      columns: copy.columns,
      rejects,
      warnings: copy.warnings,
    };
  };
}

interface ReadLines {
  lines: JsonLines;
  rejects: RejectedRow[];
  /** For a file that does not end with a line break: its last line, which may be cut off. */
  lastLine?: number;
}

/** One record per line; `\u0001` cannot occur in JSON text, so each line is a single field. */
async function ndjsonLines(ctx: StageContext): Promise<ReadLines> {
  const source = await prepareTextSource(ctx.path, ctx.size, 'utf-8', ctx.options.tempDir);
  const dialect = { delimiter: '\u0001', quote: '' };
  const layout = {
    header: false,
    columns: ['line'],
    warnings: [],
    duckdbSkip: 0,
    recordsBeforeData: 0,
    firstDataLine: 1,
  };
  const table = ctx.tables.add(uniqueTableName('read_json_lines'));
  const into = { table, temp: true, names: ['line'] };
  const { raw, lines } = await readRawWithLines(ctx, source, dialect, layout, into);
  const placed = await placeCsvRows(ctx, source, dialect, layout, raw, lines);
  await applySourceLines(ctx.conn, table, placed.lines);
  if (placed.lines.kind === 'breakpoints') await ctx.tables.drop(ctx.conn, placed.lines.table);
  const rejects = placed.rejects.map((r) => ({
    ...r,
    message: 'not valid JSON (a control character or an over-long line)',
  }));
  const lastLine = lines.endsWithBreak ? undefined : lines.breaks + 1;
  return {
    lines: { conn: ctx.conn, table },
    rejects,
    ...(lastLine === undefined ? {} : { lastLine }),
  };
}

/** A JSON document (an array of records, or one record), checked whole before DuckDB reads it. */
async function jsonDocumentLines(ctx: StageContext): Promise<ReadLines> {
  const { conn, path, size, tables } = ctx;
  await assertValidJson(ctx);
  const table = tables.add(uniqueTableName('read_json_lines'));
  const maxObject = Math.min(2 ** 32 - 1, Math.max(16 << 20, size + 1));
  const head = (await readRange(path, 0, 4096)).toString('utf8').replace(/^\uFEFF/, '');
  // A top-level array is a list of records; anything else (one object, concatenated objects) is
  // left to DuckDB's detection. `columns` keeps each record JSON text: without it DuckDB may sniff
  // a STRUCT type from the first records and fail on a later one that differs.
  const format = head.trimStart().startsWith('[') ? 'array' : 'auto';
  await conn.run(
    `CREATE TEMP TABLE ${quoteIdent(table)} AS SELECT NULL::BIGINT AS source_line, ` +
      'CAST(json AS VARCHAR) AS line ' +
      `FROM read_json($path, format = '${format}', records = false, columns = {'json': 'JSON'}, ` +
      `maximum_object_size = ${maxObject})`,
    { path },
  );
  await applySourceLines(conn, table, { kind: 'offset', delta: 1 });
  return { lines: { conn, table }, rejects: [] };
}

/** Malformed JSON would fail read_json (and the caller's transaction); json_valid does not. */
async function assertValidJson({ conn, path, size }: StageContext): Promise<void> {
  const scan = await scanUtf8File(path, 10);
  if (scan.firstInvalid >= 0) {
    throw readError(
      'mixed_or_unknown_encoding',
      `${path} is not UTF-8 (byte offset ${scan.firstInvalid}, line ${scan.invalidLine}); JSON must be UTF-8`,
    );
  }
  const row = await queryRow<{ ok: boolean }>(
    conn,
    'SELECT json_valid(content) AS ok FROM read_text($path)',
    { path },
  );
  if (row?.ok) return;
  const tail = (await readRange(path, Math.max(0, size - 64), 64)).toString('utf8').trimEnd();
  if (!tail.endsWith(']') && !tail.endsWith('}')) {
    throw readError(
      'truncated_file',
      `${path} ends before its JSON is complete: the file was cut short`,
    );
  }
  throw readError('invalid_json', `${path} is not valid JSON; check it with a JSON validator`);
}
