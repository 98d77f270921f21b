// Removes one brand's rows from a warehouse, so a test can ask the whole (remaining) warehouse what
// a token scoped to the other brand should see: every row with the brand's id, the rows that hang
// off its milestones and loads, and partners no remaining row names. The marts are rebuilt.
import { queryRows } from '../../pipelines/warehouse/query.ts';
import { refreshMarts } from '../../pipelines/warehouse/refresh-marts.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';

/** Base tables of the main schema that have a column, named. */
const tablesWith = (column: string) =>
  `SELECT DISTINCT table_name AS t FROM information_schema.columns c
   JOIN information_schema.tables USING (table_schema, table_name)
   WHERE table_schema = 'main' AND table_type = 'BASE TABLE' AND column_name = '${column}'`;

export async function withoutBrand(warehouse: Warehouse, brand: string): Promise<void> {
  await warehouse.withConnection(async (conn) => {
    const list = async (column: string) =>
      (await queryRows<{ t: string }>(conn, tablesWith(column))).map((r) => r.t);
    const branded = new Set(await list('brand_id'));
    const ofMilestones = (await list('milestone_id')).filter((t) => !branded.has(t));
    const ofLoads = (await list('load_id')).filter((t) => t === 'quarantine');
    const run = (sql: string) => conn.run(sql, { brand });
    for (const t of ofMilestones)
      await run(
        `DELETE FROM "${t}" WHERE milestone_id IN (SELECT milestone_id FROM milestones WHERE brand_id = $brand)`,
      );
    for (const t of ofLoads)
      await run(
        `DELETE FROM "${t}" WHERE load_id IN (SELECT load_id FROM loads WHERE brand_id = $brand)`,
      );
    for (const t of branded) await run(`DELETE FROM "${t}" WHERE brand_id = $brand`);
    await conn.run(
      `DELETE FROM partners WHERE partner_id NOT IN (SELECT partner_id FROM contracts)
         AND partner_id NOT IN (SELECT partner_id FROM milestones)`,
    );
    await refreshMarts(conn);
  });
}
