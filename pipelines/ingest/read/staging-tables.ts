import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../parse/sql-quote.ts';
import { queryRow } from '../../warehouse/query.ts';
import { readError } from './read-error.ts';

/** A fresh identifier such as `stage_3f9c1a0b7d2e`; unique per call, never user text. */
export function uniqueTableName(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/**
 * Every table a read creates is registered here first, so a failed read can drop them all and
 * leave the database as it found it. Inside an aborted transaction the DROPs fail; the caller's
 * ROLLBACK then removes the tables instead.
 */
export class CreatedTables {
  private readonly names: string[] = [];

  add(name: string): string {
    this.names.push(name);
    return name;
  }

  /** Forgets a table that has been dropped or handed to the caller. */
  release(name: string): void {
    const i = this.names.indexOf(name);
    if (i >= 0) this.names.splice(i, 1);
  }

  async drop(conn: DuckDBConnection, name: string): Promise<void> {
    await conn.run(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
    this.release(name);
  }

  /** Drops what is left (but `keep`); reports whether every DROP succeeded. */
  async dropAll(conn: DuckDBConnection, keep: readonly string[] = []): Promise<boolean> {
    let ok = true;
    for (const name of [...this.names].reverse().filter((n) => !keep.includes(n))) {
      try {
        await this.drop(conn, name);
      } catch {
        ok = false;
      }
    }
    return ok;
  }
}

/** Refuses a caller-chosen name that already exists (CREATE would fail mid-read otherwise). */
export async function assertTableFree(conn: DuckDBConnection, name: string): Promise<void> {
  const row = await queryRow<{ n: number }>(
    conn,
    'SELECT COUNT(*)::INTEGER AS n FROM duckdb_tables() WHERE lower(table_name) = lower($name)',
    { name },
  );
  if ((row?.n ?? 0) > 0) {
    throw readError('invalid_spec', `a table named "${name}" already exists; choose another name`);
  }
}

export const tableKind = (temp: boolean) => (temp ? 'TEMP TABLE' : 'TABLE');
