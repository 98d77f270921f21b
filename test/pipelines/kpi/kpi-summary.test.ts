import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiSummary } from '../../../pipelines/kpi/kpi-summary.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { fixtureWarehouse } from '../../support/fixture-warehouse.ts';

// Hand-computed from test/fixtures/kpi-small (brand B1 unless stated):
// completed M1..M4 with slips 0, 5, -2, 10 days; M5 submitted, M6 planned, M7 cancelled (ignored).
// on time (tolerance 0): M1, M3 -> 2 / 4.  disputed: M2, M4 of 5 submitted -> 2 / 5.
// value: disputed 100 + 50 = 150 of billed 1000+2000+500+1500+800 = 5800.
// slip sorted [-2, 0, 5, 10]: median 2.5; P80 at position 0.8*3 = 2.4 -> 5 + 0.4*5 = 7; mean 3.25.
// payment lag: M1 10, M2 21, M4 5 -> median 10, mean 12.  verification lag 2, 2, 4, 5 -> median 3.
describe('kpiSummary on hand-computed fixtures', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await fixtureWarehouse('kpi-small');
  });
  afterAll(() => wh.close());
  const run = (f: Parameters<typeof kpiSummary>[1], scope: string[] | null = null) =>
    wh.withConnection((c) => kpiSummary(c, f, scope));

  it('computes every KPI of brand B1 with its counts', async () => {
    const k = await run({ brand: ['B1'] });
    expect(k.asOf).toBe('2024-03-10');
    expect(k.milestones).toEqual({ total: 6, completed: 4, open: 2 });
    expect(k.onTimeRate).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    expect(k.disputeRate).toEqual({ value: 0.4, numerator: 2, denominator: 5 });
    expect(k.valueDisputeRate.numerator).toBe(150);
    expect(k.valueDisputeRate.denominator).toBe(5800);
    expect(k.valueDisputeRate.currency).toBe('CNY');
    expect(k.slipDays).toEqual({ median: 2.5, p80: 7, mean: 3.25, count: 4 });
    expect(k.paymentLagDays).toEqual({ median: 10, mean: 12, count: 3 });
    expect(k.verificationLagDays).toEqual({ median: 3, count: 4 });
  });

  it('counts milestones within the tolerance as on time', async () => {
    const k = await run({ brand: ['B1'], tolerance: 5 });
    expect(k.onTimeRate).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
  });

  it('filters by cohort period, partner and type', async () => {
    expect((await run({ brand: ['B1'], from: '2024-02', to: '2024-02' })).milestones.total).toBe(2);
    expect((await run({ partner: ['P2'] })).onTimeRate).toEqual({
      value: 0,
      numerator: 0,
      denominator: 1,
    });
    expect((await run({ milestoneType: ['creative'] })).onTimeRate.denominator).toBe(3);
    expect((await run({ to: '2024-01-12' })).milestones.total).toBe(2);
  });

  it('adds amounts of several currencies only after converting them', async () => {
    // B1 bills in CNY, B2 in EUR, and the fixture has no exchange rates: nothing can be added.
    const k = await run({});
    expect(k.valueDisputeRate).toMatchObject({ currency: 'USD', unconverted: 6, denominator: 0 });
  });

  it('includes every brand without a filter and nothing outside the scope', async () => {
    expect((await run({})).onTimeRate).toEqual({ value: 0.6, numerator: 3, denominator: 5 });
    const scoped = await run({ brand: ['B1'] }, ['B2']);
    expect(scoped.milestones.total).toBe(0);
    expect(scoped.onTimeRate.value).toBeNull();
    expect((await run({}, ['B2'])).milestones.total).toBe(1);
  });
});
