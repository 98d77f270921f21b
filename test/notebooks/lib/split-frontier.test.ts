import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  frontierSeries,
  pointSeries,
  recommendOn,
  splitContract,
  splitRow,
} from '../../../notebooks/lib/split-frontier.ts';
import type { SplitPointAdvice, SplitResponse } from '../../../pipelines/schema/advice.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { demoWarehouse, rows } from '../../pipelines/demo/demo-warehouse.ts';

const point = (depositPct: number, exposureP90: number, gapP90: number): SplitPointAdvice => ({
  depositPct,
  retentionPct: 5,
  shares: [
    { milestoneId: 'M1', sharePct: 40 },
    { milestoneId: 'M2', sharePct: 60 - depositPct },
  ],
  exposureMean: exposureP90 / 2,
  exposureP90,
  gapMean: gapP90 / 2,
  gapP90,
});

describe('split frontier for reading', () => {
  it('draws a frontier and single splits as exposure (x) against gap (y)', () => {
    const answer = { frontier: [point(0, 0, 900), point(10, 400.4, 300)] } as SplitResponse;
    expect(frontierSeries(answer, 'default', true)).toEqual({
      name: 'default',
      points: [
        [0, 900],
        [400.4, 300],
      ],
      dashed: true,
    });
    expect(pointSeries(point(10, 5, 6), 'recommended').points).toEqual([[5, 6]]);
  });

  it('shows a split with its shares in plan order and money rounded', () => {
    expect(splitRow(point(10, 1234.6, -50), 'current')).toEqual({
      split: 'current',
      'deposit %': 10,
      'retention %': 5,
      'shares % (in plan order)': '40.0 · 50.0',
      'brand exposure P90': '1,235',
      'partner gap P90': '-50',
      'exposure mean': '617',
      'gap mean': '-25',
    });
  });
});

describe('the contract to advise on', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    ({ wh } = await demoWarehouse({ seed: 7, milestones: 6000, asOf: '2026-10-31' }));
  }, 60_000);
  afterAll(() => wh.close());

  it('is milestone-priced, in the size range, with the most open milestones', async () => {
    const picked = await wh.withConnection((c) => splitContract(c, { min: 4, max: 8 }));
    expect(picked).not.toBeNull();
    const all = await wh.withConnection((c) =>
      rows(
        c,
        `SELECT contract_id, count(*)::INTEGER AS n,
           count(*) FILTER (WHERE m.status NOT IN ('approved', 'cancelled', 'rejected'))::INTEGER AS open
         FROM contracts JOIN milestones m USING (contract_id)
         WHERE pricing_model = 'milestone' GROUP BY contract_id HAVING n BETWEEN 4 AND 8`,
      ),
    );
    const mine = all.find((r) => r.contract_id === picked?.contractId);
    expect(mine?.n).toBe(picked?.milestones);
    expect(Math.max(...all.map((r) => Number(r.open)))).toBe(picked?.open);
    const usd = await wh.withConnection((c) => splitContract(c, { currency: 'XXX' }));
    expect(usd).toBeNull();
  });
});

describe('another brand weight on the same frontier', () => {
  const answer = {
    frontier: [point(0, 0, 900), point(10, 300, 300), point(20, 900, 0)],
  } as SplitResponse;

  it('leans to the brand (low exposure) or to the partner (low gap) as weighted', () => {
    expect(recommendOn(answer, 1).depositPct).toBe(0);
    expect(recommendOn(answer, 0).depositPct).toBe(20);
    expect(recommendOn(answer, 0.5).depositPct).toBe(10);
  });
});
