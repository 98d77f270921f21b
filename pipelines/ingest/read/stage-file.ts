import type { DuckDBConnection } from '@duckdb/node-api';
import { resolveFormat } from './detect-format.ts';
import { fileSize, readHead } from './file-head.ts';
import { IngestReadError, readError } from './read-error.ts';
import {
  checkSpecFits,
  parseWith,
  readSpecSchema,
  stageOptionsSchema,
  type FileFormat,
  type ReadSpecInput,
  type StageOptionsInput,
} from './read-spec.ts';
import { stageArrow } from './stage-arrow.ts';
import { stageCsv } from './stage-csv.ts';
import { stageJson } from './stage-json.ts';
import { stageParquet } from './stage-parquet.ts';
import type { FormatReader, FusedRead, StageResult } from './stage-types.ts';
import { stageXlsx } from './stage-xlsx.ts';
import { assertTableFree, CreatedTables, uniqueTableName } from './staging-tables.ts';

const READERS: Record<FileFormat, FormatReader> = {
  csv: stageCsv('csv'),
  tsv: stageCsv('tsv'),
  xlsx: stageXlsx,
  parquet: stageParquet,
  json: stageJson('json'),
  ndjson: stageJson('ndjson'),
  arrow: stageArrow,
};

/**
 * Stages one source file into a new table on the caller's connection (inside the caller's
 * transaction, if one is open): `source_line BIGINT` plus every source column as VARCHAR.
 * Conversion and validation happen later, in SQL. On failure it throws an IngestReadError and
 * drops every table it created. With `fused`, a CSV/TSV file goes straight into the caller's table
 * instead (stage-types.ts; the result says `fused: true`).
 */
export async function stageFile(
  conn: DuckDBConnection,
  file: string,
  specInput: ReadSpecInput,
  optionsInput: StageOptionsInput = {},
  fused?: FusedRead,
): Promise<StageResult> {
  const spec = parseWith(readSpecSchema, specInput, 'file spec');
  const options = parseWith(stageOptionsSchema, optionsInput, 'stage options');
  const size = await fileSize(file);
  const { format, warnings } = resolveFormat(file, spec.format, await readHead(file, 4096));
  checkSpecFits(specInput, format);
  const target = options.table ?? uniqueTableName('stage');
  if (options.table !== undefined) await assertTableFree(conn, target);
  const tables = new CreatedTables();
  tables.add(target);
  try {
    const ctx = { conn, path: file, size, spec, options, tables, target, fused };
    const read = await READERS[format](ctx);
    tables.release(target);
    return {
      ...read,
      table: target,
      temp: options.temp,
      warnings: [...warnings, ...read.warnings],
    };
  } catch (e) {
    throw await afterFailure(conn, tables, e);
  }
}

/** Drops what the read created and makes sure the caller gets an IngestReadError. */
async function afterFailure(
  conn: DuckDBConnection,
  tables: CreatedTables,
  e: unknown,
): Promise<IngestReadError> {
  const error =
    e instanceof IngestReadError
      ? e
      : readError('unreadable_file', `the file could not be read: ${(e as Error).message}`);
  const dropped = await tables.dropAll(conn);
  if (!dropped) error.transactionAborted = true;
  return error;
}
