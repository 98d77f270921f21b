import { readFileSync } from 'node:fs';
import { z } from 'zod';
import * as R from '../../pipelines/schema/records.ts';
import { insertRecords } from '../../pipelines/warehouse/insert-records.ts';
import { refreshMarts } from '../../pipelines/warehouse/refresh-marts.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';

const FixtureFile = z.object({
  brands: z.array(R.Brand).default([]),
  partners: z.array(R.Partner).default([]),
  contracts: z.array(R.Contract).default([]),
  projects: z.array(R.Project).default([]),
  milestones: z.array(R.Milestone).default([]),
  events: z.array(R.MilestoneEvent).default([]),
  payments: z.array(R.Payment).default([]),
  disputes: z.array(R.Dispute).default([]),
});

/** An in-memory warehouse holding test/fixtures/<name>/records.json, marts refreshed. */
export async function fixtureWarehouse(name: string, asOf = '2024-03-10'): Promise<Warehouse> {
  const url = new URL(`../fixtures/${name}/records.json`, import.meta.url);
  const records = FixtureFile.parse(JSON.parse(readFileSync(url, 'utf8')));
  const warehouse = await openWarehouse(':memory:');
  await warehouse.withConnection(async (conn) => {
    await insertRecords(conn, records, 'fixture');
    await conn.run(
      `INSERT INTO loads (load_id, source, started_at, finished_at, status, as_of_date)
       VALUES ('fixture', $name, now(), now(), 'succeeded', $asOf::DATE)`,
      { name, asOf },
    );
    await refreshMarts(conn);
  });
  return warehouse;
}
