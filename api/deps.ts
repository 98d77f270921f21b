import type { DataVersionMemo } from '../pipelines/cache/data-version-memo.ts';
import type { ForecastCache } from '../pipelines/models/predict/forecast-context.ts';
import type { Warehouse } from '../pipelines/warehouse/warehouse.ts';
import type { AccessLog } from './middleware/access-log.ts';
import type { RateLimit } from './middleware/token-bucket.ts';

/** What the app needs from outside; tests pass an in-memory warehouse. */
export interface AppDeps {
  warehouse: Warehouse;
  version: string;
  /** Folder of the built dashboard; when absent the app serves only the API. */
  webRoot?: string | undefined;
  log?: (msg: string, detail?: unknown) => void;
  /** Largest accepted upload for POST /api/imports (default 200 MB). */
  uploadLimitBytes?: number;
  /** One structured line per request (default: none; the server writes JSON lines to stdout). */
  accessLog?: AccessLog;
  /** Per-token limit (default 50/s, burst 200); null turns it off. */
  rateLimit?: RateLimit | null;
  /** A query still running after this is interrupted and answers 503 (default 30 s). */
  queryTimeoutMs?: number;
  /** Lifetime of a dashboard session from sign-in (default 7 days). */
  sessionTtlSeconds?: number;
  /** Forecasts of the open milestones per model, data version and brand scope (default: a new cache). */
  forecastCache?: ForecastCache;
  /**
   * The data version cached answers are keyed by (default: read at most once a second, forgotten
   * after each load through the API; see pipelines/cache/data-version-memo.ts).
   */
  dataVersion?: DataVersionMemo;
  /** The clock, for tests of expiry and rate limits. */
  now?: () => Date;
}
