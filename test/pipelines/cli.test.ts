import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../pipelines/cli.ts';
import { queryRow } from '../../pipelines/warehouse/query.ts';
import { openWarehouse } from '../../pipelines/warehouse/warehouse.ts';

describe('milepost command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'milepost-cli-'));
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(m));
  const err = vi.spyOn(console, 'error').mockImplementation((m: string) => void out.push(m));
  afterEach(() => void out.splice(0));
  afterAll(() => {
    log.mockRestore();
    err.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists its commands and answers unknown ones with exit code 2', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/serve[\s\S]*demo/);
    expect(await main(['frobnicate'])).toBe(2);
    expect(out.join('\n')).toContain("Unknown command 'frobnicate'");
  });

  it('rejects a bad --scale with its usage', async () => {
    expect(await main(['demo', '--scale', 'lots', '--db', join(dir, 'x.duckdb')])).toBe(2);
    expect(out.join('\n')).toContain('--scale must be a positive whole number');
  });

  it('generates a demo warehouse and refuses to load twice without --replace', async () => {
    const db = join(dir, 'demo.duckdb');
    expect(await main(['demo', '--scale', '500', '--db', db])).toBe(0);
    expect(out.join('\n')).toMatch(/Loaded [\d,]+ milestones/);
    expect(await main(['demo', '--scale', '500', '--db', db])).toBe(2);
    expect(out.join('\n')).toContain('already holds data');
    expect(await main(['demo', '--scale', '500', '--db', db, '--replace'])).toBe(0);
    const wh = await openWarehouse(db);
    const loads = await wh.withConnection((c) =>
      queryRow<{ n: number }>(c, `SELECT count(*)::INTEGER AS n FROM loads`),
    );
    expect(loads?.n).toBe(1);
    await wh.close();
  });

  it('imports a file, lists the load and exports its quarantine', async () => {
    const db = join(dir, 'import.duckdb');
    const mapping = join(dir, 'm.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        name: 'cli-test',
        brand: { constant: 'acme' },
        fields: {
          milestoneId: { column: 'id' },
          partnerId: { column: 'p' },
          baselineDue: { column: 'due' },
        },
      }),
    );
    const file = join(dir, 'in.csv');
    writeFileSync(file, 'id,p,due\nA,P,2024-03-01\nB,P,2024-02-30\n');
    expect(await main(['import', file, '--mapping', mapping, '--db', db])).toBe(0);
    expect(out.join('\n')).toContain(
      'read 2 = inserted 1 + updated 0 + unchanged 0 + quarantined 1',
    );
    expect(out.join('\n')).toMatch(/impossible_date\s+1/);
    out.splice(0);
    expect(await main(['loads', '--db', db])).toBe(0);
    const loadId = /^(load-\S+)/.exec(out[0] ?? '')?.[1] ?? '';
    expect(loadId).not.toBe('');
    const csv = join(dir, 'q.csv');
    expect(await main(['quarantine', loadId, '--out', csv, '--db', db])).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',3,impossible_date,due,2024-02-30,');
    expect(await main(['import', join(dir, 'missing.csv'), '--mapping', mapping, '--db', db])).toBe(
      1,
    );
  });
});
