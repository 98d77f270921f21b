import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earnedValue } from '../../../pipelines/kpi/earned-value.ts';
import { timeToResolution } from '../../../pipelines/kpi/time-to-resolution.ts';
import type { StatusKpiQuery } from '../../../pipelines/schema/status-kpis.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { fixtureWarehouse } from '../../support/fixture-warehouse.ts';

// Fixture test/fixtures/status-kpis-small (data as of 2024-03-10). Brand B1, CNY:
//   C1 value 10000: M1 share .2 due 01-10 approved 01-12; M2 .3 due 02-10 approved 03-01;
//                   M3 .5 due 04-10 open.
//   C2 value  4000: M4 .25 due 01-20 approved 01-20; M5 .25 due 02-20 submitted only;
//                   M6 .25 due 03-05 approved 03-04; M7 .25 due 03-08 cancelled (left out).
// Brand B2, EUR: C3 value 2000: M8 .5 due 01-15 approved 01-14; M9 .5 due 05-01 open.

describe('earned value', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await fixtureWarehouse('status-kpis-small');
  });
  afterAll(() => wh.close());

  const ev = (q: Partial<StatusKpiQuery>, scope: readonly string[] | null = null) =>
    wh.withConnection((conn) => earnedValue(conn, q, scope));

  it('computes EV, PV and SPI at the data as-of date', async () => {
    // C1: EV = 10000 x (.2 + .3) = 5000, PV = 10000 x (.2 + .3) = 5000 (M3 due after 03-10).
    // C2: EV = 4000 x (.25 + .25) = 2000 (M4, M6), PV = 4000 x (.25 x 3) = 3000 (M4, M5, M6).
    expect(await ev({ brand: ['B1'] })).toEqual({
      asOf: '2024-03-10',
      currency: 'CNY',
      contracts: 2,
      milestones: 6,
      unconverted: 0,
      contractValue: 14000,
      earnedValue: 7000,
      plannedValue: 8000,
      approvedShare: { value: 0.5, numerator: 7000, denominator: 14000 },
      plannedShare: { value: 8000 / 14000, numerator: 8000, denominator: 14000 },
      spi: { value: 0.875, numerator: 7000, denominator: 8000 },
    });
  });

  it('counts approvals and baseline dues on or before an earlier status date only', async () => {
    // 02-15: C1 EV = 10000 x .2 (M2 approved 03-01 is later) = 2000, PV = 10000 x .5 = 5000;
    // C2 EV = 4000 x .25 = 1000, PV = 4000 x .25 = 1000. SPI = 3000 / 6000.
    const r = await ev({ brand: ['B1'], asOf: '2024-02-15' });
    expect([r.earnedValue, r.plannedValue, r.spi.value]).toEqual([3000, 6000, 0.5]);
    // 2024-01-20 is M4's baseline due and its approval date: both count ("on or before").
    const d = await ev({ brand: ['B1'], asOf: '2024-01-20' });
    expect([d.earnedValue, d.plannedValue]).toEqual([3000, 3000]);
  });

  it('gives a null SPI when nothing is planned yet', async () => {
    const r = await ev({ brand: ['B1'], asOf: '2024-01-05' });
    expect(r.spi).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(r.plannedShare).toEqual({ value: 0, numerator: 0, denominator: 14000 });
  });

  it('applies the partner, milestone type and period filters', async () => {
    const p2 = await ev({ partner: ['P2'] });
    expect([p2.contracts, p2.contractValue, p2.earnedValue, p2.plannedValue]).toEqual([
      1, 4000, 2000, 3000,
    ]);
    // Only C1 has creative milestones (M1, M2) in B1: EV = PV = 10000 x .5.
    const creative = await ev({ brand: ['B1'], milestoneType: ['creative'] });
    expect([creative.contracts, creative.earnedValue, creative.spi.value]).toEqual([1, 5000, 1]);
    // Baseline due from February: M2, M3, M5, M6. EV = 3000 + 1000, PV = 3000 + 2000.
    const feb = await ev({ brand: ['B1'], from: '2024-02' });
    expect([feb.milestones, feb.earnedValue, feb.plannedValue]).toEqual([4, 4000, 5000]);
  });

  it('adds several currencies in USD and counts contracts without a rate', async () => {
    await wh.withConnection((conn) =>
      conn.run(`INSERT INTO fx_rates VALUES ('EUR', DATE '2024-01-01', 1.1)`),
    );
    // CNY has no rate: C1, C2 left out. C3: value 2000 x 1.1 = 2200, EV = PV = 2200 x .5 (M8).
    const r = await ev({});
    expect(r).toMatchObject({ currency: 'USD', contracts: 3, unconverted: 2 });
    expect([r.contractValue, r.earnedValue, r.plannedValue]).toEqual([2200, 1100, 1100]);
  });

  it('keeps to the caller scope', async () => {
    const r = await ev({ brand: ['B2'] }, ['B1']);
    expect([r.contracts, r.contractValue, r.currency, r.spi.value]).toEqual([0, 0, null, null]);
    expect((await ev({}, ['B2'])).contractValue).toBe(2000);
    expect((await ev({}, [])).contracts).toBe(0);
  });
});

// Disputes (B1 unless said): D1 on M1 01-13 -> 01-16 (3 days); D2 on M2 03-02 -> 03-09 (7);
// D3 on M4 01-21 -> 02-10 (20); D4 on M5 opened 02-26, open; D5 on M6 03-05 -> 03-20 (15);
// D6 on M4 02-01 -> 02-11 (10); D7 on M8 (B2) 01-15 -> 01-25 (10); D8 on M7 (cancelled, left out).
describe('time to resolution', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await fixtureWarehouse('status-kpis-small');
  });
  afterAll(() => wh.close());

  const ttr = (q: Partial<StatusKpiQuery>, scope: readonly string[] | null = null) =>
    wh.withConnection((conn) => timeToResolution(conn, q, scope));

  it('counts resolved and open disputes at the data as-of date', async () => {
    // Opened by 03-10: D1-D6. Resolved by then: 3, 7, 10, 20 days; D4 and D5 (03-20) open.
    // quantile_cont: median at position 1.5 = 7 + .5 x 3 = 8.5; P80 at 2.4 = 10 + .4 x 10 = 14.
    expect(await ttr({ brand: ['B1'] })).toEqual({
      asOf: '2024-03-10',
      opened: 6,
      resolved: 4,
      open: 2,
      medianDays: 8.5,
      p80Days: 14,
      meanDays: 10,
      resolvedShare: { value: 4 / 6, numerator: 4, denominator: 6 },
    });
  });

  it('moves with the status date', async () => {
    // Year end: D5 resolved too: 3, 7, 10, 15, 20 -> median 10, P80 at 3.2 = 15 + .2 x 5 = 16.
    const late = await ttr({ brand: ['B1'], asOf: '2024-12-31' });
    expect([late.resolved, late.open, late.medianDays, late.p80Days, late.meanDays]).toEqual([
      5, 1, 10, 16, 11,
    ]);
    // 02-15: D1, D3, D6 opened and resolved: 3, 10, 20 -> median 10, P80 at 1.6 = 16.
    const feb = await ttr({ brand: ['B1'], asOf: '2024-02-15' });
    expect([feb.opened, feb.open, feb.medianDays, feb.p80Days]).toEqual([3, 0, 10, 16]);
    const none = await ttr({ brand: ['B1'], asOf: '2024-01-01' });
    expect([none.opened, none.medianDays, none.resolvedShare.value]).toEqual([0, null, null]);
  });

  it('filters by the disputed milestone and keeps to the caller scope', async () => {
    // kol_seeding: M4 (D3 20, D6 10) and M5 (D4 open).
    const kol = await ttr({ milestoneType: ['kol_seeding'] });
    expect([kol.opened, kol.resolved, kol.medianDays]).toEqual([3, 2, 15]);
    expect((await ttr({})).opened).toBe(7);
    expect((await ttr({}, ['B2'])).medianDays).toBe(10);
    expect((await ttr({ brand: ['B2'] }, ['B1'])).opened).toBe(0);
  });
});
