import type { DuckDBConnection } from '@duckdb/node-api';
import { pickUsedParams } from '../warehouse/query.ts';
import { metaEntries, type ExportMeta } from './export-meta.ts';
import type { ExportSource } from './export-source.ts';

/**
 * Writes the export to the Parquet file at `path` (a server-chosen temporary file). DuckDB writes
 * it row group by row group, so memory stays flat, with the metadata as Parquet key-value
 * metadata: the keys are the constant names of metaEntries, the values travel as parameters.
 */
export async function writeParquet(
  conn: DuckDBConnection,
  source: ExportSource,
  meta: ExportMeta,
  path: string,
): Promise<void> {
  const entries = metaEntries(meta);
  const kv = entries.map(([k], i) => `'${k}': $meta_${i}`).join(', ');
  const sql = `COPY (${source.sql}) TO $path (FORMAT parquet, COMPRESSION zstd, KV_METADATA {${kv}})`;
  await conn.run(sql, {
    ...pickUsedParams(source.sql, source.params),
    ...Object.fromEntries(entries.map(([, v], i) => [`meta_${i}`, v])),
    path,
  });
}
