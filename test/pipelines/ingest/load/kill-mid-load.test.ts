import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../pipelines/ingest/load/import-file.ts';
import { queryRows } from '../../../../pipelines/warehouse/query.ts';
import { openWarehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { csvFile, dir, erpMapping, header } from './import-helpers.ts';

const tables = [
  'loads',
  'brands',
  'partners',
  'contracts',
  'projects',
  'milestones',
  'milestone_events',
  'quarantine',
  'milestone_history',
];

async function counts(db: string): Promise<Record<string, number>> {
  const wh = await openWarehouse(db);
  const rows = await wh.withConnection((c) =>
    queryRows<{ t: string; n: number }>(
      c,
      tables.map((t) => `SELECT '${t}' AS t, count(*)::INTEGER AS n FROM ${t}`).join(' UNION ALL '),
    ),
  );
  await wh.close();
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

function bigFile(rows: number): string {
  const body: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    body.push([
      `K${i}`,
      `P${i % 50}`,
      'creative',
      `2024-02-${day}`,
      `2024-03-${day}`,
      i % 3 ? `2024-03-${day}` : '',
      `${i % 1000}`,
      'approved',
    ]);
  }
  return csvFile('big.csv', [header, ...body]);
}

describe('a load killed with SIGKILL in the middle', () => {
  it('leaves the warehouse exactly as it was', async () => {
    const db = join(dir, 'killed.duckdb');
    const first = await openWarehouse(db);
    await importFile(
      first,
      csvFile('first.csv', [
        header,
        ['A1', 'P1', 'creative', '2024-03-01', '2024-03-10', '', '5', 'planned'],
      ]),
      { mapping: erpMapping },
    );
    await first.close();
    const before = await counts(db);

    const file = bigFile(300_000);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'kill-child.ts'), db, file],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    const killedAt = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        // Kill once the rows are being validated and merged inside the transaction.
        if (out.includes('phase:merge') && !child.killed) {
          child.kill('SIGKILL');
          resolve('merge');
        }
      });
      child.on('exit', () => resolve(out.includes('finished') ? 'finished' : 'exited'));
      child.on('error', reject);
    });
    await new Promise((r) => child.on('close', r));
    expect(killedAt).toBe('merge');
    expect(out).not.toContain('finished');
    expect(await counts(db)).toEqual(before);
  }, 120_000);
});
