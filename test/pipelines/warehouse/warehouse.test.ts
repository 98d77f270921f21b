import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listMigrations } from '../../../pipelines/warehouse/migrate.ts';
import { queryRow, queryRows } from '../../../pipelines/warehouse/query.ts';
import { openWarehouse } from '../../../pipelines/warehouse/warehouse.ts';
import { fixtureWarehouse } from '../../support/fixture-warehouse.ts';

describe('warehouse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'milepost-wh-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies every migration once and reopens a file without reapplying', async () => {
    const path = join(dir, 'a.duckdb');
    const first = await openWarehouse(path);
    const applied = await first.withConnection((c) =>
      queryRows<{ version: number }>(c, 'SELECT version FROM schema_migrations ORDER BY version'),
    );
    expect(applied.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
    await first.close();
    const again = await openWarehouse(path);
    const n = await again.withConnection((c) =>
      queryRow<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM schema_migrations'),
    );
    expect(n?.n).toBe(applied.length);
    await again.close();
  });

  it('fills the China calendar so working days are index differences', async () => {
    const wh = await openWarehouse(':memory:');
    const rows = await wh.withConnection((c) =>
      queryRows<{ day: string; is_workday: boolean; holiday: string | null }>(
        c,
        `SELECT day, is_workday, holiday FROM calendar_days
         WHERE day IN ('2024-02-12', '2024-02-18', '2024-10-01', '2023-10-07') ORDER BY day`,
      ),
    );
    // 2023-10-07 (Saturday) and 2024-02-18 (Sunday) were make-up workdays.
    expect(rows.map((r) => [r.day, r.is_workday])).toEqual([
      ['2023-10-07', true],
      ['2024-02-12', false],
      ['2024-02-18', true],
      ['2024-10-01', false],
    ]);
    await wh.close();
  });

  it('serialises concurrent work through the pool without losing any', async () => {
    const wh = await openWarehouse(':memory:', { poolSize: 2 });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        wh.withConnection((c) => queryRow<{ v: number }>(c, 'SELECT $i::INTEGER * 2 AS v', { i })),
      ),
    );
    expect(results.map((r) => r?.v)).toEqual(Array.from({ length: 10 }, (_, i) => i * 2));
    await wh.close();
  });
});

describe('milestone_facts', () => {
  it('derives slip in calendar and China working days', async () => {
    const wh = await fixtureWarehouse('kpi-small');
    const rows = await wh.withConnection((c) =>
      queryRows<Record<string, number | string | boolean | null>>(
        c,
        `SELECT milestone_id, slip_days, slip_workdays, partner_slip_days, verification_lag_days,
                payment_lag_days, days_paid_late, revision_rounds, disputed, duration_ratio
         FROM milestone_facts WHERE milestone_id IN ('M2', 'M4') ORDER BY milestone_id`,
      ),
    );
    // M2: due Mon 2024-01-15, submitted 01-18, approved Sat 01-20 -> 5 days, 4 working days late
    // (Tue..Fri); paid 02-10, 21 days after approval with 30-day terms -> 9 days early.
    expect(rows[0]).toMatchObject({
      milestone_id: 'M2',
      slip_days: 5,
      slip_workdays: 4,
      partner_slip_days: 3,
      verification_lag_days: 2,
      payment_lag_days: 21,
      days_paid_late: -9,
      revision_rounds: 1,
      disputed: true,
      duration_ratio: 1.5,
    });
    // M4: due 2024-02-05, approved 2024-02-15 spans Spring Festival (02-10..17 off):
    // working days 02-06, 07, 08, 09 only -> 4.
    expect(rows[1]).toMatchObject({ milestone_id: 'M4', slip_days: 10, slip_workdays: 4 });
    await wh.close();
  });
});
