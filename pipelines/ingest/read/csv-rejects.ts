import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../parse/sql-quote.ts';
import { queryRow, queryRows } from '../../warehouse/query.ts';
import { readError } from './read-error.ts';

/** A malformed row, kept out of the staging table and handed to the caller's quarantine. */
export interface RejectedRow {
  /** 1-based physical line where the row starts. */
  line: number;
  message: string;
  /** The row as DuckDB saw it (at most 2,000 characters). */
  rawLine: string;
}

/** One entry per rejected row as DuckDB stored it (it stores one per missing column). */
export interface DuckReject {
  position: number;
  duckLine: number;
  errorType: string;
  message: string;
  rawLine: string;
}

const RAW_LINE_MAX = 2000;

/** Reads DuckDB's rejects table (one row per record, in file order). */
export async function readDuckRejects(
  conn: DuckDBConnection,
  table: string,
  maxRejects: number,
): Promise<DuckReject[]> {
  const t = quoteIdent(table);
  const count = await queryRow<{ n: number }>(
    conn,
    `SELECT COUNT(DISTINCT line_byte_position)::INTEGER AS n FROM ${t}`,
  );
  if ((count?.n ?? 0) > maxRejects) throw tooMany(count?.n ?? 0, maxRejects);
  return queryRows<DuckReject>(
    conn,
    `SELECT DISTINCT ON (line_byte_position)
        line_byte_position::DOUBLE AS position, line::DOUBLE AS "duckLine",
        error_type::VARCHAR AS "errorType", error_message AS message,
        left(ltrim(csv_line, chr(13) || chr(10)), ${RAW_LINE_MAX}) AS "rawLine"
      FROM ${t} ORDER BY line_byte_position, column_idx`,
  );
}

function tooMany(count: number, max: number) {
  return readError(
    'too_many_rejects',
    `${count} rows are malformed (more than the ${max} allowed): the delimiter, quote or header ` +
      'setting is probably wrong for this file',
    { rejected: count, maxRejects: max },
  );
}

/** A person's wording for DuckDB's reject reasons. */
export function rejectMessage(r: DuckReject): string {
  const counts = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(r.message);
  if (r.errorType === 'MISSING COLUMNS' && counts) {
    return `row has ${counts[2]} fields; the header has ${counts[1]}`;
  }
  if (r.errorType === 'TOO MANY COLUMNS' && counts) {
    return `row has more fields than the header's ${counts[1]}`;
  }
  if (r.errorType === 'UNQUOTED VALUE') {
    return 'a quoted value is followed by other characters, or its quote is never closed';
  }
  return r.message;
}
