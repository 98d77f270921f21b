import type { DuckDBValue } from '@duckdb/node-api';

/** A query whose rows an export writes: constant SQL text and its named parameters. */
export interface ExportSource {
  readonly sql: string;
  readonly params: Record<string, DuckDBValue>;
}
