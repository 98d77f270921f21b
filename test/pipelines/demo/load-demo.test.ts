import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../pipelines/demo/load-demo.ts';
import type { DemoProgress } from '../../../pipelines/demo/demo-progress.ts';
import { demoTableNames } from '../../../pipelines/demo/demo-tables.ts';
import { openWarehouse } from '../../../pipelines/warehouse/warehouse.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { FIXED_CLOCK, rows, scalar } from './demo-warehouse.ts';

const SMALL = { milestones: 4000, seed: 21, batchMilestones: 1000, clock: FIXED_CLOCK };

async function counts(wh: Warehouse): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [...demoTableNames, 'loads', 'dataset_facts']) {
    out[t] = await wh.withConnection((c) => scalar(c, `SELECT count(*)::INTEGER FROM ${t}`));
  }
  return out;
}

describe('loadDemo', () => {
  it('appends every table, refreshes the marts and records the load', async () => {
    const wh = await openWarehouse(':memory:');
    try {
      const progress: DemoProgress[] = [];
      const result = await loadDemo(wh, SMALL, (p) => progress.push(p));
      expect(result.loadId).toBe('demo-21-1');
      const n = await counts(wh);
      for (const t of demoTableNames) expect(n[t], t).toBe(result.rows[t]);
      expect(n.milestones).toBeGreaterThan(3800);
      const facts = await wh.withConnection((c) =>
        scalar(c, `SELECT count(*)::INTEGER FROM milestone_facts`),
      );
      expect(facts).toBe(
        n.milestones! -
          (await wh.withConnection((c) =>
            scalar(c, `SELECT count(*)::INTEGER FROM milestones WHERE status = 'cancelled'`),
          )),
      );
      const [load] = await wh.withConnection((c) =>
        rows(
          c,
          `SELECT source, status, rows_inserted::INTEGER AS r,
        as_of_date::VARCHAR AS as_of, started_at::VARCHAR AS started FROM loads`,
        ),
      );
      expect(load).toEqual({
        source: 'demo',
        status: 'succeeded',
        r: Object.values(result.rows).reduce((a, b) => a + b, 0),
        as_of: '2026-10-31',
        started: '2026-11-01 08:00:00',
      });
      expect(
        await wh.withConnection((c) =>
          scalar(c, `SELECT count(*)::INTEGER FROM milestones WHERE load_id = 'demo-21-1'`),
        ),
      ).toBe(n.milestones);
      const generate = progress.filter((p) => p.phase === 'generate');
      expect(generate.length).toBeGreaterThan(3);
      expect(generate.map((p) => p.done)).toEqual(
        [...generate.map((p) => p.done)].sort((a, b) => a - b),
      );
      expect(generate[generate.length - 1]?.done).toBe(generate[0]?.total);
      expect(progress.map((p) => p.phase).filter((p, i, a) => a[i - 1] !== p)).toEqual([
        'reference',
        'generate',
        'refresh',
        'done',
      ]);
    } finally {
      await wh.close();
    }
  });

  it('leaves every table empty when the load fails after the first batch', async () => {
    const wh = await openWarehouse(':memory:');
    try {
      let batches = 0;
      await expect(
        loadDemo(wh, {
          ...SMALL,
          afterBatch: () => {
            batches += 1;
            throw new Error('injected failure');
          },
        }),
      ).rejects.toThrow('injected failure');
      expect(batches).toBe(1);
      const n = await counts(wh);
      for (const [t, c] of Object.entries(n)) expect(c, t).toBe(0);
      // The connection is usable afterwards and the same load now succeeds.
      await loadDemo(wh, SMALL);
      expect((await counts(wh)).milestones).toBeGreaterThan(0);
    } finally {
      await wh.close();
    }
  });

  it('rolls back a second load that collides with the first, keeping the first intact', async () => {
    const wh = await openWarehouse(':memory:');
    try {
      await loadDemo(wh, SMALL);
      const before = await counts(wh);
      await expect(loadDemo(wh, { ...SMALL, batchMilestones: 50_000 })).rejects.toThrow();
      expect(await counts(wh)).toEqual(before);
    } finally {
      await wh.close();
    }
  });
});
