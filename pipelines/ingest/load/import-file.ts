import type { DuckDBConnection } from '@duckdb/node-api';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { Mapping } from '../mapping/mapping-schema.ts';
import { IngestReadError } from '../read/index.ts';
import type { ImportCounts } from './import-counts.ts';
import { ImportError } from './import-error.ts';
import { runLoad } from './run-load.ts';

export interface ImportOptions {
  mapping: Mapping;
  /** Brand the rows belong to (overrides the mapping's brand). */
  brand?: string | undefined;
  /** Do everything, report the counts, then roll back. */
  dryRun?: boolean | undefined;
  /** Name recorded as the source (default: the file path). */
  sourceName?: string | undefined;
  /** The second file of a mapping with `join` (default: the mapping's join.file). */
  joinFile?: string | undefined;
  /** Status date of the data; default: the load's date. */
  asOf?: string | undefined;
  clock?: () => Date;
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
}

export interface ImportResult {
  loadId: string;
  dryRun: boolean;
  counts: ImportCounts;
  warnings: string[];
}

/**
 * Imports one file through a mapping in ONE transaction: stage, type and check every row, quarantine
 * the bad ones with their reasons, merge the rest by natural key, refresh the marts. Any failure
 * rolls back everything, so the warehouse is exactly as before; the failure is recorded in `loads`.
 */
export async function importFile(
  warehouse: Warehouse,
  file: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const clock = options.clock ?? (() => new Date());
  const source = options.sourceName ?? file;
  return warehouse.withConnection(async (conn) => {
    const loadId = await nextLoadId(conn, clock());
    const started = clock();
    await conn.run('BEGIN TRANSACTION');
    try {
      const result = await runLoad(conn, {
        file,
        source,
        loadId,
        mapping: options.mapping,
        brand: options.brand,
        joinFile: options.joinFile,
        progress: options.onProgress ?? (() => {}),
      });
      if (options.dryRun) {
        await conn.run('ROLLBACK');
      } else {
        await recordLoad(conn, {
          loadId,
          source,
          options,
          started,
          finished: clock(),
          counts: result.counts,
        });
        await conn.run('COMMIT');
      }
      return { loadId, dryRun: Boolean(options.dryRun), ...result };
    } catch (err) {
      await conn.run('ROLLBACK');
      await recordFailure(conn, loadId, source, options, started, clock(), err as Error);
      throw asImportError(err);
    }
  });
}

async function nextLoadId(conn: DuckDBConnection, now: Date): Promise<string> {
  const r = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM loads`);
  const n = Number(r.getRows()[0]?.[0] ?? 0) + 1;
  return `load-${now.toISOString().slice(0, 10)}-${String(n).padStart(4, '0')}`;
}

const ts = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

async function recordLoad(
  conn: DuckDBConnection,
  r: {
    loadId: string;
    source: string;
    options: ImportOptions;
    started: Date;
    finished: Date;
    counts: ImportCounts;
  },
) {
  const c = r.counts;
  await conn.run(
    `INSERT INTO loads VALUES ($id, $source, $mapping, $brand, $started::TIMESTAMP, $finished::TIMESTAMP, 'succeeded',
       $read, $inserted, $updated, $unchanged, $quarantined, $asOf::DATE, $message)`,
    {
      id: r.loadId,
      source: r.source,
      mapping: r.options.mapping.name,
      brand: brandOf(r.options),
      started: ts(r.started),
      finished: ts(r.finished),
      read: c.read,
      inserted: c.inserted,
      updated: c.updated,
      unchanged: c.unchanged,
      quarantined: c.quarantined,
      asOf: r.options.asOf ?? r.finished.toISOString().slice(0, 10),
      message: JSON.stringify(c.byRule),
    },
  );
}

async function recordFailure(
  conn: DuckDBConnection,
  loadId: string,
  source: string,
  options: ImportOptions,
  started: Date,
  finished: Date,
  err: Error,
) {
  if (options.dryRun) return;
  await conn.run(
    `INSERT INTO loads (load_id, source, mapping, brand_id, started_at, finished_at, status, message)
     VALUES ($id, $source, $mapping, $brand, $started::TIMESTAMP, $finished::TIMESTAMP, 'failed', $message)`,
    {
      id: loadId,
      source,
      mapping: options.mapping.name,
      brand: brandOf(options),
      started: ts(started),
      finished: ts(finished),
      message: err.message.slice(0, 2000),
    },
  );
}

/** Read errors keep their own code (empty_file, truncated_file, ...); anything else is load_failed. */
function asImportError(err: unknown): ImportError {
  if (err instanceof ImportError) return err;
  if (err instanceof IngestReadError) return new ImportError(err.code, err.message);
  return new ImportError('load_failed', (err as Error).message);
}

/** The brand a load belongs to, for tenant scoping of its history and quarantine. */
function brandOf(options: ImportOptions): string | null {
  const b = options.mapping.brand;
  return options.brand ?? (b && 'constant' in b ? String(b.constant) : null);
}
