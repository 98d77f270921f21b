import type { Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';

/**
 * What a kill between a load's COMMIT and its marts' COMMIT leaves: a committed load 'load-x'
 * (as of 2024-04-05, one more milestone 'E2' copied from 'E1') that the marts do not include.
 * `loadId` is the earlier load (its as-of date becomes 2024-04-01).
 */
export async function leaveMartsBehind(wh: Warehouse, loadId: string): Promise<void> {
  await wh.withConnection(async (c) => {
    await c.run(`UPDATE dataset_facts SET value = to_json('load-x') WHERE key = 'core_version'`);
    await c.run(`UPDATE loads SET as_of_date = DATE '2024-04-01' WHERE load_id = $id`, {
      id: loadId,
    });
    await c.run(`INSERT INTO loads (load_id, source, mapping, brand_id, started_at, finished_at,
        status, as_of_date) VALUES ('load-x', 'x.csv', 'test-erp', 'acme', now(), now() + INTERVAL 1 SECOND,
        'succeeded', DATE '2024-04-05')`);
    await c.run(`INSERT INTO milestones (milestone_id, project_id, contract_id, brand_id, partner_id,
        name, type, planned_start, baseline_due, current_due, amount, share, status, load_id)
        SELECT 'E2', project_id, contract_id, brand_id, partner_id, 'E2', type, planned_start,
          baseline_due, current_due, amount, share, status, 'load-x' FROM milestones WHERE milestone_id = 'E1'`);
  });
}
