import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { hasExplicitPermission, permissionFor } from '../../api/auth/route-permissions.ts';
import { can, permissions, rolePermissions, roles } from '../../pipelines/auth/roles.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';

describe('route permissions', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    app = createApp({ warehouse: wh, version: 'test', log: () => {} });
  });
  afterAll(() => wh.close());

  it('has an explicit entry for every write route, so none is opened by default', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => [m.toUpperCase(), path] as const),
    );
    expect(writes.length).toBeGreaterThan(2);
    const unlisted = writes.filter(([m, p]) => !hasExplicitPermission(m, p));
    expect(unlisted, 'add these to api/auth/route-permissions.ts and docs/api.md').toEqual([]);
  });

  it('documents both ways to authenticate, and that health needs neither', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      security: unknown;
      components: { securitySchemes: Record<string, { type: string }> };
      paths: Record<string, { get?: { security?: unknown } }>;
    };
    expect(doc.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
    expect(doc.paths['/health']?.get?.security).toEqual([]);
  });

  it('maps requests to permissions, exact entries first, closed by default for writes', () => {
    expect(permissionFor('GET', '/kpis')).toBe('figures:read');
    expect(permissionFor('HEAD', '/imports')).toBe('imports:read');
    expect(permissionFor('GET', '/imports/load-1/quarantine')).toBe('imports:read');
    expect(permissionFor('POST', '/imports')).toBe('imports:write');
    expect(permissionFor('DELETE', '/tokens/tok_1')).toBe('tokens:manage');
    expect(permissionFor('GET', '/exports/milestones.csv')).toBe('data:export');
    expect(permissionFor('POST', '/something-new')).toBe('writes:unlisted');
    expect(can({ role: 'analyst', brands: ['a'] }, 'writes:unlisted')).toBe(false);
    expect(can({ role: 'admin', brands: ['a'] }, 'writes:unlisted')).toBe(true);
  });

  it('only lets all-brands tokens manage tokens and train models', () => {
    expect(can({ role: 'admin', brands: null }, 'tokens:manage')).toBe(true);
    expect(can({ role: 'admin', brands: ['a'] }, 'tokens:manage')).toBe(false);
    expect(can({ role: 'analyst', brands: ['a'] }, 'models:run')).toBe(false);
    expect(can({ role: 'admin', brands: null }, 'models:run')).toBe(true);
    expect(permissionFor('POST', '/models/train')).toBe('models:run');
  });

  it('documents every role and permission in docs/api.md', () => {
    const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    for (const p of permissions) expect(doc).toContain(`\`${p}\``);
    for (const r of roles) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${r}\``));
      expect(row, `a table row for ${r}`).toBeDefined();
      const ticks = (row ?? '')
        .split('|')
        .slice(2, -1)
        .map((c) => c.trim() === '✓');
      expect(ticks).toEqual(permissions.map((p) => rolePermissions[r].includes(p)));
    }
  });
});
