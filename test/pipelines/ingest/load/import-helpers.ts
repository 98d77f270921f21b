import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMapping } from '../../../../pipelines/ingest/mapping/load-mapping.ts';
import type { Mapping } from '../../../../pipelines/ingest/mapping/mapping-schema.ts';
import { queryRows } from '../../../../pipelines/warehouse/query.ts';
import type { Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';

export const dir = mkdtempSync(join(tmpdir(), 'milepost-import-'));

/** Writes a CSV (rows of cells) into the test's temp folder and returns its path. */
export function csvFile(name: string, rows: string[][]): string {
  const path = join(dir, name);
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  writeFileSync(path, rows.map((r) => r.map(cell).join(',')).join('\n') + '\n');
  return path;
}

export const header = ['id', 'partner', 'type', 'start', 'due', 'done', 'amount', 'status'];

/** A row under `header`: partner P1, a creative milestone started 2024-03-01, not done. */
export const erpRow = (id: string, due: string, amount: string, status = 'planned') => [
  id,
  'P1',
  'creative',
  '2024-03-01',
  due,
  '',
  amount,
  status,
];

/** A small ERP-like mapping with Chinese-friendly transforms. */
export const erpMapping: Mapping = parseMapping({
  name: 'test-erp',
  brand: { constant: 'acme' },
  source: { format: 'csv', encoding: 'utf-8' },
  fields: {
    milestoneId: { column: 'id' },
    partnerId: { column: 'partner' },
    type: { column: 'type' },
    plannedStart: { column: 'start' },
    baselineDue: { column: 'due' },
    approvedDate: { column: 'done' },
    amount: { column: 'amount' },
    status: { column: 'status' },
  },
});

/** The tables a load writes (besides `loads`). */
export const loadedTables = [
  'brands',
  'partners',
  'contracts',
  'projects',
  'milestones',
  'milestone_events',
  'payments',
  'disputes',
  'quarantine',
  'milestone_history',
];

/** Everything a load may touch, as sorted text, to compare warehouses before and after. */
export async function snapshot(wh: Warehouse): Promise<string> {
  const parts: string[] = [];
  for (const t of loadedTables) {
    const rows = await wh.withConnection((c) =>
      queryRows(c, `SELECT * EXCLUDE (load_id) FROM ${t} ORDER BY ALL`).catch(() =>
        queryRows(c, `SELECT * FROM ${t} ORDER BY ALL`),
      ),
    );
    parts.push(`${t}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}
