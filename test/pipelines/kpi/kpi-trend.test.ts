import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiTrend } from '../../../pipelines/kpi/kpi-trend.ts';
import { partnerRanking } from '../../../pipelines/kpi/partner-ranking.ts';
import { PartnerRankingQuery } from '../../../pipelines/schema/kpis.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { fixtureWarehouse } from '../../support/fixture-warehouse.ts';

describe('kpiTrend and partnerRanking on hand-computed fixtures', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await fixtureWarehouse('kpi-small');
  });
  afterAll(() => wh.close());

  it('groups brand B1 by baseline-due month', async () => {
    const t = await wh.withConnection((c) => kpiTrend(c, { brand: ['B1'] }));
    expect(t.months.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-03']);
    const [jan, feb, mar] = t.months;
    // January: M1 (0), M2 (+5, disputed), M3 (-2).
    expect(jan).toMatchObject({
      completed: 3,
      onTime: 2,
      submitted: 3,
      disputed: 1,
      medianSlipDays: 0,
    });
    expect(jan?.onTimeRate).toBeCloseTo(2 / 3);
    // February: M4 (+10, disputed) completed; M5 submitted only.
    expect(feb).toMatchObject({
      completed: 1,
      onTime: 0,
      submitted: 2,
      disputed: 1,
      disputeRate: 0.5,
    });
    // March: M6 planned only: no rates.
    expect(mar).toMatchObject({ completed: 0, onTimeRate: null, disputeRate: null });
  });

  it('ranks partners by on-time rate with their counts', async () => {
    const q = PartnerRankingQuery.parse({ brand: 'B1', minCompleted: '1' });
    const r = await wh.withConnection((c) => partnerRanking(c, q, q));
    expect(r.total).toBe(2);
    expect(r.partners.map((p) => p.partnerId)).toEqual(['P1', 'P2']);
    expect(r.partners[0]).toMatchObject({ completed: 3, onTime: 2, submitted: 3, disputed: 1 });
    expect(r.partners[0]?.onTimeRate).toBeCloseTo(2 / 3);
    const asc = PartnerRankingQuery.parse({ brand: 'B1', minCompleted: '1', order: 'asc' });
    const r2 = await wh.withConnection((c) => partnerRanking(c, asc, asc));
    expect(r2.partners.map((p) => p.partnerId)).toEqual(['P2', 'P1']);
  });

  it('leaves out partners with too few completed milestones', async () => {
    const q = PartnerRankingQuery.parse({ brand: 'B1', minCompleted: '2' });
    const r = await wh.withConnection((c) => partnerRanking(c, q, q));
    expect(r.partners.map((p) => p.partnerId)).toEqual(['P1']);
  });
});
