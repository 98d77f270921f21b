import type { DuckDBConnection } from '@duckdb/node-api';
import { refreshMartsAfterLoad } from '../../warehouse/marts-queue.ts';

/**
 * The marts refresh right after a load's COMMIT, in its own transaction, from the milestones the
 * load wrote (`imp_written`) when the marts were current before it. The load is committed
 * whatever happens here: a failure is returned as a warning, and the marts, still recording the
 * older core version, are rebuilt at the next start or before the next answer that reads them.
 */
export async function martsAfterLoad(
  path: string,
  conn: DuckDBConnection,
  versions: { from: string | null; to: string },
): Promise<string[]> {
  try {
    await refreshMartsAfterLoad(path, conn, { changed: 'imp_written', ...versions });
    return [];
  } catch (err) {
    return [
      `The load is committed, but refreshing the marts failed (${(err as Error).message}); ` +
        'they are rebuilt at the next start or before the next answer that reads them.',
    ];
  }
}
