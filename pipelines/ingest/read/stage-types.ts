import type { DuckDBConnection } from '@duckdb/node-api';
import type { RejectedRow } from './csv-rejects.ts';
import type { TextEncoding } from './detect-encoding.ts';
import type { FileFormat, ReadSpec, StageOptions } from './read-spec.ts';
import type { CreatedTables } from './staging-tables.ts';

export type { RejectedRow };

export interface StageResult {
  /** The staging table: `source_line BIGINT` then one VARCHAR column per source column. */
  table: string;
  /** True when `table` is a TEMP table (the default). */
  temp: boolean;
  format: FileFormat;
  /** Staged rows + rejected rows: the caller's reconciliation starts from this. */
  rowsRead: number;
  rowsStaged: number;
  /** Source column names in file order (header text, trimmed, made unique). */
  columns: string[];
  /** Malformed rows, left out of `table`. */
  rejects: RejectedRow[];
  warnings: string[];
  /** CSV/TSV only. */
  encoding?: TextEncoding;
  delimiter?: string;
  /** XLSX only: the sheet read. */
  sheet?: string;
}

/** What every format reader gets. */
export interface StageContext {
  conn: DuckDBConnection;
  path: string;
  size: number;
  spec: ReadSpec;
  options: StageOptions;
  tables: CreatedTables;
  /** Name of the staging table to create (registered in `tables` by the caller). */
  target: string;
}

export type FormatReader = (ctx: StageContext) => Promise<Omit<StageResult, 'table' | 'temp'>>;
