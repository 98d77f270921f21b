import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRow } from './query.ts';
import { sqlFile } from './sql-file.ts';

const martsDir = new URL('./marts/', import.meta.url);

/**
 * Marts rebuilt in full after milestone_facts, in order: the KPI cubes aggregate every milestone
 * (pipelines/cube), and data_version runs last so caches see the version and the marts together.
 */
const rebuiltAfterFacts = [
  'kpi_fact_rows.sql',
  'kpi_cells.sql',
  'kpi_hist.sql',
  'data_version.sql',
];

/** The facts query for the milestones in mart_scope, or (`all`) without its `-- scope` lines. */
function factsSql(all: boolean): string {
  const sql = sqlFile(martsDir, 'milestone_facts.sql');
  if (!all) return sql;
  return sql
    .split('\n')
    .filter((line) => !line.trimEnd().endsWith('-- scope'))
    .join('\n');
}

export interface MartScope {
  /**
   * A table or view (a trusted identifier, never user text) with a `milestone_id` column: the
   * milestones whose rows, events, payments or disputes changed since the marts were last right.
   */
  changed: string;
}

/**
 * Brings the marts up to date with the core tables, on the caller's transaction (a load calls
 * refreshMartsTransaction right after its own COMMIT), and records the core version they were
 * built from. Without a scope everything is rebuilt. With one, only the changed milestones' facts
 * are recomputed (a load touches nothing else), unless they are most of the table or the mart's
 * shape changed, when a rebuild is as cheap and certainly right; the marts built from the facts
 * are rebuilt either way.
 */
export async function refreshMarts(conn: DuckDBConnection, scope?: MartScope): Promise<void> {
  try {
    if (!scope || !(await refreshScope(conn, scope.changed))) {
      await conn.run(`CREATE OR REPLACE TABLE milestone_facts AS ${factsSql(true)}`);
    }
    for (const name of rebuiltAfterFacts) await conn.run(sqlFile(martsDir, name));
    await conn.run(
      `INSERT OR REPLACE INTO dataset_facts VALUES ('marts_refreshed_at', to_json(now()::VARCHAR))`,
    );
    // The core version these marts were built from (martsState compares it with the core's).
    await conn.run(
      `INSERT OR REPLACE INTO dataset_facts SELECT 'marts_core_version',
         coalesce((SELECT value FROM dataset_facts WHERE key = 'core_version'), 'null'::JSON)`,
    );
  } finally {
    // After an error that aborted the transaction these fail too; its ROLLBACK drops the tables.
    await conn.run('DROP TABLE IF EXISTS mart_scope').catch(() => undefined);
    await conn.run('DROP TABLE IF EXISTS mart_facts_new').catch(() => undefined);
  }
}

/** Replaces the facts of the changed milestones; false when a full rebuild is the better way. */
async function refreshScope(conn: DuckDBConnection, changed: string): Promise<boolean> {
  const sizes = await queryRow<{ scope: number; facts: number | null }>(
    conn,
    `SELECT (SELECT count(*) FROM ${changed})::INTEGER AS scope,
            (SELECT estimated_size FROM duckdb_tables()
             WHERE table_name = 'milestone_facts' AND database_name <> 'temp' LIMIT 1)::INTEGER AS facts`,
  );
  if (!sizes || sizes.facts === null || sizes.scope * 2 > sizes.facts) return false;
  if (sizes.scope === 0) return true;
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE mart_scope AS SELECT DISTINCT milestone_id FROM ${changed}`,
  );
  await conn.run(`CREATE OR REPLACE TEMP TABLE mart_facts_new AS ${factsSql(false)}`);
  if (!(await sameColumns(conn))) return false;
  await conn.run(
    'DELETE FROM milestone_facts WHERE milestone_id IN (SELECT milestone_id FROM mart_scope)',
  );
  await conn.run('INSERT INTO milestone_facts SELECT * FROM mart_facts_new');
  return true;
}

/** The stored mart has the columns the SQL makes now (else it predates a change to the SQL). */
async function sameColumns(conn: DuckDBConnection): Promise<boolean> {
  const row = await queryRow<{ same: boolean }>(
    conn,
    `SELECT list(column_name || ' ' || data_type ORDER BY column_index)
              FILTER (WHERE database_name <> 'temp' AND table_name = 'milestone_facts')
          = list(column_name || ' ' || data_type ORDER BY column_index)
              FILTER (WHERE database_name = 'temp' AND table_name = 'mart_facts_new') AS same
     FROM duckdb_columns() WHERE table_name IN ('milestone_facts', 'mart_facts_new')`,
  );
  return row?.same === true;
}

export interface MartsState {
  /** The core tables' version: the id of the last load committed through importFile. */
  core: string | null;
  /** The core version the marts were built from. */
  marts: string | null;
  /** The marts' own version (data_version): what answer caches key on. */
  dataVersion: string | null;
  /** The marts miss a committed load (a crash between a load's COMMIT and its marts'). */
  behind: boolean;
}

/** Where the marts stand against the core tables, in one read of dataset_facts. */
export async function martsState(conn: DuckDBConnection): Promise<MartsState> {
  const row = await queryRow<Omit<MartsState, 'behind'>>(
    conn,
    `SELECT max(json_extract_string(value, '$')) FILTER (WHERE key = 'core_version') AS core,
            max(json_extract_string(value, '$')) FILTER (WHERE key = 'marts_core_version') AS marts,
            max(json_extract_string(value, '$')) FILTER (WHERE key = 'data_version') AS "dataVersion"
     FROM dataset_facts WHERE key IN ('core_version', 'marts_core_version', 'data_version')`,
  );
  const core = row?.core ?? null;
  const marts = row?.marts ?? null;
  return { core, marts, dataVersion: row?.dataVersion ?? null, behind: core !== marts };
}

/** A load's changed milestones, valid as a scope only while the marts are at `from` and the core at `to`. */
export interface LoadScope extends MartScope {
  from: string | null;
  to: string;
}

/**
 * Refreshes the marts in a transaction of their own when they are behind the core tables; true
 * when it did. A load's scope is used only if nothing else moved the marts or the core since the
 * load (else everything is rebuilt). Callers serialise it (pipelines/warehouse/marts-queue.ts).
 */
export async function refreshMartsTransaction(
  conn: DuckDBConnection,
  load?: LoadScope,
): Promise<boolean> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const state = await martsState(conn);
    if (!state.behind) {
      await conn.run('ROLLBACK');
      return false;
    }
    const scoped = load && state.marts === load.from && state.core === load.to;
    await refreshMarts(conn, scoped ? { changed: load.changed } : undefined);
    await conn.run('COMMIT');
    return true;
  } catch (err) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
