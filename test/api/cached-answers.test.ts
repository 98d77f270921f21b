import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { DataVersionMemo } from '../../pipelines/cache/data-version-memo.ts';
import { readDataVersion } from '../../pipelines/warehouse/data-version.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';

// KPI answers are cached per data version. The version is memoised (read at most once a second by
// default), and a load through the API makes the very next answer fresh. ETag / If-None-Match work on cached answers.

const mappingJson = JSON.stringify({
  name: 'cache-test',
  brand: { constant: 'acme' },
  fields: {
    milestoneId: { column: 'id' },
    partnerId: { column: 'partner' },
    baselineDue: { column: 'due' },
    approvedDate: { column: 'done' },
  },
});

function upload(rows: string[]): FormData {
  const f = new FormData();
  f.append('file', new Blob([['id,partner,due,done', ...rows].join('\n')]), 'm.csv');
  f.append('mappingJson', mappingJson);
  return f;
}

describe('cached answers', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  let headers: { Authorization: string };
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    // A version read once a minute: only the import route's invalidate() can make answers fresh.
    const dataVersion = new DataVersionMemo(() => wh.withConnection(readDataVersion), 60_000);
    app = createApp({
      warehouse: wh,
      version: 'test',
      log: () => {},
      rateLimit: null,
      dataVersion,
    });
    await wh.withConnection((c) =>
      c.run(`INSERT INTO brands (brand_id, name) VALUES ('acme', 'Acme')`),
    );
    headers = bearer(await testToken(wh, 'admin'));
  });
  afterAll(() => wh.close());

  const total = async () => {
    const res = await app.request('/api/kpis?brand=acme', { headers });
    return ((await res.json()) as { milestones: { total: number } }).milestones.total;
  };
  const load = (rows: string[]) =>
    app.request('/api/imports', { method: 'POST', body: upload(rows), headers });

  it('answers a load through the API at once, however long the version is kept', async () => {
    expect((await load(['M1,P1,2024-03-10,2024-03-12'])).status).toBe(201);
    expect(await total()).toBe(1);
    expect((await load(['M2,P1,2024-03-15,', 'M3,P2,2024-02-10,'])).status).toBe(201);
    expect(await total()).toBe(3);
  });

  it('answers If-None-Match with 304 and no body, and 200 for another ETag', async () => {
    const first = await app.request('/api/kpis/trend?brand=acme', { headers });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    const again = await app.request('/api/kpis/trend?brand=acme', {
      headers: { ...headers, 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const other = await app.request('/api/kpis/trend?brand=acme', {
      headers: { ...headers, 'If-None-Match': 'W/"other"' },
    });
    expect(other.status).toBe(200);
  });

  it('keeps the security and caching headers on cached answers', async () => {
    // Asked twice, so the second answer is a replay whatever ran before this test.
    await app.request('/api/kpis?brand=acme', { headers });
    const res = await app.request('/api/kpis?brand=acme', { headers });
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('vary')).toContain('Authorization');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('DataVersionMemo', () => {
  it('reads once per max age, again after invalidate, and retries after a failed read', async () => {
    let t = 0;
    let reads = 0;
    let fail = false;
    const memo = new DataVersionMemo(
      async () => {
        reads += 1;
        if (fail) throw new Error('busy');
        return `v${reads}`;
      },
      1000,
      () => t,
    );
    expect(await memo.current()).toBe('v1');
    t = 999;
    expect(await memo.current()).toBe('v1');
    t = 1000;
    expect(await memo.current()).toBe('v2');
    memo.invalidate();
    expect(await memo.current()).toBe('v3');
    memo.invalidate();
    fail = true;
    await expect(memo.current()).rejects.toThrow('busy');
    fail = false;
    expect(await memo.current()).toBe('v5');
    expect(reads).toBe(5);
  });
});
