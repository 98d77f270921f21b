import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { canonicalJson } from '../../api/export-etag.ts';
import { refreshMarts } from '../../pipelines/warehouse/refresh-marts.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { fixtureWarehouse } from '../support/fixture-warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';

// Exports stream, so their ETag comes from what their bytes depend on (data and model versions,
// path, validated query, brand scope), never from the bytes; If-None-Match answers 304 before
// any export query runs.

/** The warehouse, recording the SQL text of every statement run through it. */
function recording(wh: Warehouse, sql: string[]): Warehouse {
  const wrap = (conn: DuckDBConnection) =>
    new Proxy(conn, {
      get(target, key) {
        const v: unknown = Reflect.get(target, key, target);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          if (typeof args[0] === 'string') sql.push(args[0]);
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return {
    path: wh.path,
    close: () => wh.close(),
    withConnection: (fn) => wh.withConnection((conn) => fn(wrap(conn))),
  };
}

const routes = ['cohorts?by=partnerKind', 'milestones?', 'projects?', 'partners?'];
const formats = ['csv', 'xlsx', 'parquet', 'arrow'];

describe('export ETags', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  const sql: string[] = [];
  const tokens: Record<'b1' | 'b2' | 'all', string> = { b1: '', b2: '', all: '' };
  beforeAll(async () => {
    wh = await fixtureWarehouse('kpi-small');
    app = createApp({ warehouse: recording(wh, sql), version: 'test', log: () => {} });
    tokens.b1 = await testToken(wh, 'analyst', ['B1']);
    tokens.b2 = await testToken(wh, 'analyst', ['B2']);
    tokens.all = await testToken(wh, 'admin');
  });
  afterAll(() => wh.close());

  const get = (path: string, who: keyof typeof tokens = 'b1', etag?: string) =>
    app.request(`/api/exports/${path}`, {
      headers: { ...bearer(tokens[who]), ...(etag ? { 'If-None-Match': etag } : {}) },
    });
  // A body left unread keeps its export's pooled connection: always read it.
  const statusOf = async (answer: Response | Promise<Response>) => {
    const res = await answer;
    await res.arrayBuffer();
    return res.status;
  };
  const etagOf = async (path: string, who: keyof typeof tokens = 'b1') => {
    const res = await get(path, who);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    return res.headers.get('etag') ?? '';
  };

  it('gives every route and format its own weak ETag, and 304 for it', async () => {
    const seen = new Set<string>();
    for (const route of routes) {
      for (const format of formats) {
        const path = `${route}&format=${format}`;
        const etag = await etagOf(path);
        expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
        seen.add(etag);
        const again = await get(path, 'b1', etag);
        expect(again.status).toBe(304);
        expect(await again.text()).toBe('');
        expect(again.headers.get('etag')).toBe(etag);
        expect(again.headers.get('cache-control')).toBe('private, no-cache');
        expect(again.headers.get('vary')).toContain('Authorization');
        expect(await statusOf(get(path, 'b1', 'W/"other"'))).toBe(200);
      }
    }
    expect(seen.size).toBe(routes.length * formats.length);
  });

  it('answers 304 without running the export query', async () => {
    const path = 'cohorts?by=partnerKind&format=csv';
    sql.length = 0;
    const etag = await etagOf(path);
    expect(sql.some((s) => s.includes('slip_p50_days'))).toBe(true);
    sql.length = 0;
    expect((await get(path, 'b1', etag)).status).toBe(304);
    expect(sql.some((s) => s.includes('slip_p50_days'))).toBe(false);
  });

  it('changes with the filters, not with how the same query is written', async () => {
    const base = await etagOf('cohorts?by=partnerKind&from=2024-01&to=2024-03');
    expect(await etagOf('cohorts?by=partnerKind&from=2024-02&to=2024-03')).not.toBe(base);
    expect(await etagOf('cohorts?by=partnerKind,milestoneType&from=2024-01&to=2024-03')).not.toBe(
      base,
    );
    // Same validated query: parameters reordered, the default format spelled out, an unknown key.
    expect(await etagOf('cohorts?to=2024-03&format=csv&from=2024-01&by=partnerKind&x=1')).toBe(
      base,
    );
  });

  it("never shares an ETag between brand scopes, nor answers 304 to another scope's", async () => {
    const path = 'partners?format=csv';
    const b1 = await etagOf(path, 'b1');
    const b2 = await etagOf(path, 'b2');
    const all = await etagOf(path, 'all');
    expect(new Set([b1, b2, all]).size).toBe(3);
    const res = await get(path, 'b2', b1);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('milepost.scope: [%22B2%22]');
  });

  it('changes after a load makes a new data version', async () => {
    const path = 'milestones?format=parquet';
    const before = await etagOf(path);
    expect(await etagOf(path)).toBe(before);
    await wh.withConnection((conn) => refreshMarts(conn));
    const after = await etagOf(path);
    expect(after).not.toBe(before);
    expect(await statusOf(get(path, 'b1', before))).toBe(200);
    expect(await statusOf(get(path, 'b1', after))).toBe(304);
  });

  it('changes when a new model is trained (exports carry the model version)', async () => {
    const path = 'projects?format=arrow';
    const before = await etagOf(path);
    await wh.withConnection((conn) =>
      conn.run(`INSERT INTO models (version, created_at, scope, rows_trained, features, params, metrics)
        VALUES (1, now(), 'all', 0, '[]', '{}', '{}')`),
    );
    const res = await get(path, 'b1', before);
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    expect(res.headers.get('x-milepost-model-version')).toBe('1');
    expect(res.headers.get('etag')).not.toBe(before);
  });

  it('keeps no ETag on an error answer', async () => {
    const res = await get('cohorts?by=partnerKind&format=pdf');
    expect(res.status).toBe(400);
    expect(res.headers.get('etag')).toBeNull();
  });
});

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: [2, 1], a: { d: 1, c: null } })).toBe(
      '{"a":{"c":null,"d":1},"b":[2,1]}',
    );
  });
});
