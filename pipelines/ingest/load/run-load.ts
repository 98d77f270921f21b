import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRow } from '../../warehouse/query.ts';
import { compileMapping, type CompiledMapping } from '../compile/compile-mapping.ts';
import type { Mapping } from '../mapping/mapping-schema.ts';
import { quoteIdent } from '../parse/index.ts';
import { stageFile, type RejectedRow } from '../read/index.ts';
import { countOutcomes } from './count-outcomes.ts';
import type { ImportCounts } from './import-counts.ts';
import { ImportError } from './import-error.ts';
import { joinCompanion, joinPath, type Created } from './join-companion.ts';
import { badRowsSql, fileDuplicateKeysSql, keptRawSql } from './keep-raw-sql.ts';
import { merge, mergeTempTables, mergeTempViews } from './merge.ts';
import { typedRowsSql } from './typed-rows.sql.ts';

export interface LoadInput {
  file: string;
  /** Name recorded as the source of quarantined and loaded rows. */
  source: string;
  loadId: string;
  mapping: Mapping;
  brand?: string | undefined;
  /** The second file of a mapping with `join` (default: the mapping's join.file). */
  joinFile?: string | undefined;
  progress: (p: { phase: string; done: number; total: number }) => void;
  /** Opens the load's transaction: called once the rows are staged and typed (temp tables). */
  begin: () => Promise<void>;
  /** Rolls back the load's transaction if it is open (else nothing). */
  abort: () => Promise<void>;
  /**
   * Called with the counts while the load's temp tables still exist (`imp_written`: the
   * milestones it wrote), to commit the load and refresh the marts from them.
   */
  finish: (counts: ImportCounts) => Promise<string[]>;
}

/**
 * Everything a load does: stage (and join), type and check every row, all into temp tables before
 * its transaction opens (DuckDB scans committed temp tables in parallel, a transaction's own
 * ones on one thread), keep the staged rows quarantine may need and drop the staging tables; then,
 * in the transaction, quarantine, merge, count; then `finish` (commit, marts). Temp tables are
 * dropped whatever happens, after a failed load's ROLLBACK.
 */
export async function runLoad(
  conn: DuckDBConnection,
  input: LoadInput,
): Promise<{ counts: ImportCounts; warnings: string[] }> {
  const { mapping, progress } = input;
  const created: Created = { tables: [], views: [] };
  const temp: Created = { tables: mergeTempTables, views: mergeTempViews };
  progress({ phase: 'read', done: 0, total: 5 });
  const staged = await stageFile(conn, input.file, mapping.source);
  created.tables.push(staged.table);
  try {
    const compiled = compileMapping(mapping, input.brand);
    const joined = mapping.join
      ? await joinCompanion(
          conn,
          staged,
          mapping.join,
          joinPath(input.file, mapping.join, input.joinFile),
          created,
        )
      : undefined;
    assertColumns(joined?.columns ?? staged.columns, compiled, mapping.name);
    const params = { load: input.loadId, file: input.source };
    progress({ phase: 'validate', done: 1, total: 5 });
    for (const sql of typedRowsSql(quoteIdent(joined?.relation ?? staged.table), compiled)) {
      await conn.run(sql);
    }
    await keepRawForQuarantine(conn, joined?.rawRelation ?? quoteIdent(staged.table), created);
    await input.begin();
    await quarantineRejects(conn, staged.rejects, params);
    progress({ phase: 'merge', done: 2, total: 5 });
    const merged = await merge(conn, compiled, params);
    const counts = await countOutcomes(conn, input.loadId, staged.rowsRead, merged);
    const after = await input.finish(counts);
    return { counts, warnings: [...staged.warnings, ...(joined?.warnings ?? []), ...after] };
  } finally {
    // A transaction DuckDB has aborted refuses the DROPs: roll it back first (nothing once committed).
    await input.abort().catch(() => undefined);
    await dropCreated(conn, created).catch(() => undefined);
    await dropCreated(conn, temp).catch(() => undefined);
  }
}

/**
 * Before the transaction: the faulty lines, the keys the file has more than once, and the staged
 * rows quarantine may need (keep-raw-sql.ts); then the staging tables go, so their memory (the
 * whole file as text) is free before the merge and the writes.
 */
async function keepRawForQuarantine(
  conn: DuckDBConnection,
  raw: string,
  created: Created,
): Promise<void> {
  const hasMilestones = await queryRow<{ n: number }>(
    conn,
    'SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM milestones LIMIT 1)',
  );
  for (const sql of [
    badRowsSql,
    fileDuplicateKeysSql,
    keptRawSql(raw, (hasMilestones?.n ?? 0) > 0),
  ]) {
    await conn.run(sql);
  }
  await dropCreated(conn, created);
}

async function dropCreated(conn: DuckDBConnection, created: Created): Promise<void> {
  for (const v of created.views) await conn.run(`DROP VIEW IF EXISTS ${quoteIdent(v)}`);
  for (const t of created.tables) await conn.run(`DROP TABLE IF EXISTS ${quoteIdent(t)}`);
}

function assertColumns(columns: string[], compiled: CompiledMapping, mapping: string): void {
  const have = new Set(columns);
  const missing = compiled.sourceColumns.filter((c) => !have.has(c));
  if (missing.length > 0) {
    throw new ImportError(
      'missing_column',
      `The file has no column ${missing.map((c) => `'${c}'`).join(', ')}, which mapping '${mapping}' needs. ` +
        `Columns in the file: ${columns.slice(0, 30).join(', ')}${columns.length > 30 ? ', ...' : ''}`,
    );
  }
}

async function quarantineRejects(
  conn: DuckDBConnection,
  rejects: RejectedRow[],
  params: { load: string; file: string },
): Promise<void> {
  for (const r of rejects) {
    await conn.run(
      `INSERT INTO quarantine VALUES ($load, $file, $line, 'malformed_row', NULL, left($raw, 1000), $msg, NULL)`,
      { ...params, line: r.line, raw: r.rawLine, msg: r.message },
    );
  }
}
