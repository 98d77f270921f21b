import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cubeRows,
  cubeRowsWithTotal,
  emptyCubeRow,
  planCube,
  type CubeQuery,
} from '../../../pipelines/cube/cube-query.ts';
import { queryRow } from '../../../pipelines/warehouse/query.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { demoWarehouse } from '../demo/demo-warehouse.ts';

// The groups and their total from one query (GROUPING SETS) must equal the two queries they
// replace: the grouped one, and the same filters with no dimension.
describe('cube groups with their total in one query', () => {
  let wh: Warehouse;
  let partner = '';
  beforeAll(async () => {
    ({ wh } = await demoWarehouse({ seed: 3, milestones: 4000 }));
    const row = await wh.withConnection((c) =>
      queryRow<{ p: string }>(
        c,
        `SELECT partner_id AS p FROM milestone_facts WHERE brand_id = 'B0001'
         GROUP BY ALL ORDER BY count(*) DESC, p LIMIT 1`,
      ),
    );
    partner = row?.p ?? '';
  }, 60_000);
  afterAll(() => wh.close());

  const scope = ['B0001', 'B0003'];
  const cases: [string, () => CubeQuery][] = [
    [
      'a scorecard: one partner by month, brand-scoped',
      () => ({ filters: { partner: [partner], tolerance: 3 }, scope, by: ['cohortMonth'] }),
    ],
    [
      'a scorecard with a period and a type',
      () => ({
        filters: { partner: [partner], from: '2020-01', to: '2030-12', tolerance: 7 },
        scope,
        by: ['cohortMonth'],
      }),
    ],
    ['partner kinds, unscoped', () => ({ filters: {}, scope: null, by: ['partnerKind'] })],
    [
      'two dimensions, scoped',
      () => ({ filters: { tolerance: 7 }, scope, by: ['milestoneType', 'cohortQuarter'] }),
    ],
    [
      'a period inside months (per-milestone views)',
      () => ({ filters: { from: '2024-01-15', to: '2024-03-10' }, scope, by: ['cohortMonth'] }),
    ],
  ];

  it.each(cases)('%s', async (_name, make) => {
    const q = make();
    await wh.withConnection(async (conn) => {
      const got = await cubeRowsWithTotal(conn, q);
      const groups = await cubeRows(conn, q);
      const [total] = await cubeRows(conn, { ...q, by: [] });
      expect(groups.length).toBeGreaterThan(1);
      expect(got.rows).toEqual(groups);
      expect(got.total).toEqual(total);
      expect(got.total.milestones).toBe(groups.reduce((s, r) => s + r.milestones, 0));
    });
  });

  it('answers a by-month query with one query on the grain the total uses', () => {
    for (const [, make] of cases.slice(0, 2)) {
      const q = make();
      expect(planCube({ ...q, withTotal: true }).grain).toBe(planCube({ ...q, by: [] }).grain);
    }
    const kinds = planCube({ filters: {}, scope: null, by: ['partnerKind'], withTotal: true });
    expect(kinds.grain).not.toBe(planCube({ filters: {}, scope: null, by: [] }).grain);
  });

  it('answers a scope that matches no brand with no groups and an empty total', async () => {
    const got = await wh.withConnection((c) =>
      cubeRowsWithTotal(c, { filters: {}, scope: [], by: ['cohortMonth'] }),
    );
    expect(got.rows).toEqual([]);
    expect(got.total).toEqual(emptyCubeRow());
  });
});
