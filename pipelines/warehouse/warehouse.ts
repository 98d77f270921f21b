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
  /**
   * DuckDB's memory_limit, e.g. '1GB' (default: env MILEPOST_DUCKDB_MEMORY, else 1GB). Without
   * one DuckDB takes up to 80% of RAM for a big load; with one it spills to the temp directory.
   */
  memoryLimit?: string;
}

/** DuckDB's own default (80% of RAM) let one 5M-row import reach 20 GB of RSS on a shared machine. */
const DEFAULT_MEMORY_LIMIT = '1GB';

/** The memory limit to use: the option, the environment, or the default; refuses odd values. */
export function memoryLimitOf(option: string | undefined, env = process.env): string {
  const value = (option ?? env.MILEPOST_DUCKDB_MEMORY ?? DEFAULT_MEMORY_LIMIT).trim();
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value)) {
    throw new Error(
      `Invalid DuckDB memory limit '${value}' (MILEPOST_DUCKDB_MEMORY): give a size such as 1GB or 1500MB`,
    );
  }
  return value;
}

/** Settings for DuckDB.create: a file-backed warehouse spills into `<file>.tmp` beside it. */
function instanceSettings(path: string, options: OpenOptions): Record<string, string> {
  const settings: Record<string, string> = { memory_limit: memoryLimitOf(options.memoryLimit) };
  if (options.readOnly) settings.access_mode = 'READ_ONLY';
  if (path !== ':memory:' && !path.startsWith(':memory:')) settings.temp_directory = `${path}.tmp`;
  return settings;
}

/**
 * The one place that opens a DuckDB database. `path` is a file or ':memory:'. Migrations in
 * data/schema are applied on open, so every caller sees the current schema.
 */
export async function openWarehouse(path: string, options: OpenOptions = {}): Promise<Warehouse> {
  const instance = await DuckDBInstance.create(path, instanceSettings(path, options));
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
