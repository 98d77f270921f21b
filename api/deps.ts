import type { Warehouse } from '../pipelines/warehouse/warehouse.ts';

/** What the app needs from outside; tests pass an in-memory warehouse. */
export interface AppDeps {
  warehouse: Warehouse;
  version: string;
  /** Folder of the built dashboard; when absent the app serves only the API. */
  webRoot?: string | undefined;
  log?: (msg: string, detail?: unknown) => void;
  /** Largest accepted upload for POST /api/imports (default 200 MB). */
  uploadLimitBytes?: number;
}
