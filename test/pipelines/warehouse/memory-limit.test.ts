import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRow } from '../../../pipelines/warehouse/query.ts';
import { memoryLimitOf, openWarehouse } from '../../../pipelines/warehouse/warehouse.ts';

describe('the warehouse memory limit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'milepost-memory-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('comes from the option, else MILEPOST_DUCKDB_MEMORY, else 1GB, and refuses odd values', () => {
    expect(memoryLimitOf('512MB', {})).toBe('512MB');
    expect(memoryLimitOf(undefined, { MILEPOST_DUCKDB_MEMORY: ' 1.5GB ' })).toBe('1.5GB');
    expect(memoryLimitOf(undefined, {})).toBe('1GB');
    expect(() => memoryLimitOf(undefined, { MILEPOST_DUCKDB_MEMORY: 'lots' })).toThrow(
      /Invalid DuckDB memory limit 'lots' \(MILEPOST_DUCKDB_MEMORY\)/,
    );
  });

  it('is set on DuckDB, and a file-backed warehouse spills beside its file', async () => {
    const path = join(dir, 'w.duckdb');
    const wh = await openWarehouse(path, { memoryLimit: '256MB' });
    try {
      const row = await wh.withConnection((c) =>
        queryRow<{ mem: string; tmp: string }>(
          c,
          `SELECT current_setting('memory_limit') AS mem, current_setting('temp_directory') AS tmp`,
        ),
      );
      expect(row?.mem).toMatch(/^24\d(\.\d+)? MiB$/); // 256 MB = 244.1 MiB
      expect(row?.tmp).toBe(`${path}.tmp`);
    } finally {
      await wh.close();
    }
  });
});
