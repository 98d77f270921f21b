import { mkdtempSync, rmSync } from 'node:fs';
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
});
