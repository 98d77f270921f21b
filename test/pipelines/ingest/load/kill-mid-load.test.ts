import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dir } from './import-helpers.ts';
import { bigFile, counts, importKilledAt, seedWarehouse } from './kill-helpers.ts';

describe('a load killed with SIGKILL in the middle', () => {
  it('leaves the warehouse exactly as it was', async () => {
    const db = join(dir, 'killed.duckdb');
    await seedWarehouse(db, 'first.csv');
    const before = await counts(db);

    // Killed once the rows are being validated and merged inside the transaction.
    const { killedAt, out } = await importKilledAt(db, bigFile(300_000), 'merge');
    expect(killedAt).toBe('merge');
    expect(out).not.toContain('finished');
    expect(await counts(db)).toEqual(before);
  }, 120_000);
});
