import { quoteIdent, quoteLiteral, sqlInteger } from '../parse/sql-quote.ts';
import { SOURCE_LINE } from './column-names.ts';
import type { Dialect } from './sample-records.ts';
import { tableKind } from './staging-tables.ts';

export interface CsvReadPlan {
  /** The table to create: `source_line` (NULL until set) and one VARCHAR per column. */
  table: string;
  temp: boolean;
  names: readonly string[];
  rejectsTable: string;
  rejectsScan: string;
  dialect: Dialect;
  header: boolean;
  duckdbSkip: number;
  maxLineBytes: number;
}

/** Positional names inside the read; header text is only ever an alias. */
const rawColumn = (i: number) => `c${i + 1}`;

/**
 * The only statement that reads CSV data. Nothing is sniffed (`auto_detect=false`): the dialect,
 * header and column count come from our own look at the head, so every column is VARCHAR and a
 * damaged file cannot make the sniffer fail. `strict_mode` keeps rows exactly as the header says;
 * `store_rejects` moves malformed rows into a rejects table instead of failing the file. The file
 * path is the `$path` parameter.
 */
export function readCsvSql(p: CsvReadPlan): string {
  return `CREATE ${tableKind(p.temp)} ${quoteIdent(p.table)} AS ${readCsvSelectSql(p)}`;
}

/**
 * The SELECT of readCsvSql on its own (`source_line` NULL, then the columns under their names), for
 * a caller whose own statement reads it as a subquery (a fused read, stage-types.ts).
 */
export function readCsvSelectSql(p: Omit<CsvReadPlan, 'table' | 'temp'>): string {
  const columns = p.names.map((_, i) => `'${rawColumn(i)}': 'VARCHAR'`);
  const quote = quoteLiteral(p.dialect.quote);
  const options = [
    'auto_detect = false',
    'all_varchar = true',
    `header = ${p.header}`,
    `skip = ${sqlInteger(p.duckdbSkip)}`,
    `delim = ${quoteLiteral(p.dialect.delimiter)}`,
    `quote = ${quote}`,
    `escape = ${quote}`,
    `columns = {${columns.join(', ')}}`,
    'strict_mode = true',
    'null_padding = false',
    "encoding = 'utf-8'",
    `max_line_size = ${sqlInteger(p.maxLineBytes)}`,
    ...(p.maxLineBytes > 8_000_000 ? [`buffer_size = ${sqlInteger(4 * p.maxLineBytes)}`] : []),
    'store_rejects = true',
    `rejects_table = ${quoteLiteral(p.rejectsTable)}`,
    `rejects_scan = ${quoteLiteral(p.rejectsScan)}`,
  ];
  const select = [
    `NULL::BIGINT AS ${SOURCE_LINE}`,
    ...p.names.map((name, i) => `r.${rawColumn(i)} AS ${quoteIdent(name)}`),
  ];
  return `SELECT ${select.join(', ')} FROM read_csv($path, ${options.join(', ')}) AS r`;
}
