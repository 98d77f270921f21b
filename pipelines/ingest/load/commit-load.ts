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
}

/**
 * The end of a load, while its temp tables still exist: a dry run rolls back; otherwise the load
 * and the core version are recorded and COMMITted, then the marts are refreshed in their own
 * transaction (their failure is a warning: the load stays). `committed()` tells the caller whether
 * a later error may still roll the load back.
 */
export function loadCommitter(path: string, conn: DuckDBConnection, ctx: LoadContext) {
  let committed = false;
  const finish = async (counts: ImportCounts): Promise<string[]> => {
    if (ctx.options.dryRun) {
      await conn.run('ROLLBACK');
      committed = true;
      return [];
    }
    ctx.progress({ phase: 'commit', done: 3, total: 5 });
    const before = await martsState(conn);
    await recordLoad(conn, { ...ctx, finished: ctx.clock(), counts });
    await conn.run('COMMIT');
    committed = true;
    ctx.progress({ phase: 'marts', done: 4, total: 5 });
    const warnings = await martsAfterLoad(path, conn, { from: before.core, to: ctx.loadId });
    ctx.progress({ phase: 'done', done: 5, total: 5 });
    return warnings;
  };
  return { finish, committed: () => committed };
}
