import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileMapping } from '../../../../pipelines/ingest/compile/compile-mapping.ts';
import { loadMapping } from '../../../../pipelines/ingest/mapping/load-mapping.ts';
import { typedRowsSql, virtualColumns } from '../../../../pipelines/ingest/load/typed-rows.sql.ts';
import { queryRows } from '../../../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';

const demo = compileMapping(loadMapping('demo-milestones'));

describe('imp_rows: stored columns and the view that adds the constant ones', () => {
  let wh: Warehouse;
  beforeEach(async () => {
    wh = await openWarehouse(':memory:');
  });
  afterEach(() => wh.close());

  it('computes literals and copies of stored columns in the view, stores the rest', () => {
    const v = virtualColumns(demo);
    expect(v.get('partner_kind')).toBe("'other'");
    expect(v.get('project_name')).toBe('project_id');
    expect(v.get('paid_date')).toBe('NULL::DATE');
    expect(v.get('attributes')).toBe("'{}'::JSON");
    for (const stored of ['brand_id', 'milestone_id', 'baseline_due', 'current_due', 'status']) {
      expect(v.has(stored)).toBe(false);
    }
  });

  it('gives the same columns, in the same order, with the values of the file', async () => {
    const rows = await wh.withConnection(async (c) => {
      await c.run(`CREATE TEMP TABLE stage AS SELECT 2::BIGINT AS source_line, 'b1' AS brand_id,
        'M1' AS milestone_id, 'PR1' AS project_id, 'C1' AS contract_id, 'PA1' AS partner_id,
        'first' AS name, 'creative' AS type, 'ok' AS acceptance_criteria,
        '2024-03-01' AS planned_start, NULL::VARCHAR AS actual_start, '2024-03-10' AS baseline_due,
        NULL::VARCHAR AS current_due, '1,200.50' AS amount, 'approved' AS status`);
      for (const sql of typedRowsSql('stage', demo)) await c.run(sql);
      const stored = await queryRows<{ n: string }>(
        c,
        `SELECT column_name AS n FROM duckdb_columns() WHERE table_name = 'imp_rows_stored'`,
      );
      expect(stored.map((r) => r.n)).not.toContain('partner_kind');
      const cols = await queryRows<{ n: string }>(
        c,
        `SELECT column_name AS n FROM duckdb_columns() WHERE table_name = 'imp_rows' ORDER BY column_index`,
      );
      expect(cols.map((r) => r.n)).toEqual([
        '__line',
        ...demo.canonicalNames,
        '__version',
        'attributes',
        '__fault',
      ]);
      return queryRows(
        c,
        `SELECT project_name, partner_name, partner_kind, currency, current_due, amount::DOUBLE AS amount,
                attributes::VARCHAR AS attributes, paid_date, __fault FROM imp_rows`,
      );
    });
    expect(rows).toEqual([
      {
        project_name: 'PR1',
        partner_name: 'PA1',
        partner_kind: 'other',
        currency: 'CNY',
        current_due: '2024-03-10',
        amount: 1200.5,
        attributes: '{}',
        paid_date: null,
        __fault: null,
      },
    ]);
  });
});
