import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRow } from '../../warehouse/query.ts';
import { compileMapping, type CompiledMapping } from '../compile/compile-mapping.ts';
import type { Mapping } from '../mapping/mapping-schema.ts';
import { quoteIdent } from '../parse/index.ts';
import { stageFile, type FusedRead, type RejectedRow, type StageResult } from '../read/index.ts';
import { countOutcomes } from './count-outcomes.ts';
import type { ImportCounts } from './import-counts.ts';
import { ImportError } from './import-error.ts';
import { joinCompanion, joinPath, type Created } from './join-companion.ts';
import {
  addKeptRawSql,
  badRowsSql,
  fileDuplicateKeysSql,
  fusedRawSql,
  keptRawSql,
  rawLinesSql,
} from './keep-raw-sql.ts';
import { merge, mergeTempTables, mergeTempViews } from './merge.ts';
import { otherBrandKeysSql, warehouseHasDimsSql } from './other-brand-keys-sql.ts';
import { typedRowsSql, typedRowsViewSql } from './typed-rows.sql.ts';

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
 * ones on one thread), keep the staged rows quarantine may need and drop the staging tables (a
 * CSV/TSV is typed as it is read instead, with no staging table: fusedTyping); then,
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
  const fused = fusedTyping(mapping, input.brand);
  const staged = await stageFile(conn, input.file, mapping.source, {}, fused?.read);
  created.tables.push(staged.table);
  try {
    const compiled = fused?.compiled ?? compileMapping(mapping, input.brand);
    const params = { load: input.loadId, file: input.source };
    if (staged.fused) {
      // Read and typed in one statement (fusedTyping): only the view is left to make.
      progress({ phase: 'validate', done: 1, total: 5 });
      await conn.run(typedRowsViewSql(compiled));
      await markOtherBrandKeys(conn, input);
      await keepRawAfterFusedRead(conn, input.file, mapping, staged);
    } else {
      await typeStagedRows(conn, input, staged, compiled, created);
    }
    await input.begin();
    await quarantineRejects(conn, staged.rejects, params);
    progress({ phase: 'merge', done: 2, total: 5 });
    const merged = await merge(conn, compiled, params);
    const counts = await countOutcomes(conn, input.loadId, staged.rowsRead, merged);
    const after = await input.finish(counts);
    return { counts, warnings: [...staged.warnings, ...after] };
  } finally {
    // A transaction DuckDB has aborted refuses the DROPs: roll it back first (nothing once committed).
    await input.abort().catch(() => undefined);
    await dropCreated(conn, created).catch(() => undefined);
    await dropCreated(conn, temp).catch(() => undefined);
  }
}

/**
 * A staged file (and its joined companion): check the columns, type and check every row into
 * `imp_rows`, keep the staged rows quarantine may need, drop the staging tables.
 */
async function typeStagedRows(
  conn: DuckDBConnection,
  input: LoadInput,
  staged: StageResult,
  compiled: CompiledMapping,
  created: Created,
): Promise<void> {
  const { mapping } = input;
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
  input.progress({ phase: 'validate', done: 1, total: 5 });
  for (const sql of typedRowsSql(quoteIdent(joined?.relation ?? staged.table), compiled)) {
    await conn.run(sql);
  }
  await markOtherBrandKeys(conn, input);
  await keepRawForQuarantine(conn, joined?.rawRelation ?? quoteIdent(staged.table), created);
  staged.warnings.push(...(joined?.warnings ?? []));
}

/**
 * A mapping without a join, whose fields do not use the line number, types the rows as the file
 * is read, for CSV/TSV (stage-types.ts: no staging table as large as the file, written and read
 * back). When the mapping does not compile, nothing is fused and the error comes after the read,
 * as for every other file.
 */
function fusedTyping(
  mapping: Mapping,
  brand: string | undefined,
): { compiled: CompiledMapping; read: FusedRead } | undefined {
  if (mapping.join) return undefined;
  let compiled: CompiledMapping;
  try {
    compiled = compileMapping(mapping, brand);
  } catch {
    return undefined;
  }
  if (compiled.readsSourceLine) return undefined; // the line is set after the read
  const read: FusedRead = {
    table: 'imp_rows_stored',
    lineColumn: '__line',
    accepts: (columns) => missingColumns(columns, compiled).length === 0,
    statement: (relation) => typedRowsSql(relation, compiled, { keepBadRaw: true })[0]!,
  };
  return { compiled, read };
}

/**
 * After a fused read, before the transaction: the faulty lines and the keys the file has more
 * than once; the faulty rows' staged rows from the JSON the typing kept. The rows of repeated keys
 * or of keys another brand owns (few, usually none) need their staged rows too: only then is the
 * file read a second time, staged as usual, and dropped again.
 */
async function keepRawAfterFusedRead(
  conn: DuckDBConnection,
  file: string,
  mapping: Mapping,
  staged: StageResult,
): Promise<void> {
  const hasMilestones = await warehouseHasMilestones(conn);
  for (const sql of [badRowsSql, fileDuplicateKeysSql, fusedRawSql(staged.columns)]) {
    await conn.run(sql);
  }
  const more = await queryRow<{ n: number }>(
    conn,
    `SELECT count(*)::INTEGER AS n FROM (${rawLinesSql(hasMilestones, false, true)})`,
  );
  if ((more?.n ?? 0) === 0) return;
  const again = await stageFile(conn, file, mapping.source);
  try {
    await conn.run(addKeptRawSql(quoteIdent(again.table), hasMilestones));
  } finally {
    await conn.run(`DROP TABLE IF EXISTS ${quoteIdent(again.table)}`);
  }
}

/**
 * Rows naming a contract or project of another brand become faulty (other-brand-keys-sql.ts).
 * The file can only disagree with itself when its brand comes from a column.
 */
async function markOtherBrandKeys(conn: DuckDBConnection, input: LoadInput): Promise<void> {
  const brand = input.mapping.brand;
  const oneBrand = input.brand !== undefined || (brand !== undefined && 'constant' in brand);
  const dims = await queryRow<{ has: boolean }>(conn, warehouseHasDimsSql);
  const sql = otherBrandKeysSql({ warehouse: dims?.has === true, file: !oneBrand });
  if (sql) await conn.run(sql);
}

async function warehouseHasMilestones(conn: DuckDBConnection): Promise<boolean> {
  const row = await queryRow<{ n: number }>(
    conn,
    'SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM milestones LIMIT 1)',
  );
  return (row?.n ?? 0) > 0;
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
  const hasMilestones = await warehouseHasMilestones(conn);
  for (const sql of [badRowsSql, fileDuplicateKeysSql, keptRawSql(raw, hasMilestones)]) {
    await conn.run(sql);
  }
  await dropCreated(conn, created);
}

async function dropCreated(conn: DuckDBConnection, created: Created): Promise<void> {
  for (const v of created.views) await conn.run(`DROP VIEW IF EXISTS ${quoteIdent(v)}`);
  for (const t of created.tables) await conn.run(`DROP TABLE IF EXISTS ${quoteIdent(t)}`);
}

function missingColumns(columns: readonly string[], compiled: CompiledMapping): string[] {
  const have = new Set(columns);
  return compiled.sourceColumns.filter((c) => !have.has(c));
}

function assertColumns(columns: string[], compiled: CompiledMapping, mapping: string): void {
  const missing = missingColumns(columns, compiled);
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
