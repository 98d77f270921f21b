import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { Context } from 'hono';
import { arrowExport } from '../pipelines/export/arrow-export.ts';
import { csvExport } from '../pipelines/export/csv-export.ts';
import {
  readExportMeta,
  type ExportMeta,
  type ExportVersions,
} from '../pipelines/export/export-meta.ts';
import type { ExportSource } from '../pipelines/export/export-source.ts';
import { writeParquet } from '../pipelines/export/parquet-export.ts';
import { writeXlsx, xlsxMaxRows } from '../pipelines/export/xlsx-export.ts';
import type { BrandScope } from '../pipelines/kpi/filter-sql.ts';
import { leaseConnection, type Lease } from '../pipelines/warehouse/lease-connection.ts';
import { queryRow } from '../pipelines/warehouse/query.ts';
import type { Warehouse } from '../pipelines/warehouse/warehouse.ts';
import { ApiError } from './errors.ts';

export const exportFormats = ['csv', 'xlsx', 'parquet', 'arrow'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const media: Record<ExportFormat, [string, string]> = {
  csv: ['text/csv; charset=utf-8', 'csv'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  parquet: ['application/vnd.apache.parquet', 'parquet'],
  arrow: ['application/vnd.apache.arrow.stream', 'arrows'],
};

export interface ExportRequest {
  readonly dataset: string;
  readonly format: ExportFormat;
  readonly query: unknown;
  readonly source: ExportSource;
  readonly scope: BrandScope;
  /** The versions the caller read for the ETag (read here when absent). */
  readonly versions?: ExportVersions | undefined;
}

/**
 * Streams an export. The rows are never all in memory: CSV and Arrow go out a DuckDB chunk at a
 * time, XLSX row by row through exceljs's streaming writer, Parquet as the file DuckDB wrote.
 * Exports use the warehouse without the request time-out: a large one may rightly take minutes.
 */
export async function exportResponse(c: Context, warehouse: Warehouse, req: ExportRequest) {
  const lease = await leaseConnection(warehouse);
  let body: Readable;
  let meta: ExportMeta;
  try {
    meta = await readExportMeta(lease.conn, req.dataset, req.query, req.scope, req.versions);
    body = await bodyOf(lease, req, meta);
  } catch (err) {
    lease.release();
    throw err;
  }
  const [type, ext] = media[req.format];
  return c.body(Readable.toWeb(body) as ReadableStream, 200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="milepost-${req.dataset}.${ext}"`,
    'X-Milepost-As-Of': meta.asOf ?? 'null',
    'X-Milepost-Model-Version': meta.modelVersion === null ? 'null' : String(meta.modelVersion),
    'X-Milepost-Data-Version': meta.dataVersion ?? 'null',
  });
}

async function bodyOf(lease: Lease, req: ExportRequest, meta: ExportMeta): Promise<Readable> {
  const { conn } = lease;
  if (req.format === 'csv') return released(lease, csvExport(conn, req.source, meta));
  if (req.format === 'arrow') return released(lease, arrowExport(conn, req.source, meta));
  if (req.format === 'xlsx') {
    await assertFitsXlsx(lease, req.source);
    const out = new PassThrough();
    writeXlsx(conn, req.source, meta, out)
      .catch((err: Error) => out.destroy(err))
      .finally(() => lease.release());
    return out;
  }
  const dir = await mkdtemp(join(tmpdir(), 'milepost-export-'));
  const path = join(dir, 'export.parquet');
  try {
    await writeParquet(conn, req.source, meta, path);
  } finally {
    lease.release();
  }
  const file = createReadStream(path);
  file.on('close', () => void rm(dir, { recursive: true, force: true }));
  return file;
}

/** A generator as a stream that gives the connection back however it ends. */
function released<T>(lease: Lease, gen: AsyncGenerator<T>): Readable {
  async function* run() {
    try {
      yield* gen;
    } finally {
      lease.release();
    }
  }
  const stream = Readable.from(run(), { objectMode: false });
  // A stream destroyed before its first read never enters the generator's finally.
  stream.on('close', () => lease.release());
  return stream;
}

async function assertFitsXlsx(lease: Lease, source: ExportSource): Promise<void> {
  const row = await queryRow<{ n: number }>(
    lease.conn,
    `SELECT count(*)::INTEGER AS n FROM (${source.sql})`,
    source.params,
  );
  if ((row?.n ?? 0) > xlsxMaxRows) {
    throw new ApiError(
      422,
      'too_many_rows',
      `${row?.n} rows do not fit in one XLSX sheet (${xlsxMaxRows}); export CSV, Parquet or Arrow, or narrow the filters`,
    );
  }
}
