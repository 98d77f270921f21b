import type { DuckDBConnection } from '@duckdb/node-api';
import { pickUsedParams, queryRow } from '../../warehouse/query.ts';
import type { CompiledMapping } from '../compile/compile-mapping.ts';
import { quarantineConflictsSql, quarantineFaultsSql } from './quarantine-sql.ts';
import { specialKeysSql, specialSteps } from './special-keys-sql.ts';
import { plainInsertsSql, writeSteps, writtenViewSql } from './write-sql.ts';

export interface MergeResult {
  /** Accepted rows of new, single keys: inserted without the careful path. */
  plainInserts: number;
  /** Whether the careful path ran (it fills imp_class). */
  special: boolean;
}

async function count(conn: DuckDBConnection, sql: string): Promise<number> {
  return (await queryRow<{ n: number }>(conn, sql))?.n ?? 0;
}

/**
 * From `imp_rows` to the core tables, on the load's transaction. Faulty rows (`imp_bad`) go to
 * quarantine. Keys that are new and appear once are written as they are; only keys with several
 * rows (`imp_dup`) or already in the warehouse take the careful path (versions, duplicates, brand,
 * changed or not). `imp_bad`, `imp_dup` and `imp_raw` (the staged rows quarantine may need) were
 * made before the transaction opened (keep-raw-sql.ts), and the staging table dropped.
 */
export async function merge(
  conn: DuckDBConnection,
  compiled: CompiledMapping,
  params: Record<string, string>,
): Promise<MergeResult> {
  const run = (sql: string) => conn.run(sql, pickUsedParams(sql, params));
  const raw = 'imp_raw';
  if ((await count(conn, 'SELECT count(*)::INTEGER AS n FROM imp_bad')) > 0) {
    await run(quarantineFaultsSql(raw));
  }
  const hasMilestones =
    (await count(conn, 'SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM milestones LIMIT 1)')) >
    0;
  await run(specialKeysSql(hasMilestones));
  const special = (await count(conn, 'SELECT count(*)::INTEGER AS n FROM imp_keys')) > 0;
  if (special) {
    const s = specialSteps;
    for (const sql of [s.hashed, s.conflicts, quarantineConflictsSql(raw), s.classify]) {
      await run(sql);
    }
    await run(s.finalRows);
    await run(s.history);
  }
  await run(writtenViewSql(compiled.canonicalNames, special));
  for (const sql of writeSteps(compiled.mappedFields, special)) await run(sql);
  return { plainInserts: await count(conn, plainInsertsSql(special)), special };
}

/** Temp tables and views a load makes; dropped when it ends, whatever happened. */
export const mergeTempTables = [
  'imp_rows_stored',
  'imp_bad',
  'imp_dup',
  'imp_raw',
  'imp_keys',
  'imp_hashed',
  'imp_conflict',
  'imp_class',
  'imp_final',
  'imp_existing',
];
export const mergeTempViews = ['imp_written', 'imp_rows'];
