import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cubeRows, planCube, type CubeQuery } from '../../../pipelines/cube/cube-query.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { demoWarehouse } from '../demo/demo-warehouse.ts';

// The marts answer with sums of cells and quantiles of merged histograms; this compares every
// grain with a direct computation over milestone_facts (quantile_cont over the milestones).
const direct = (key1: string, key2: string, where: string) => `
SELECT ${key1} AS k1, ${key2} AS k2, count(*)::INTEGER AS milestones,
  count(*) FILTER (WHERE completed)::INTEGER AS completed,
  count(*) FILTER (WHERE completed AND slip_days <= 3)::INTEGER AS on_time,
  count(*) FILTER (WHERE submitted AND disputed)::INTEGER AS disputed,
  count(*) FILTER (WHERE submitted)::INTEGER AS submitted,
  round(quantile_cont(slip_days, 0.5) FILTER (WHERE completed), 2)::DOUBLE AS slip_p50,
  round(quantile_cont(slip_days, 0.8) FILTER (WHERE completed), 2)::DOUBLE AS slip_p80,
  round(quantile_cont(slip_days, 0.9) FILTER (WHERE completed), 2)::DOUBLE AS slip_p90,
  round(quantile_cont(payment_lag_days, 0.5), 2)::DOUBLE AS pay_p50,
  round(quantile_cont(verification_lag_days, 0.5), 2)::DOUBLE AS ver_p50
FROM milestone_facts f JOIN contract_size_bands b USING (contract_id)
WHERE ${where}
GROUP BY ALL ORDER BY k1 NULLS LAST, k2 NULLS LAST`;

const cases: [string, CubeQuery, string, string, string, string][] = [
  ['everything', { filters: {}, scope: null, by: [] }, 'month', 'NULL', 'NULL', 'true'],
  [
    'kind x quarter',
    {
      filters: { from: '2023-01', to: '2024-06' },
      scope: null,
      by: ['partnerKind', 'cohortQuarter'],
    },
    'all',
    'partner_kind',
    `strftime(cohort_month, '%Y') || '-Q' || quarter(cohort_month)`,
    `baseline_due BETWEEN '2023-01-01' AND '2024-06-30'`,
  ],
  [
    'size band x model, one type',
    {
      filters: { milestoneType: ['creative', 'livestream'] },
      scope: null,
      by: ['sizeBand', 'pricingModel'],
    },
    'all',
    'size_band',
    'pricing_model',
    `milestone_type IN ('creative', 'livestream')`,
  ],
  [
    'brand scope by month',
    { filters: {}, scope: ['B0002', 'B0005'], by: ['cohortMonth'] },
    'brand_month',
    `strftime(cohort_month, '%Y-%m')`,
    'NULL',
    `brand_id IN ('B0002', 'B0005')`,
  ],
  [
    'partners',
    { filters: { partnerKind: ['agency'] }, scope: null, by: ['partner'] },
    'partner_month',
    'partner_id',
    'NULL',
    `partner_kind = 'agency'`,
  ],
  [
    'brand x type (every dimension, sorted by brand)',
    { filters: {}, scope: null, by: ['brand', 'milestoneType'] },
    'brand_detail',
    'brand_id',
    'milestone_type',
    'true',
  ],
  [
    'a scoped caller filtering by type and partner kind',
    {
      filters: { milestoneType: ['creative'], partnerKind: ['agency'] },
      scope: ['B0001', 'B0003'],
      by: ['cohortMonth'],
    },
    'brand_detail',
    "strftime(cohort_month, '%Y-%m')",
    'NULL',
    `brand_id IN ('B0001', 'B0003') AND milestone_type = 'creative' AND partner_kind = 'agency'`,
  ],
  [
    'a period inside months (per-milestone views)',
    { filters: { from: '2024-01-15', to: '2024-03-10' }, scope: null, by: ['milestoneType'] },
    'facts',
    'milestone_type',
    'NULL',
    `baseline_due BETWEEN '2024-01-15' AND '2024-03-10'`,
  ],
];

describe('KPI cells against the milestones themselves', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    ({ wh } = await demoWarehouse({ seed: 3, milestones: 4000 }));
  }, 60_000);
  afterAll(() => wh.close());

  it.each(cases)('%s', async (_name, query, grain, k1, k2, where) => {
    const q = { ...query, filters: { ...query.filters, tolerance: 3 } };
    expect(planCube(q).grain ?? 'facts').toBe(grain);
    await wh.withConnection(async (conn: DuckDBConnection) => {
      const want = (await conn.runAndReadAll(direct(k1, k2, where))).getRowObjectsJson();
      const got = await cubeRows(conn, q);
      expect(want.length).toBeGreaterThan(0);
      expect(got.map((r) => pick(r, want[0] ?? {}))).toEqual(want);
    });
  });

  it('answers a scope that matches no brand with nothing', async () => {
    const rows = await wh.withConnection((c) =>
      cubeRows(c, { filters: {}, scope: [], by: ['cohortMonth'] }),
    );
    expect(rows).toEqual([]);
  });
});

function pick(row: object, like: object): Record<string, unknown> {
  const r = row as Record<string, unknown>;
  return Object.fromEntries(Object.keys(like).map((k) => [k, r[k]]));
}
