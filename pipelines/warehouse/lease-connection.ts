import type { DuckDBConnection } from '@duckdb/node-api';
import type { Warehouse } from './warehouse.ts';

export interface Lease {
  readonly conn: DuckDBConnection;
  /** Gives the connection back to the pool; call exactly once, in a finally. */
  release(): void;
}

/**
 * A pooled connection held beyond one callback, for answers streamed to a client after the
 * handler returned (exports). The pool's own lifecycle still applies: `release` ends the
 * withConnection call that lent it.
 */
export function leaseConnection(warehouse: Warehouse): Promise<Lease> {
  return new Promise((resolve, reject) => {
    warehouse
      .withConnection(
        (conn) =>
          new Promise<void>((release) => {
            let done = false;
            resolve({
              conn,
              release: () => {
                if (!done) release();
                done = true;
              },
            });
          }),
      )
      .catch(reject);
  });
}
