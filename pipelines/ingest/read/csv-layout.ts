import { generatedNames, uniqueColumnNames } from './column-names.ts';
import { readError } from './read-error.ts';
import { sampleRecords, type Dialect, type SampleRecord } from './sample-records.ts';

export interface CsvLayout {
  header: boolean;
  columns: string[];
  warnings: string[];
  /** DuckDB's `skip`: rows before the header (or first data row), empty lines included. */
  duckdbSkip: number;
  /**
   * Records before the first data row as DuckDB counts them: skipped rows and the header, and in
   * a one-column file (where DuckDB reads empty lines as rows) the empty lines among them too.
   */
  recordsBeforeData: number;
  /** Physical line of the first data row when no row spans lines and no line is empty. */
  firstDataLine: number;
}

const LOOKS_LIKE_DATA = /^[-+]?[\d.,]+$|^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;

/** Where the header is, what it says, and where data starts, from the head of the file. */
export function csvLayout(
  path: string,
  head: string,
  dialect: Dialect,
  o: { header: boolean; skipRows: number; complete: boolean },
): CsvLayout {
  const sample = sampleRecords(head, dialect, o.complete, o.skipRows + 1000);
  const nonBlank = sample.records.filter((r) => !r.blank);
  const first = nonBlank[o.skipRows];
  if (first === undefined) throw noFirstRecord(path, o.skipRows, sample.cutShort);
  const duckdbSkip = sample.records.indexOf(first);
  const named = o.header
    ? uniqueColumnNames(first.fields)
    : { names: generatedNames(first.fields.length), warnings: [] };
  return {
    header: o.header,
    columns: named.names,
    warnings: [...named.warnings, ...headerWarnings(first, o.header)],
    duckdbSkip,
    recordsBeforeData: (named.names.length === 1 ? duckdbSkip : o.skipRows) + (o.header ? 1 : 0),
    firstDataLine: o.header ? first.line + first.lines : first.line,
  };
}

function headerWarnings(first: SampleRecord, header: boolean): string[] {
  if (!header) return [];
  const values = first.fields.map((f) => f.trim());
  return values.length > 0 && values.every((v) => LOOKS_LIKE_DATA.test(v))
    ? [
        `the header row (${values.slice(0, 5).join(', ')}) looks like data; if the file has no header row, set header: false`,
      ]
    : [];
}

function noFirstRecord(path: string, skipRows: number, cutShort: boolean) {
  if (cutShort) {
    return readError(
      'line_too_long',
      `the first row of ${path} is longer than 1 MiB (no line break, or a quote that never closes): ` +
        'this does not look like a CSV file',
    );
  }
  const what = skipRows > 0 ? `nothing after skipping ${skipRows} rows` : 'no header row';
  return readError('empty_file', `${path} has ${what}: it holds only empty lines`);
}
