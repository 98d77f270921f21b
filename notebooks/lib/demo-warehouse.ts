// A demo warehouse in memory for a notebook: the same seed and size always give the same data.
import { loadDemo, type DemoTruth } from '../../pipelines/demo/index.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';

export interface DemoWarehouse {
  warehouse: Warehouse;
  truth: DemoTruth;
  asOf: string;
}

export async function openDemo(
  options: { seed?: number; milestones?: number; asOf?: string } = {},
): Promise<DemoWarehouse> {
  const asOf = options.asOf ?? '2026-10-31';
  const warehouse = await openWarehouse(':memory:');
  try {
    const { truth } = await loadDemo(warehouse, {
      seed: options.seed ?? 42,
      milestones: options.milestones ?? 25_000,
      asOf,
    });
    return { warehouse, truth, asOf };
  } catch (err) {
    await warehouse.close();
    throw err;
  }
}
