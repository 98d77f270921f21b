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
  /**
   * The caller's fused read ran instead of staging (CSV/TSV only): the rows are in its table, and
   * `table` was never created.
   */
  fused?: boolean;
}

/**
 * A caller that only reads the staged rows once, to make its own table from them, can have that
 * table made straight from the file instead of from a staging table (CSV/TSV of more than one
 * column; other files are staged as usual). Skipping the staging table saves writing and reading
 * back the whole file as text (5M rows: ~1.7 GB, which spills past a 1 GB memory_limit).
 */
export interface FusedRead {
  /**
   * Whether to fuse a file with these source columns; if not, it is staged as usual (e.g. it lacks
   * a column the caller needs, which the caller then reports itself).
   */
  accepts: (columns: readonly string[]) => boolean;
  /**
   * The statement that makes `table` from `relation`: a subquery with the staging table's columns
   * (`source_line` NULL, then one VARCHAR per source column). It must keep the rows in file order
   * (a CREATE TABLE AS SELECT without joins or sorting does) and have a BIGINT column
   * `lineColumn`, which the reader then sets as it would set `source_line`.
   */
  statement: (relation: string) => string;
  /** The table the statement creates (the caller drops it). */
  table: string;
  lineColumn: string;
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
  /** The caller's fused read, for the readers that can do one (CSV/TSV). */
  fused?: FusedRead | undefined;
}

export type FormatReader = (ctx: StageContext) => Promise<Omit<StageResult, 'table' | 'temp'>>;
