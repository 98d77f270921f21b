import { describe, expect, it } from 'vitest';
import { ensureMartsCurrent } from '../../../../pipelines/warehouse/marts-queue.ts';
import { queryRow } from '../../../../pipelines/warehouse/query.ts';
import { martsState, refreshMarts } from '../../../../pipelines/warehouse/refresh-marts.ts';
import { openWarehouse, type Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { counts, seedThenKillAt } from './kill-helpers.ts';

/** What the marts say, compact enough to compare with a full rebuild of them. */
function martFigures(wh: Warehouse) {
  return wh.withConnection((c) =>
    queryRow(
      c,
      `SELECT (SELECT count(*) FROM milestone_facts)::INTEGER AS facts,
              (SELECT count(*) FROM milestones)::INTEGER AS milestones,
              (SELECT sum(amount)::DOUBLE FROM milestone_facts) AS amount,
              (SELECT count(*) FROM kpi_cells)::INTEGER AS cells,
              (SELECT sum(milestones)::DOUBLE FROM kpi_cells) AS cell_milestones`,
    ),
  );
}

describe('a load killed with SIGKILL during its marts refresh', () => {
  it('keeps the committed load; the marts are rebuilt consistently at the next start', async () => {
    const { path: db, before } = await seedThenKillAt(
      'killed-marts.duckdb',
      'first-m.csv',
      'marts',
    );
    const after = await counts(db);
    expect(after.milestones).toBe(before.milestones! + 300_000);
    expect(after.loads).toBe(before.loads! + 1);

    const wh = await openWarehouse(db);
    try {
      const stale = await wh.withConnection(martsState);
      expect(stale.behind).toBe(true);
      expect((await martFigures(wh))?.facts).toBe(1);
      expect(await ensureMartsCurrent(wh)).toBe(true);
      expect((await wh.withConnection(martsState)).behind).toBe(false);
      const rebuilt = await martFigures(wh);
      expect(rebuilt?.facts).toBe(300_001);
      expect(rebuilt?.cell_milestones).toBeGreaterThan(0);
      // The same figures as a full rebuild from scratch: nothing of the old marts is left over.
      await wh.withConnection((c) => refreshMarts(c));
      expect(await martFigures(wh)).toEqual(rebuilt);
      expect(await ensureMartsCurrent(wh)).toBe(false);
    } finally {
      await wh.close();
    }
  }, 180_000);
});
