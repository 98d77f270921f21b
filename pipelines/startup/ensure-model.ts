import { trainAndStore, type TrainSummary } from '../models/train-and-store.ts';
import { queryRow } from '../warehouse/query.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/**
 * A warehouse with data but no model gets one trained, so forecasts work on first start. Judged
 * by content like the demo: an interrupted first start trains again next time.
 */
export async function ensureModel(
  warehouse: Warehouse,
  options: { onStart?: () => void; onStep?: (step: string) => void } = {},
): Promise<TrainSummary | undefined> {
  return warehouse.withConnection(async (conn) => {
    const has = await queryRow<{ n: number }>(conn, 'SELECT count(*)::INTEGER AS n FROM models');
    if ((has?.n ?? 0) > 0) return undefined;
    options.onStart?.();
    return trainAndStore(conn, options.onStep ? { onStep: options.onStep } : {});
  });
}
