import type { CsvLayout } from './csv-layout.ts';
import { rejectMessage, type DuckReject, type RejectedRow } from './csv-rejects.ts';
import { mapSourceLines, type LineMap } from './line-map.ts';
import { readError } from './read-error.ts';
import type { Dialect } from './sample-records.ts';
import type { LineStats } from './scan-utf8-file.ts';
import type { LineRule } from './source-line-sql.ts';
import type { RawRead } from './read-raw-csv.ts';
import type { StageContext } from './stage-types.ts';
import type { TextSource } from './text-source.ts';
import { writeBreakpoints } from './write-breakpoints.ts';

export interface PlacedRows {
  lines: LineRule;
  rejects: RejectedRow[];
  warnings: string[];
}

/**
 * Physical line numbers for staged and rejected rows. When the file has exactly one line per
 * record from the first data line on (its line count says so) and nothing was rejected, a row's
 * line is `first data line + rowid`. Otherwise one scan of the file finds where every record
 * starts; the staged rows take the lines of the records that were not rejected, in order.
 */
export async function placeCsvRows(
  ctx: StageContext,
  source: TextSource,
  dialect: Dialect,
  layout: CsvLayout,
  raw: RawRead,
  stats: LineStats,
): Promise<PlacedRows> {
  const total = stats.breaks + (stats.endsWithBreak ? 0 : 1);
  if (raw.rejects.length === 0 && total === layout.firstDataLine - 1 + raw.staged) {
    return { lines: { kind: 'offset', delta: layout.firstDataLine }, rejects: [], warnings: [] };
  }
  const map = await mapSourceLines(
    source.readPath,
    {
      delimiter: Buffer.from(dialect.delimiter, 'utf8').at(-1) ?? 0,
      quote: dialect.quote === '' ? -1 : dialect.quote.charCodeAt(0),
      lineBreak: source.lineBreak,
      blankLinesAreRecords: layout.columns.length === 1,
      skipBom: source.bom,
      firstDataRecord: layout.recordsBeforeData,
    },
    raw.rejects.map((r) => r.position),
  );
  failOnFileErrors(ctx.path, raw.rejects, map);
  if (map.staged !== raw.staged) return logicalLines(layout, raw);
  const rejects = raw.rejects.map((r, i) => rejectedRow(r, map.rejectLines[i] ?? r.duckLine));
  const [first, second] = map.breakpoints;
  const lines: LineRule =
    second === undefined
      ? { kind: 'offset', delta: first?.delta ?? layout.firstDataLine }
      : {
          kind: 'breakpoints',
          table: await writeBreakpoints(ctx.conn, ctx.tables, map.breakpoints),
        };
  return { lines, rejects, warnings: [] };
}

function rejectedRow(r: DuckReject, line: number): RejectedRow {
  return { line, message: rejectMessage(r), rawLine: r.rawLine };
}

/** The scan and DuckDB disagree on the records (should not happen): fall back to record numbers. */
function logicalLines(layout: CsvLayout, raw: RawRead): PlacedRows {
  return {
    lines: { kind: 'offset', delta: layout.firstDataLine },
    rejects: raw.rejects.map((r) => rejectedRow(r, r.duckLine)),
    warnings: [
      'source_line could not be matched to physical lines; it is the record number plus the ' +
        'header lines, and a row after a multi-line value may be a few lines further down',
    ],
  };
}

/**
 * Rejects that mean the file as a whole is unusable, not one bad row. A quote that is never
 * closed comes first: DuckDB may report it as an over-long line when the rest of the file is big.
 */
function failOnFileErrors(path: string, rejects: readonly DuckReject[], map: LineMap): void {
  const lineOf = (r: DuckReject) => map.rejectLines[rejects.indexOf(r)] ?? r.duckLine;
  const open = rejects[map.unterminatedReject];
  if (open) {
    throw readError(
      'truncated_file',
      `${path} ends inside a quoted value that starts on line ${lineOf(open)}: the file is cut ` +
        'short, or that quote is never closed',
      { line: lineOf(open) },
    );
  }
  const encoding = rejects.find((r) => r.errorType === 'INVALID ENCODING');
  if (encoding) {
    throw readError(
      'mixed_or_unknown_encoding',
      `${path}: line ${lineOf(encoding)} is not valid UTF-8`,
    );
  }
  const long = rejects.find((r) => r.errorType === 'LINE SIZE OVER MAXIMUM');
  if (long) {
    throw readError(
      'line_too_long',
      `${path}: line ${lineOf(long)} is longer than the limit (${long.message}); if such long ` +
        'values are genuine, raise the maxLineBytes option',
      { line: lineOf(long) },
    );
  }
}
