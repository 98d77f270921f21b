import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportCounts } from './import-counts.ts';
import { reconciles } from './import-counts.ts';
import { ImportError } from './import-error.ts';
import type { MergeResult } from './merge.ts';

const classified = `
  (SELECT count(*) FILTER (WHERE outcome = 'inserted') FROM imp_class)::INTEGER AS inserted,
  (SELECT count(*) FILTER (WHERE outcome = 'updated') FROM imp_class)::INTEGER AS updated,
  (SELECT count(*) FILTER (WHERE outcome = 'unchanged') FROM imp_class)::INTEGER AS unchanged,`;

const sql = (special: boolean) => `
SELECT${special ? classified : ' 0 AS inserted, 0 AS updated, 0 AS unchanged,'}
  (SELECT count(*) FROM quarantine WHERE load_id = $load)::INTEGER AS quarantined,
  (SELECT coalesce(json_group_object(rule, n), '{}') FROM
     (SELECT rule, count(*)::INTEGER AS n FROM quarantine WHERE load_id = $load GROUP BY rule ORDER BY rule))::VARCHAR AS by_rule`;

/**
 * Counts of the load: the plain inserts plus what the careful path classified (merge.ts). A load
 * whose counts do not add up to the rows read is refused.
 */
export async function countOutcomes(
  conn: DuckDBConnection,
  loadId: string,
  read: number,
  merged: MergeResult,
): Promise<ImportCounts> {
  const reader = await conn.runAndReadAll(sql(merged.special), { load: loadId });
  const r = reader.getRowObjectsJson()[0] as Record<string, number | string>;
  const counts: ImportCounts = {
    read,
    inserted: merged.plainInserts + Number(r.inserted),
    updated: Number(r.updated),
    unchanged: Number(r.unchanged),
    quarantined: Number(r.quarantined),
    byRule: JSON.parse(String(r.by_rule)) as Record<string, number>,
  };
  if (!reconciles(counts)) {
    throw new ImportError(
      'counts_do_not_reconcile',
      `Rows read (${read}) differ from inserted + updated + unchanged + quarantined (${JSON.stringify(counts)}); nothing was loaded`,
    );
  }
  return counts;
}
