import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaCalendar } from '../../../pipelines/calendar/index.ts';
import {
  calibrationTargets,
  measureCalibration,
  outsideTargets,
} from '../../../pipelines/demo/calibration.ts';
import type { CalibrationFigures } from '../../../pipelines/demo/calibration.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { demoWarehouse, rows } from './demo-warehouse.ts';

// The default data set (25,000 milestones, seed 42) must land inside the calibration ranges of
// README.md, and its latent effects must be visible in the warehouse the way analysts would look.
describe('demo data at the default size', () => {
  let wh: Warehouse;
  let figures: CalibrationFigures;
  beforeAll(async () => {
    ({ wh } = await demoWarehouse());
    figures = await wh.withConnection((c) => measureCalibration(c));
  });
  afterAll(() => wh.close());
  const query = (sql: string) => wh.withConnection((c) => rows(c, sql));

  it('is calibrated to real planned-vs-actual data', () => {
    expect(outsideTargets(figures)).toEqual([]);
    const [lo, hi] = calibrationTargets.medianDurationRatio;
    expect(figures.medianDurationRatio).toBeGreaterThanOrEqual(lo);
    expect(figures.medianDurationRatio).toBeLessThanOrEqual(hi);
    expect(figures.completed).toBeGreaterThan(15_000);
    expect(figures.onTimeRate).toBeCloseTo(1 - (figures.shareLate ?? 0), 10);
    expect(figures.disputeRate).toBeGreaterThan(0.05);
    expect(figures.disputeRate).toBeLessThan(0.35);
  });

  it('lets KOL seeding and livestreams slip more than reports', async () => {
    const byType = Object.fromEntries(
      (
        await query(`
      SELECT milestone_type AS t, avg(CASE WHEN slip_days > 0 THEN 1 ELSE 0 END)::DOUBLE AS late
      FROM milestone_facts WHERE completed GROUP BY ALL`)
      ).map((r) => [r.t, Number(r.late)]),
    );
    expect(byType.kol_seeding! - byType.reporting!).toBeGreaterThan(0.15);
    expect(byType.livestream! - byType.reporting!).toBeGreaterThan(0.15);
  });

  it('slips more when the work window overlaps the Chinese New Year shutdown', async () => {
    const cny = chinaCalendar
      .periodsBetween('2020-12-01', '2027-12-31')
      .filter((p) => p.name === 'cny');
    const values = cny.map((p) => `(DATE '${p.start}', DATE '${p.end}')`).join(', ');
    const [r] = await query(`
      WITH cny(s, e) AS (VALUES ${values}),
      f AS (SELECT *, EXISTS (SELECT 1 FROM cny WHERE s <= baseline_due AND e >= planned_start) AS in_cny
            FROM milestone_facts WHERE completed)
      SELECT avg(CASE WHEN slip_days > 0 THEN 1 ELSE 0 END) FILTER (WHERE in_cny)::DOUBLE AS late_cny,
             avg(CASE WHEN slip_days > 0 THEN 1 ELSE 0 END) FILTER (WHERE NOT in_cny)::DOUBLE AS late_other,
             median(slip_days) FILTER (WHERE in_cny AND slip_days > 0)::DOUBLE AS slip_cny,
             median(slip_days) FILTER (WHERE NOT in_cny AND slip_days > 0)::DOUBLE AS slip_other
      FROM f`);
    expect(Number(r?.late_cny) - Number(r?.late_other)).toBeGreaterThan(0.08);
    expect(Number(r?.slip_cny)).toBeGreaterThan(Number(r?.slip_other));
  });

  it('draws more revision rounds and disputes for vague acceptance criteria', async () => {
    const [r] = await query(`
      WITH f AS (SELECT f.*, coalesce(regexp_matches(m.acceptance_criteria, '[0-9]'), false) AS measurable
                 FROM milestone_facts f JOIN milestones m USING (milestone_id) WHERE f.submitted)
      SELECT avg(revision_rounds) FILTER (WHERE measurable)::DOUBLE AS rounds_m,
             avg(revision_rounds) FILTER (WHERE NOT measurable)::DOUBLE AS rounds_v,
             avg(CASE WHEN disputed THEN 1 ELSE 0 END) FILTER (WHERE measurable)::DOUBLE AS disp_m,
             avg(CASE WHEN disputed THEN 1 ELSE 0 END) FILTER (WHERE NOT measurable)::DOUBLE AS disp_v
      FROM f`);
    expect(Number(r?.rounds_v)).toBeGreaterThan(1.5 * Number(r?.rounds_m));
    expect(Number(r?.disp_v)).toBeGreaterThan(1.3 * Number(r?.disp_m));
  });

  it('raises disputes with lateness', async () => {
    const [r] = await query(`
      SELECT avg(CASE WHEN disputed THEN 1 ELSE 0 END) FILTER (WHERE slip_days <= 0)::DOUBLE AS on_time,
             avg(CASE WHEN disputed THEN 1 ELSE 0 END) FILTER (WHERE slip_days > 0)::DOUBLE AS late
      FROM milestone_facts WHERE completed`);
    expect(Number(r?.late)).toBeGreaterThan(1.5 * Number(r?.on_time));
  });

  it('has partners with persistent reliability differences, some much worse', async () => {
    const late = (
      await query(`
      SELECT avg(CASE WHEN slip_days > 0 THEN 1 ELSE 0 END)::DOUBLE AS late FROM milestone_facts
      WHERE completed GROUP BY partner_id HAVING count(*) >= 60 ORDER BY late`)
    ).map((r) => Number(r.late));
    const at = (q: number) => late[Math.floor(q * (late.length - 1))] ?? Number.NaN;
    expect(late.length).toBeGreaterThan(50);
    expect(at(0.9) - at(0.1)).toBeGreaterThan(0.25);
    expect(at(1)).toBeGreaterThan(0.75);
  });

  it('has brands that pay on time and brands that pay late', async () => {
    const lateness = (
      await query(`
      SELECT median(days_paid_late)::DOUBLE AS d FROM milestone_facts WHERE days_paid_late IS NOT NULL
      GROUP BY brand_id HAVING count(*) >= 30`)
    ).map((r) => Number(r.d));
    expect(Math.min(...lateness)).toBeLessThan(2);
    expect(Math.max(...lateness)).toBeGreaterThan(15);
  });
});
