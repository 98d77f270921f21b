import type { DuckDBConnection } from '@duckdb/node-api';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { Mapping } from '../mapping/mapping-schema.ts';
import { IngestReadError } from '../read/index.ts';
import type { ImportCounts } from './import-counts.ts';
import { ImportError } from './import-error.ts';
import { loadCommitter } from './commit-load.ts';
import { acquireLoadLock } from './load-lock.ts';
import { recordFailure } from './record-load.ts';
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
 * Imports one file through a mapping in ONE transaction: stage, type and check every row (into
 * temp tables, before the transaction opens: they never reach the warehouse file), then quarantine
 * the bad ones with their reasons, merge the rest by natural key, record the load and the new core
 * version, COMMIT. Any failure before the COMMIT rolls back everything, so the warehouse is exactly
 * as before; the failure is recorded in `loads`. Then the marts are refreshed in a transaction of
 * their own (marts-after-load.ts): if that fails or the process dies, the load stays and the marts,
 * which record the core version they were built from, are rebuilt at the next start or answer.
 */
export async function importFile(
  warehouse: Warehouse,
  file: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const clock = options.clock ?? (() => new Date());
  const source = options.sourceName ?? file;
  const progress = options.onProgress ?? (() => {});
  // One load of a warehouse at a time, from its id to its COMMIT (or its failure's record).
  const release = await acquireLoadLock(warehouse.path);
  try {
    return await warehouse.withConnection((conn) =>
      loadOnConnection(conn, warehouse.path, file, {
        ...options,
        clock,
        source,
        progress,
        release,
      }),
    );
  } finally {
    release();
  }
}

type LoadOptions = ImportOptions & {
  clock: () => Date;
  source: string;
  progress: (p: { phase: string; done: number; total: number }) => void;
  release: () => void;
};

/** The load on its connection, its lock held: runs it, or rolls it back and records the failure. */
async function loadOnConnection(
  conn: DuckDBConnection,
  path: string,
  file: string,
  options: LoadOptions,
): Promise<ImportResult> {
  const { clock, source, progress, release } = options;
  const loadId = await nextLoadId(conn, clock());
  const started = clock();
  const ctx = { loadId, source, options, started, clock, progress, release };
  const commit = loadCommitter(path, conn, ctx);
  try {
    const result = await runLoad(conn, {
      file,
      source,
      loadId,
      mapping: options.mapping,
      brand: options.brand,
      joinFile: options.joinFile,
      progress,
      begin: commit.begin,
      abort: commit.abort,
      finish: commit.finish,
    });
    return { loadId, dryRun: Boolean(options.dryRun), ...result };
  } catch (err) {
    if (commit.committed()) throw err;
    await commit.abort();
    await recordFailure(conn, loadId, source, options, started, clock(), err as Error);
    throw asImportError(err);
  }
}

async function nextLoadId(conn: DuckDBConnection, now: Date): Promise<string> {
  const r = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM loads`);
  const n = Number(r.getRows()[0]?.[0] ?? 0) + 1;
  return `load-${now.toISOString().slice(0, 10)}-${String(n).padStart(4, '0')}`;
}

/** Read errors keep their own code (empty_file, truncated_file, ...); anything else is load_failed. */
function asImportError(err: unknown): ImportError {
  if (err instanceof ImportError) return err;
  if (err instanceof IngestReadError) return new ImportError(err.code, err.message);
  return new ImportError('load_failed', (err as Error).message);
}
