import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  milestoneTable,
  type MilestoneTable,
} from '../../../pipelines/models/features/milestone-table.ts';
import { queryRows } from '../../../pipelines/warehouse/query.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { fixtureWarehouse } from '../../support/fixture-warehouse.ts';

describe('milestone feature table', () => {
  let wh: Warehouse;
  let table: MilestoneTable;
  let facts: {
    milestone_id: string;
    partner_id: string;
    planned_start: string;
    approved_date: string | null;
  }[];
  beforeAll(async () => {
    wh = await fixtureWarehouse('kpi-small');
    table = await wh.withConnection((c) => milestoneTable(c, { asOf: '2024-03-10' }));
    facts = await wh.withConnection((c) =>
      queryRows(
        c,
        `SELECT milestone_id, partner_id, planned_start::VARCHAR AS planned_start,
                           approved_date::VARCHAR AS approved_date FROM milestone_facts`,
      ),
    );
  });
  afterAll(() => wh.close());

  it('counts only partner milestones approved before this one started (no look-ahead)', () => {
    const n = table.features.numeric.get('partner_history_n')!;
    for (const [i, id] of table.ids.entries()) {
      const me = facts.find((f) => f.milestone_id === id)!;
      const expected = facts.filter(
        (f) =>
          f.partner_id === me.partner_id &&
          f.approved_date !== null &&
          f.approved_date < me.planned_start,
      ).length;
      expect(n[i]).toBe(expected);
    }
  });

  it('has outcomes only where they are known on asOf', async () => {
    const early = await wh.withConnection((c) => milestoneTable(c, { asOf: '2024-01-05' }));
    const known = Array.from(early.logRatio).filter(Number.isFinite).length;
    expect(known).toBe(0); // nothing in the fixture is approved by 5 January
    expect(Array.from(table.logRatio).filter(Number.isFinite).length).toBeGreaterThan(0);
  });

  it('counts the peak and holiday days inside each planned window', async () => {
    // The same count by brute force: calendar days in [planned start, baseline due).
    const expected = await wh.withConnection((c) =>
      queryRows<{ milestone_id: string; peaks: number; holidays: number }>(
        c,
        `SELECT m.milestone_id,
                count(c.day) FILTER (WHERE c.period IS NOT NULL)::INTEGER AS peaks,
                count(c.day) FILTER (WHERE c.holiday IS NOT NULL)::INTEGER AS holidays
         FROM milestone_facts m
         LEFT JOIN calendar_days c ON c.day >= m.planned_start AND c.day < m.baseline_due
         GROUP BY m.milestone_id`,
      ),
    );
    const peaks = table.features.numeric.get('peak_days')!;
    const holidays = table.features.numeric.get('holiday_days')!;
    for (const [i, id] of table.ids.entries()) {
      const e = expected.find((x) => x.milestone_id === id)!;
      expect([peaks[i], holidays[i]]).toEqual([e.peaks, e.holidays]);
    }
    expect(Array.from(holidays).some((h) => h > 0)).toBe(true);
  });

  it('keeps rows in time order and categories coded', () => {
    const times = Array.from(table.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const type = table.features.categorical.get('milestone_type')!;
    expect(type.levels).toContain('creative');
  });
});
