// Landmark rows describe a milestone as it was known on the landmark day: no event after that day
// (nor after the as-of date) may shape its features, and its start row stays at the start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDayNumber } from '../../../pipelines/calendar/iso-date.ts';
import { loadDemo } from '../../../pipelines/demo/index.ts';
import {
  landmarkTable,
  type LandmarkTable,
} from '../../../pipelines/models/features/landmark-rows.ts';
import {
  milestoneTable,
  type MilestoneTable,
} from '../../../pipelines/models/features/milestone-table.ts';
import { queryRows } from '../../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../../pipelines/warehouse/warehouse.ts';

const asOf = '2026-04-30';

describe('landmark rows', () => {
  let wh: Warehouse;
  let table: MilestoneTable;
  let lt: LandmarkTable;
  const events = new Map<string, { kind: string; date: string }[]>();
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    await loadDemo(wh, { seed: 3, milestones: 3000, asOf: '2026-10-31' });
    [table, lt] = await wh.withConnection(async (c) => {
      const t = await milestoneTable(c, { asOf });
      return [t, await landmarkTable(c, t, asOf)] as const;
    });
    const rows = await wh.withConnection((c) =>
      queryRows<{ id: string; kind: string; date: string }>(
        c,
        `SELECT milestone_id AS id, kind, event_date::VARCHAR AS date FROM milestone_events`,
      ),
    );
    for (const e of rows) events.set(e.id, [...(events.get(e.id) ?? []), e]);
  }, 120_000);
  afterAll(() => wh.close());

  const feature = (name: string) => lt.features.numeric.get(name)!;

  it('counts only the events dated on or before the landmark day, itself before delivery and asOf', () => {
    const rounds = feature('revision_rounds');
    const submitted = feature('submitted_before');
    let later = 0;
    for (let i = lt.baseRows; i < lt.n; i++) {
      const day = fromDayNumber(lt.landmarkDay[i]!);
      const approved = lt.meta.approved[i];
      expect(day <= asOf).toBe(true);
      if (approved !== null) expect(day < approved!).toBe(true);
      const mine = events.get(lt.ids[i]!) ?? [];
      const known = mine.filter((e) => e.date <= day);
      expect(rounds[i]).toBe(known.filter((e) => e.kind === 'revision_requested').length);
      expect(submitted[i]).toBe(known.some((e) => e.kind === 'submitted') ? 1 : 0);
      if (mine.some((e) => e.date > day && e.kind === 'revision_requested')) later++;
    }
    expect(lt.n - lt.baseRows).toBeGreaterThan(1000);
    // The check bites: many landmarks have revision requests after them (unseen by the row).
    expect(later).toBeGreaterThan(100);
  });

  it('keeps start rows at the start and the same outcome on every landmark row', () => {
    for (const name of ['age_ratio', 'revision_rounds', 'submitted_before']) {
      expect(
        feature(name)
          .subarray(0, lt.baseRows)
          .every((v) => v === 0),
      ).toBe(true);
    }
    const age = feature('age_ratio');
    for (let i = lt.baseRows; i < lt.n; i++) {
      const p = lt.parent[i]!;
      expect(lt.ids[i]).toBe(lt.ids[p]);
      expect(Object.is(lt.logRatio[i], lt.logRatio[p])).toBe(true);
      expect(lt.time[i]).toBe(lt.time[p]);
      expect(age[i]).toBeGreaterThan(0);
      // P(late) learns nothing from the due date on, where lateness is a fact.
      if (fromDayNumber(lt.landmarkDay[i]!) >= lt.meta.baselineDue[i]!) {
        expect(Number.isNaN(lt.late[i])).toBe(true);
      }
    }
  });

  it('keeps every landmark of a seeded share of the milestones past the row budget', async () => {
    const small = await wh.withConnection(async (c) => {
      const t = await milestoneTable(c, { asOf });
      return landmarkTable(c, t, asOf, { maxRows: 500 });
    });
    const count = (t: LandmarkTable) => {
      const per = new Map<string, number>();
      for (let i = t.baseRows; i < t.n; i++) per.set(t.ids[i]!, (per.get(t.ids[i]!) ?? 0) + 1);
      return per;
    };
    const all = count(lt);
    const kept = count(small);
    expect(small.n - small.baseRows).toBeGreaterThan(300);
    expect(small.n - small.baseRows).toBeLessThan(700);
    for (const [id, n] of kept) expect(n).toBe(all.get(id));
  });

  it('gives open milestones their state on asOf in the table the forecasts read', () => {
    const rounds = table.features.numeric.get('revision_rounds')!;
    let withRounds = 0;
    for (let i = 0; i < table.n; i++) {
      const known = (events.get(table.ids[i]!) ?? []).filter((e) => e.date <= asOf);
      const expected =
        table.meta.approved[i] === null
          ? known.filter((e) => e.kind === 'revision_requested').length
          : 0;
      expect(rounds[i]).toBe(expected);
      if (expected > 0) withRounds++;
    }
    expect(withRounds).toBeGreaterThan(5);
  });
});
