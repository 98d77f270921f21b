import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { ApiError } from '../../api/errors.ts';
import { timedWarehouse } from '../../api/middleware/query-timeout.ts';
import { queryRow } from '../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';

// Long enough to outlast any time-out here, and interruptible.
const endless = 'SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3';

describe('query time-outs', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await openWarehouse(':memory:', { poolSize: 1 });
  });
  afterAll(() => wh.close());

  it('interrupts a statement that runs too long, and the connection still works', async () => {
    const timed = timedWarehouse(wh, 150);
    const started = performance.now();
    const failure = timed.withConnection((c) => c.run(endless));
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 503, code: 'query_timeout' });
    expect(performance.now() - started).toBeLessThan(5_000);
    const ok = await timed.withConnection((c) => queryRow<{ x: number }>(c, 'SELECT 42 AS x'));
    expect(ok?.x).toBe(42);
  });

  it('leaves other errors alone', async () => {
    const timed = timedWarehouse(wh, 5_000);
    await expect(timed.withConnection((c) => c.run('SELECT * FROM nowhere'))).rejects.toThrow(
      /nowhere/,
    );
  });

  it('answers 503 in the error shape when a route query times out', async () => {
    let slow = false;
    // Every query of a slowed connection first runs the endless one.
    const slowly = (c: DuckDBConnection) =>
      new Proxy(c, {
        get(target, key) {
          if (key === 'runAndReadAll') {
            return async (...args: Parameters<DuckDBConnection['runAndReadAll']>) => {
              await target.run(endless);
              return target.runAndReadAll(...args);
            };
          }
          const value = Reflect.get(target, key) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    const slowed: Warehouse = {
      ...wh,
      withConnection: (fn) => wh.withConnection((c) => fn(slow ? slowly(c) : c)),
    };
    const app = createApp({
      warehouse: slowed,
      version: 'test',
      log: () => {},
      queryTimeoutMs: 200,
    });
    const token = await testToken(wh);
    // The first call verifies the token (and caches it); the slow query hits the route only.
    expect((await app.request('/api/me', { headers: bearer(token) })).status).toBe(200);
    slow = true;
    const res = await app.request('/api/imports', { headers: bearer(token) });
    slow = false;
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: {
        code: 'query_timeout',
        message:
          'The query ran longer than 0.2 s and was stopped; narrow the filters or try again later',
      },
    });
  });
});
