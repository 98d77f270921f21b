import type { DuckDBConnection } from '@duckdb/node-api';
import * as A from 'apache-arrow';
import { pickUsedParams } from '../warehouse/query.ts';
import { arrowTypeOf } from './arrow-types.ts';
import { metaEntries, type ExportMeta } from './export-meta.ts';
import type { ExportSource } from './export-source.ts';

/**
 * The export as an Arrow IPC stream (application/vnd.apache.arrow.stream): one record batch per
 * DuckDB chunk, the metadata as the schema's key-value metadata. Yields the bytes as written.
 */
export async function* arrowExport(
  conn: DuckDBConnection,
  source: ExportSource,
  meta: ExportMeta,
): AsyncGenerator<Uint8Array> {
  const result = await conn.stream(source.sql, pickUsedParams(source.sql, source.params));
  const columns = result.columnTypes().map(arrowTypeOf);
  const fields = result
    .columnNames()
    .map((name, i) => new A.Field(name, (columns[i] as { type: A.DataType }).type, true));
  const schema = new A.Schema(fields, new Map(metaEntries(meta)));
  const writer = new A.RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  for await (const rows of result.yieldRowsJs()) {
    const children = columns.map(
      ({ type, convert }, i) =>
        A.vectorFromArray(
          rows.map((r) => convert(r[i] ?? null)),
          type,
        ).data[0] as A.Data,
    );
    const data = A.makeData({
      type: new A.Struct(fields),
      length: rows.length,
      nullCount: 0,
      children,
    });
    writer.write(new A.RecordBatch(schema, data));
    yield writer.toUint8Array(true);
  }
  writer.finish();
  yield writer.toUint8Array(true);
}
