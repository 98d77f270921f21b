import type { DuckDBConnection } from '@duckdb/node-api';
import { martsState, refreshMartsTransaction, type LoadScope } from './refresh-marts.ts';
import type { Warehouse } from './warehouse.ts';

// Mart refreshes of one warehouse run one after the other (two at once would conflict in
// DuckDB), whoever asks: a load right after its COMMIT, a start, or an answer that found the marts
// behind. Keyed by the warehouse's path: wrappers of one warehouse (the API's timed one) share it.
const queues = new Map<string, Promise<unknown>>();

function serialised<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const run = (queues.get(path) ?? Promise.resolve()).then(fn);
  const tail = run.catch(() => undefined);
  queues.set(path, tail);
  void tail.then(() => {
    if (queues.get(path) === tail) queues.delete(path);
  });
  return run;
}

/**
 * At a start (server or CLI), or whenever marts may be behind: rebuilds them when they miss a
 * committed load (killed between a load's COMMIT and its marts' COMMIT). True when it rebuilt.
 */
export function ensureMartsCurrent(warehouse: Warehouse): Promise<boolean> {
  return serialised(warehouse.path, () =>
    warehouse.withConnection((conn) => refreshMartsTransaction(conn)),
  );
}

/** A load's own refresh, right after its COMMIT, on its connection (its temp scope lives there). */
export function refreshMartsAfterLoad(
  path: string,
  conn: DuckDBConnection,
  load: LoadScope,
): Promise<boolean> {
  return serialised(path, () => refreshMartsTransaction(conn, load));
}

/**
 * The data version for answer caches, with the marts brought up to date first: an answer is
 * never computed on marts behind the core tables, nor cached under a version they do not have.
 */
export async function currentDataVersion(warehouse: Warehouse): Promise<string | null> {
  const state = await warehouse.withConnection(martsState);
  if (!state.behind) return state.dataVersion;
  await ensureMartsCurrent(warehouse);
  return (await warehouse.withConnection(martsState)).dataVersion;
}
