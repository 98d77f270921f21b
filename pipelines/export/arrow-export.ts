import type { DuckDBConnection } from '@duckdb/node-api';
import * as A from 'apache-arrow';
import { pickUsedParams } from '../warehouse/query.ts';
import { arrowTypeOf } from './arrow-types.ts';
import { metaEntries, type ExportMeta } from './export-meta.ts';
import type { ExportSource } from './export-source.ts';

/**
 * The writer's sink, emptied after every batch. The writer's own queue is drained only by
 * iterating it; `toUint8Array(true)` returns everything written so far without removing it, so
 * yielding that after each batch sent every earlier batch again (and kept the whole file in memory).
 */
class DrainedSink extends A.AsyncByteQueue {
  #chunks: Uint8Array[] = [];

  override write(value: Parameters<A.AsyncByteQueue['write']>[0]): void {
    if (ArrayBuffer.isView(value) && value.byteLength > 0) {
      this.#chunks.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    }
  }

  /** The bytes written since the last call (copied: the writer may reuse its buffers). */
  take(): Uint8Array {
    const out = Buffer.concat(this.#chunks);
    this.#chunks = [];
    return out;
  }
}

/**
 * The export as an Arrow IPC stream (application/vnd.apache.arrow.stream): one record batch per
 * DuckDB chunk, the metadata as the schema's key-value metadata. Yields each batch's bytes once.
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
  const sink = new DrainedSink();
  const writer = new A.RecordBatchStreamWriter();
  writer.reset(sink, schema);
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
    yield sink.take();
  }
  writer.finish();
  yield sink.take();
}
