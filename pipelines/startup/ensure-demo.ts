import { loadDemo } from '../demo/load-demo.ts';
import type { OnDemoProgress } from '../demo/demo-progress.ts';
import { hasData } from '../warehouse/has-data.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

export interface EnsureDemoOptions {
  milestones: number;
  seed: number;
  onProgress?: OnDemoProgress;
  /** Called once, before generating, so the caller can say what is happening. */
  onStart?: () => void;
}

/**
 * First start: a warehouse with no successful load gets the demo data set, so a new user sees a
 * working dashboard. Judged by content, not by the file's existence, so an interrupted first
 * start (the load is one transaction) simply tries again. Returns true when it loaded.
 */
export async function ensureDemoWarehouse(
  warehouse: Warehouse,
  options: EnsureDemoOptions,
): Promise<boolean> {
  if (await warehouse.withConnection((c) => hasData(c))) return false;
  options.onStart?.();
  await loadDemo(
    warehouse,
    { milestones: options.milestones, seed: options.seed },
    options.onProgress,
  );
  return true;
}
