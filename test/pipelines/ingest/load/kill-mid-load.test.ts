import { describe, expect, it } from 'vitest';
import { counts, seedThenKillAt } from './kill-helpers.ts';

describe('a load killed with SIGKILL in the middle', () => {
  it('leaves the warehouse exactly as it was', async () => {
    // Killed once the rows are being validated and merged inside the transaction.
    const { path, before } = await seedThenKillAt('killed.duckdb', 'first.csv', 'merge');
    expect(await counts(path)).toEqual(before);
  }, 120_000);
});
