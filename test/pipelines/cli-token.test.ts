import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyToken } from '../../pipelines/auth/verify-token.ts';
import { main } from '../../pipelines/cli.ts';
import { openWarehouse } from '../../pipelines/warehouse/warehouse.ts';

describe('milepost token', () => {
  const dir = mkdtempSync(join(tmpdir(), 'milepost-cli-token-'));
  const db = join(dir, 'w.duckdb');
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(m));
  const err = vi.spyOn(console, 'error').mockImplementation((m: string) => void out.push(m));
  beforeAll(async () => {
    const wh = await openWarehouse(db);
    await wh.withConnection((c) =>
      c.run(`INSERT INTO brands (brand_id, name) VALUES ('b1', 'One'), ('b2', 'Two')`),
    );
    await wh.close();
  });
  afterEach(() => void out.splice(0));
  afterAll(() => {
    log.mockRestore();
    err.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });
  const text = () => out.join('\n');

  it('creates a token, prints it once with a sign-in URL, lists and revokes it', async () => {
    const code = await main([
      'token',
      'create',
      '--role',
      'planner',
      '--brand',
      'b1,b2',
      '--name',
      'Ops',
      '--db',
      db,
    ]);
    expect(code).toBe(0);
    const token = /Token \(shown once, store it now\): (mpt_\S+)/.exec(text())?.[1] ?? '';
    const id = /Created (tok_[0-9a-f]+): planner for b1,b2 \(Ops\)/.exec(text())?.[1] ?? '';
    expect(token).not.toBe('');
    expect(text()).toContain(`/auth/signin?token=${token}`);

    const wh = await openWarehouse(db);
    const who = await wh.withConnection((c) => verifyToken(c, token, new Date()));
    await wh.close();
    expect(who).toMatchObject({ tokenId: id, role: 'planner', brands: ['b1', 'b2'] });

    out.splice(0);
    expect(await main(['token', 'list', '--db', db])).toBe(0);
    expect(text()).toMatch(new RegExp(`${id}\\s+planner\\s+b1,b2\\s+active`));
    expect(text()).not.toContain(token);

    out.splice(0);
    expect(await main(['token', 'revoke', id, '--db', db])).toBe(0);
    expect(text()).toContain(`Revoked ${id}`);
    out.splice(0);
    await main(['token', 'list', '--db', db]);
    expect(text()).toMatch(new RegExp(`${id}.*revoked`));
  });

  it('makes an all-brands admin token without --brand', async () => {
    expect(await main(['token', 'create', '--role', 'admin', '--db', db])).toBe(0);
    expect(text()).toMatch(/admin for all brands/);
  });

  it.each([
    [['token', 'create', '--role', 'viewer'], '--brand is required'],
    [['token', 'create', '--role', 'boss', '--brand', 'b1'], '--role must be one of'],
    [['token', 'create', '--role', 'viewer', '--brand', 'b7'], 'No brand b7'],
    [['token', 'revoke'], 'name the token id'],
    [['token', 'revoke', 'tok_nope'], 'No token tok_nope'],
    [['token', 'frobnicate'], "unknown action 'frobnicate'"],
  ])('answers %j with usage and exit code 2', async (args, message) => {
    expect(await main([...args, '--db', db])).toBe(2);
    expect(text()).toContain(message);
    expect(text()).toContain('Usage: milepost token create');
  });
});
