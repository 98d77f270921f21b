import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ensureCalendarDays } from './load-calendar.ts';
import { applyMigrations } from './migrate.ts';

export interface Warehouse {
  readonly path: string;
  /** Runs `fn` on a pooled connection; the connection goes back to the pool afterwards. */
  withConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Connections kept for concurrent requests; one connection runs one statement at a time. */
  poolSize?: number;
  /** Skip migrations (only for tools that inspect a warehouse read-only). */
  readOnly?: boolean;
}

/**
 * The one place that opens a DuckDB database. `path` is a file or ':memory:'. Migrations in
 * data/schema are applied on open, so every caller sees the current schema.
 */
export async function openWarehouse(path: string, options: OpenOptions = {}): Promise<Warehouse> {
  const instance = await DuckDBInstance.create(path, {
    ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}),
  });
  const poolSize = Math.max(1, options.poolSize ?? 3);
  const idle: DuckDBConnection[] = [];
  const waiting: ((c: DuckDBConnection) => void)[] = [];
  let created = 0;
  let closed = false;

  async function acquire(): Promise<DuckDBConnection> {
    if (closed) throw new Error('warehouse is closed');
    const free = idle.pop();
    if (free) return free;
    if (created < poolSize) {
      created += 1;
      return instance.connect();
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  function release(conn: DuckDBConnection): void {
    const next = waiting.shift();
    if (next) next(conn);
    else idle.push(conn);
  }

  const warehouse: Warehouse = {
    path,
    async withConnection(fn) {
      const conn = await acquire();
      try {
        return await fn(conn);
      } finally {
        release(conn);
      }
    },
    async close() {
      closed = true;
      for (const c of idle.splice(0)) c.closeSync();
      instance.closeSync();
    },
  };

  if (!options.readOnly) {
    await warehouse.withConnection(async (c) => {
      await applyMigrations(c);
      await ensureCalendarDays(c);
    });
  }
  return warehouse;
}
