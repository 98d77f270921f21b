import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backtestAdvice } from '../../../pipelines/advise/backtest-advice.ts';
import { main } from '../../../pipelines/cli.ts';
import { loadDemo } from '../../../pipelines/demo/index.ts';
import { queryRow } from '../../../pipelines/warehouse/query.ts';
import { openWarehouse } from '../../../pipelines/warehouse/warehouse.ts';

describe('milepost advise and the advice backtest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'milepost-advise-'));
  const db = join(dir, 'demo.duckdb');
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(m));
  const err = vi.spyOn(console, 'error').mockImplementation((m: string) => void out.push(m));
  let contract = '';
  beforeAll(async () => {
    const wh = await openWarehouse(db);
    await loadDemo(wh, { seed: 11, milestones: 6000 });
    contract = (await wh.withConnection((c) =>
      queryRow<{ id: string }>(c, `SELECT min(contract_id) AS id FROM milestones`),
    ))!.id;
    await wh.close();
  }, 120_000);
  afterEach(() => void out.splice(0));
  afterAll(() => {
    log.mockRestore();
    err.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a readable report of a contract', async () => {
    expect(await main(['advise', '--contract', contract, '--runs', '500', '--db', db])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain(`Advice for contract ${contract}`);
    expect(text).toMatch(/Findings \(\d+\):/);
    expect(text).toMatch(/Suggestions \(\d+\):/);
    expect(text).toMatch(/recommended +deposit [\d.]+% +retention/);
    expect(text).toMatch(/P\(bonus\) \d+%/);
  }, 60_000);

  it('writes the findings and the split reasoning in Chinese with --lang zh', async () => {
    const args = ['advise', '--contract', contract, '--runs', '500', '--db', db, '--lang', 'zh'];
    expect(await main(args)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('权衡前沿');
    expect(text).toMatch(/Findings \(\d+\):\n {2}\[\w+\] \w+: .*[\u4e00-\u9fff]/);
    expect(await main(['advise', '--contract', contract, '--lang', 'fr', '--db', db])).toBe(2);
  }, 60_000);

  it('answers usage errors with exit code 2', async () => {
    expect(await main(['advise', '--db', db])).toBe(2);
    expect(await main(['advise', '--contract', contract, '--confidence', '2', '--db', db])).toBe(2);
    expect(await main(['advise', '--contract', 'C-NOPE', '--db', db])).toBe(2);
    expect(out.join('\n')).toContain('no contract C-NOPE');
  });

  it('backtests: held-out P80 dates are met about 80% of the time, vague criteria draw disputes', async () => {
    const wh = await openWarehouse(db);
    try {
      const b = await wh.withConnection((c) => backtestAdvice(c, { cutoff: '2025-01-01' }));
      expect(b.contracts).toBeGreaterThan(50);
      expect(b.coverage.rate!).toBeGreaterThan(0.72);
      expect(b.coverage.rate!).toBeLessThan(0.9);
      expect(b.signedCoverage.rate!).toBeLessThan(b.coverage.rate! - 0.2);
      const vague = b.byKind.find((k) => k.kind === 'criteria_not_measurable')!;
      expect(vague.dispute.low!).toBeGreaterThan(1);
      expect(b.slip.flagged.n + b.slip.unflagged.n).toBeLessThanOrEqual(b.milestones);
    } finally {
      await wh.close();
    }
  }, 120_000);
});
