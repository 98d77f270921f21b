import type { Authenticator } from './auth/authenticator.ts';
import { createAuthenticator } from './auth/authenticator.ts';
import { DataVersionMemo } from '../pipelines/cache/data-version-memo.ts';
import { currentDataVersion } from '../pipelines/warehouse/marts-queue.ts';
import type { AppDeps } from './deps.ts';
import { timedWarehouse } from './middleware/query-timeout.ts';
import { defaultRateLimit, type RateLimit } from './middleware/token-bucket.ts';

export interface AppSetup {
  /** What routes get: the warehouse with the query time-out. */
  deps: AppDeps;
  authenticator: Authenticator;
  now: () => Date;
  rateLimit: RateLimit | null;
  sessionTtlSeconds: number;
}

/** Defaults for the security and behaviour settings of AppDeps, in one place. */
export function appSetup(given: AppDeps): AppSetup {
  const now = given.now ?? (() => new Date());
  return {
    deps: {
      ...given,
      warehouse: timedWarehouse(given.warehouse, given.queryTimeoutMs ?? 30_000),
      dataVersion:
        given.dataVersion ??
        // Marts behind the core tables (a crash after a load's COMMIT) are rebuilt first.
        new DataVersionMemo(() => currentDataVersion(given.warehouse), 1000),
    },
    authenticator: createAuthenticator(given.warehouse, { now }),
    now,
    rateLimit: given.rateLimit === undefined ? defaultRateLimit : given.rateLimit,
    sessionTtlSeconds: given.sessionTtlSeconds ?? 7 * 24 * 3600,
  };
}
