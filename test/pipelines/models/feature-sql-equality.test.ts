// The fast feature SQL (as-of look-ups on distinct (key, day) pairs) must give the same values as
// the straightforward reference (ASOF joins over every milestone row): the speed rewrite may not
// change a feature. Doubles agree within 1e-9 (sums are added in another order); the rest exactly.
import type { DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../pipelines/demo/index.ts';
import { sqlFile } from '../../../pipelines/warehouse/sql-file.ts';
import { queryRows } from '../../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../../pipelines/warehouse/warehouse.ts';

const reference = readFileSync(
  new URL('../../fixtures/feature-sql/reference-milestone-features.sql', import.meta.url),
  'utf8',
);
const current = sqlFile(
  new URL('../../../pipelines/models/features/', import.meta.url),
  'milestone-features.sql',
);

// Temp tables live on one connection: everything below runs on the same one.
function columnsOf(c: DuckDBConnection, table: string) {
  return queryRows<{ name: string; type: string }>(
    c,
    `SELECT column_name AS name, data_type AS type FROM duckdb_columns()
     WHERE table_name = '${table}' ORDER BY column_index`,
  );
}

/** Per column, the rows where reference and current differ (full join on milestone_id). */
async function differences(wh: Warehouse, params: Record<string, unknown>) {
  return wh.withConnection(async (c) => {
    await c.run(reference, params as never);
    await c.run('CREATE OR REPLACE TEMP TABLE ref AS SELECT * FROM model_features');
    await c.run(current, params as never);
    const cols = await columnsOf(c, 'ref');
    const newCols = await columnsOf(c, 'model_features');
    const checks = cols
      .filter((col) => col.name !== 'milestone_id')
      .map(({ name, type }) => {
        const same =
          type === 'DOUBLE'
            ? `(a."${name}" IS NULL AND b."${name}" IS NULL)
               OR abs(a."${name}" - b."${name}") <= 1e-9 * greatest(1, abs(a."${name}"))`
            : `a."${name}" IS NOT DISTINCT FROM b."${name}"`;
        return `count(*) FILTER (WHERE NOT coalesce(${same}, false))::INTEGER AS "${name}"`;
      });
    const [row] = await queryRows<Record<string, number>>(
      c,
      `SELECT count(*)::INTEGER AS joined,
              count(a.milestone_id)::INTEGER AS in_ref, count(b.milestone_id)::INTEGER AS in_new,
              ${checks.join(',\n')}
       FROM ref a FULL JOIN model_features b USING (milestone_id)`,
    );
    return { cols, newCols, row: row! };
  });
}

describe('feature SQL rewrite', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    await loadDemo(wh, { seed: 5, milestones: 4000, asOf: '2026-10-31' });
  }, 120_000);
  afterAll(() => wh.close());

  for (const [label, params] of [
    ['every brand', { asOf: '2026-10-31', scope: null, k: 10 }],
    ['an earlier asOf and another prior strength', { asOf: '2026-03-01', scope: null, k: 3 }],
  ] as const) {
    it(`gives the reference's feature values (${label})`, async () => {
      const { cols, newCols, row } = await differences(wh, params);
      expect(cols.length).toBeGreaterThan(30);
      expect(newCols).toEqual(cols);
      const { joined, in_ref: inRef, in_new: inNew, ...perColumn } = row;
      expect(joined).toBeGreaterThan(3000);
      expect([inRef, inNew]).toEqual([joined, joined]);
      expect(Object.entries(perColumn).filter(([, bad]) => bad !== 0)).toEqual([]);
    }, 60_000);
  }
});
