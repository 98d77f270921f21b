import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { shippedMappings } from '../../api/routes/mappings.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';

describe('GET /api/imports/mappings', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    app = createApp({ warehouse: wh, version: 'test', log: () => {} });
    await wh.withConnection((c) =>
      c.run(`INSERT INTO brands (brand_id, name) VALUES ('acme', 'Acme')`),
    );
  });
  afterAll(() => wh.close());

  it('lists the shipped mappings by name with their descriptions', async () => {
    const res = await app.request('/api/imports/mappings', {
      headers: bearer(await testToken(wh, 'planner', ['acme'])),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { mappings: { name: string; description: string | null }[] };
    const names = body.mappings.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['adb', 'demo-milestones', 'sip']));
    expect(names).toEqual([...names].sort());
    expect(body.mappings.find((m) => m.name === 'adb')?.description).toMatch(/Asian Development/);
  });

  it('is closed to viewers, like the rest of the imports', async () => {
    const res = await app.request('/api/imports/mappings', {
      headers: bearer(await testToken(wh, 'viewer', ['acme'])),
    });
    expect(res.status).toBe(403);
  });

  it('leaves out files that are not valid mappings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mappings-'));
    try {
      writeFileSync(join(dir, 'broken.json'), '{ not json');
      writeFileSync(join(dir, 'notes.txt'), 'ignored');
      writeFileSync(
        join(dir, 'tiny.json'),
        JSON.stringify({
          name: 'tiny',
          fields: {
            milestoneId: { column: 'id' },
            partnerId: { column: 'partner' },
            baselineDue: { column: 'due' },
          },
        }),
      );
      expect(shippedMappings(dir)).toEqual([{ name: 'tiny', description: null }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists YAML mappings too, and a name once (JSON first, as loadMapping looks it up)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mappings-'));
    const yaml = (name: string, description: string) =>
      `name: ${name}\ndescription: ${description}\nfields:\n  milestoneId: { column: id }\n` +
      `  partnerId: { column: partner }\n  baselineDue: { column: due }\n`;
    try {
      writeFileSync(join(dir, 'erp.yaml'), yaml('erp', 'From YAML'));
      writeFileSync(join(dir, 'sheet.yml'), yaml('sheet', 'From YML'));
      writeFileSync(join(dir, 'broken.yaml'), 'fields: [unclosed');
      writeFileSync(join(dir, 'both.yaml'), yaml('both', 'The YAML one'));
      writeFileSync(
        join(dir, 'both.json'),
        JSON.stringify({
          name: 'both',
          description: 'The JSON one',
          fields: {
            milestoneId: { column: 'id' },
            partnerId: { column: 'p' },
            baselineDue: { column: 'd' },
          },
        }),
      );
      expect(shippedMappings(dir)).toEqual([
        { name: 'both', description: 'The JSON one' },
        { name: 'erp', description: 'From YAML' },
        { name: 'sheet', description: 'From YML' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
