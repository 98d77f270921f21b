import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import {
  RecordBatchReader,
  Type,
  type DataType,
  type Dictionary,
  type RecordBatch,
} from 'apache-arrow';
import { RowAppender, createVarcharTable } from './append-rows.ts';
import { arrowCellText } from './arrow-cell-text.ts';
import { uniqueColumnNames } from './column-names.ts';
import { readRange } from './file-head.ts';
import { readError } from './read-error.ts';
import type { FormatReader } from './stage-types.ts';

/**
 * Arrow IPC, file (`ARROW1` magic, random access) or stream format, batch by batch into the
 * appender. `source_line` is the 1-based row number across batches.
 */
export const stageArrow: FormatReader = async (ctx) => {
  const { conn, path, size, target, options } = ctx;
  const isFile = await assertArrowComplete(path, size);
  const handle = isFile ? await open(path, 'r') : undefined;
  try {
    const reader = await guard(path, () => openReader(path, handle));
    const fields = reader.schema.fields;
    const named = uniqueColumnNames(fields.map((f) => f.name));
    await createVarcharTable(conn, target, named.names, options.temp);
    const appender = await RowAppender.open(conn, target, named.names.length, options.temp);
    try {
      const types = fields.map((f) => valueType(f.type));
      for await (const batch of batches(path, reader)) appendBatch(appender, batch, types);
    } finally {
      appender.close();
    }
    const rows = appender.rows;
    return {
      format: 'arrow',
      rowsRead: rows,
      rowsStaged: rows,
      columns: named.names,
      rejects: [],
      warnings: named.warnings,
    };
  } finally {
    await handle?.close();
  }
};

async function openReader(path: string, handle: FileHandle | undefined) {
  const reader = handle
    ? await RecordBatchReader.from(handle)
    : await RecordBatchReader.from(createReadStream(path));
  return reader.open();
}

/** Arrow's own errors (a damaged message or body) become `truncated_file`. */
async function guard<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw truncatedArrow(path, (e as Error).message);
  }
}

async function* batches(
  path: string,
  reader: AsyncIterable<RecordBatch>,
): AsyncGenerator<RecordBatch> {
  const it = reader[Symbol.asyncIterator]();
  for (;;) {
    const next = await guard(path, () => it.next());
    if (next.done) return;
    yield next.value;
  }
}

function valueType(type: DataType): DataType {
  return type.typeId === Type.Dictionary ? (type as Dictionary).dictionary : type;
}

function appendBatch(appender: RowAppender, batch: RecordBatch, types: readonly DataType[]): void {
  const columns = types.map((_, i) => batch.getChildAt(i));
  const values: (string | null)[] = new Array<string | null>(types.length);
  for (let row = 0; row < batch.numRows; row++) {
    for (let c = 0; c < types.length; c++) {
      values[c] = arrowCellText(columns[c]?.get(row), types[c] as DataType);
    }
    appender.append(appender.rows + 1, values);
  }
}

/**
 * The file format ends with `ARROW1`; a stream ends with the end-of-stream marker (0xFFFFFFFF,
 * then a zero length). Without them the file was cut short, and a reader would silently stop at
 * the last whole batch. (Streams from before Arrow 0.15, which end in 4 zero bytes, are refused.)
 * Returns whether it is the file format.
 */
async function assertArrowComplete(path: string, size: number): Promise<boolean> {
  const head = await readRange(path, 0, 6);
  const tail = await readRange(path, Math.max(0, size - 8), 8);
  const isFile = head.toString('latin1') === 'ARROW1';
  const ok = isFile
    ? tail.subarray(2).toString('latin1') === 'ARROW1'
    : tail.length === 8 && tail.readUInt32LE(0) === 0xffffffff && tail.readUInt32LE(4) === 0;
  if (!ok) throw truncatedArrow(path, 'the end-of-file marker is missing');
  return isFile;
}

function truncatedArrow(path: string, detail: string) {
  return readError(
    'truncated_file',
    `${path} is not a complete Arrow IPC file (${detail}): it was probably cut short while copying`,
  );
}
