// Shared by the kill tests: a big file, table counts, and a child import killed at a phase.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { queryRows } from '../../../../pipelines/warehouse/query.ts';
import { openWarehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { importFile } from '../../../../pipelines/ingest/load/import-file.ts';
import { csvFile, dir, erpMapping, header, loadedTables } from './import-helpers.ts';

const tables = ['loads', ...loadedTables];

/** A file-backed warehouse `db` with one earlier load of one milestone (A1). */
async function seedWarehouse(db: string, name: string): Promise<void> {
  const wh = await openWarehouse(db);
  await importFile(
    wh,
    csvFile(name, [
      header,
      ['A1', 'P1', 'creative', '2024-03-01', '2024-03-10', '', '5', 'planned'],
    ]),
    { mapping: erpMapping },
  );
  await wh.close();
}

export async function counts(db: string): Promise<Record<string, number>> {
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

/**
 * Imports `file` into `db` in a child process and kills it with SIGKILL as soon as it reports
 * `phase`; resolves with the phase it was killed at ('finished' or 'exited' if it never got there)
 * and everything it printed.
 */
async function importKilledAt(
  db: string,
  file: string,
  phase: string,
): Promise<{ killedAt: string; out: string }> {
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
      if (out.includes(`phase:${phase}`) && !child.killed) {
        child.kill('SIGKILL');
        resolve(phase);
      }
    });
    child.on('exit', () => resolve(out.includes('finished') ? 'finished' : 'exited'));
    child.on('error', reject);
  });
  await new Promise((r) => child.on('close', r));
  return { killedAt, out };
}

/**
 * A warehouse `<dir>/<db>` seeded with one load (from `seed`) and its table counts, then a
 * 300,000-row import into it killed with SIGKILL at `phase` (checked: it got there, unfinished).
 */
export async function seedThenKillAt(
  db: string,
  seed: string,
  phase: string,
): Promise<{ path: string; before: Record<string, number> }> {
  const path = join(dir, db);
  await seedWarehouse(path, seed);
  const before = await counts(path);
  const { killedAt, out } = await importKilledAt(path, bigFile(300_000), phase);
  expect(killedAt).toBe(phase);
  expect(out).not.toContain('finished');
  return { path, before };
}
