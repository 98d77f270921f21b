import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { ApiError } from '../errors.ts';

/**
 * The warehouse as request handlers see it: a statement still running after `ms` is interrupted
 * (DuckDB cancels it and the connection stays usable) and the request answers 503. Loads use the
 * plain warehouse: a large import may rightly take minutes.
 */
export function timedWarehouse(warehouse: Warehouse, ms: number): Warehouse {
  return {
    ...warehouse,
    withConnection(fn) {
      return warehouse.withConnection(async (conn) => {
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          conn.interrupt();
        }, ms);
        try {
          return await fn(conn);
        } catch (err) {
          if (timedOut) throw timeoutError(ms);
          throw err;
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

function timeoutError(ms: number): ApiError {
  const s = Math.round(ms / 100) / 10;
  return new ApiError(
    503,
    'query_timeout',
    `The query ran longer than ${s} s and was stopped; narrow the filters or try again later`,
  );
}
