import type { DuckDBConnection } from '@duckdb/node-api';
import { martsState } from '../../warehouse/refresh-marts.ts';
import type { ImportCounts } from './import-counts.ts';
import type { ImportOptions } from './import-file.ts';
import { martsAfterLoad } from './marts-after-load.ts';
import { recordLoad } from './record-load.ts';

export interface LoadContext {
  loadId: string;
  source: string;
  options: ImportOptions;
  started: Date;
  clock: () => Date;
  progress: (p: { phase: string; done: number; total: number }) => void;
  /** Releases the warehouse's load lock (load-lock.ts): called once the load is committed. */
  release: () => void;
}

/**
 * The load's transaction. `begin` opens it once the file is staged and typed (temp tables only,
 * which never reach the warehouse file; outside a transaction DuckDB scans them in parallel).
 * `finish` ends it while the temp tables still exist: a dry run rolls back; otherwise the load
 * and the core version are recorded and COMMITted, then the marts are refreshed in their own
 * transaction (their failure is a warning: the load stays). `abort` rolls back a transaction that
 * is open and not finished (else nothing); `committed()` tells whether the load is final.
 */
export function loadCommitter(path: string, conn: DuckDBConnection, ctx: LoadContext) {
  let open = false;
  let committed = false;
  const begin = async () => {
    await conn.run('BEGIN TRANSACTION');
    open = true;
  };
  const abort = async () => {
    if (!open) return;
    open = false;
    await conn.run('ROLLBACK');
  };
  const finish = async (counts: ImportCounts): Promise<string[]> => {
    if (ctx.options.dryRun) {
      await abort();
      committed = true;
      return [];
    }
    ctx.progress({ phase: 'commit', done: 3, total: 5 });
    const before = await martsState(conn);
    await recordLoad(conn, { ...ctx, finished: ctx.clock(), counts });
    open = false; // a failed COMMIT ends the transaction too (DuckDB rolls it back)
    await commitReleasing(conn, ctx.release);
    committed = true;
    return martsAfterCommit(path, conn, ctx, before.core);
  };
  return { begin, abort, finish, committed: () => committed };
}

/** COMMIT, then release the load lock whatever happened (the marts have a queue of their own). */
async function commitReleasing(conn: DuckDBConnection, release: () => void): Promise<void> {
  try {
    await conn.run('COMMIT');
  } finally {
    release();
  }
}

/** The marts refresh after the COMMIT, between the 'marts' and 'done' progress calls. */
async function martsAfterCommit(
  path: string,
  conn: DuckDBConnection,
  ctx: LoadContext,
  coreBefore: string | null,
): Promise<string[]> {
  ctx.progress({ phase: 'marts', done: 4, total: 5 });
  const warnings = await martsAfterLoad(path, conn, { from: coreBefore, to: ctx.loadId });
  ctx.progress({ phase: 'done', done: 5, total: 5 });
  return warnings;
}
