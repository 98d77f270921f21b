import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { loadDemo } from '../../pipelines/demo/load-demo.ts';
import { queryRows } from '../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { fixtureWarehouse } from '../support/fixture-warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';

// Every export format carries its filters, as-of date, model version, data version and scope;
// a large export streams (chunks as DuckDB produces them, no Content-Length).

const meta = (rows: [string, string][]) => Object.fromEntries(rows);

describe('exports', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  let token = '';
  const dir = mkdtempSync(join(tmpdir(), 'milepost-export-test-'));
  beforeAll(async () => {
    wh = await fixtureWarehouse('kpi-small');
    app = createApp({ warehouse: wh, version: 'test', log: () => {} });
    token = await testToken(wh, 'analyst', ['B1']);
  });
  afterAll(async () => {
    await wh.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) => app.request(path, { headers: bearer(token) });
  const query = '/api/exports/cohorts?by=partnerKind&from=2024-01&to=2024-03';

  it('writes CSV with the metadata as leading comment lines', async () => {
    const res = await get(`${query}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('x-milepost-as-of')).toBe('2024-03-10');
    const lines = (await res.text()).trimEnd().split('\n');
    const comments = lines.filter((l) => l.startsWith('# '));
    const m = meta(comments.map((l) => l.slice(2).split(': ') as [string, string]));
    expect(m['milepost.dataset']).toBe('cohorts');
    expect(decodeURIComponent(m['milepost.filters'] ?? '')).toContain('"partnerKind"');
    expect(m['milepost.as_of']).toBe('2024-03-10');
    expect(m['milepost.model_version']).toBe('null');
    expect(m['milepost.scope']).toBe('[%22B1%22]');
    expect(lines[comments.length]).toMatch(/^partnerKind,milestones,/);
    expect(lines.length - comments.length - 1).toBe(2); // B1's two partner kinds
  });

  it('writes XLSX with a data sheet and a metadata sheet', async () => {
    const res = await get(`${query}&format=xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const data = wb.getWorksheet('data');
    expect(data?.getRow(1).getCell(1).value).toBe('partnerKind');
    const rows: [string, string][] = [];
    wb.getWorksheet('metadata')?.eachRow((row, i) => {
      if (i > 1) rows.push([String(row.getCell(1).value), String(row.getCell(2).value)]);
    });
    expect(meta(rows)['milepost.as_of']).toBe('2024-03-10');
    expect(JSON.parse(meta(rows)['milepost.filters'] ?? '{}')).toMatchObject({ from: '2024-01' });
  });

  it('writes Parquet with key-value metadata', async () => {
    const res = await get(`${query}&format=parquet`);
    expect(res.status).toBe(200);
    const file = join(dir, 'cohorts.parquet');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const kv = await wh.withConnection((c) =>
      queryRows<{ k: string; v: string }>(
        c,
        `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata($f)`,
        { f: file },
      ),
    );
    const m = Object.fromEntries(kv.map((r) => [r.k, r.v]));
    expect(m['milepost.dataset']).toBe('cohorts');
    expect(m['milepost.as_of']).toBe('2024-03-10');
    expect(m['milepost.scope']).toBe('["B1"]');
  });

  it('writes an Arrow IPC stream with schema metadata', async () => {
    const res = await get(`${query}&format=arrow`);
    expect(res.status).toBe(200);
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.numRows).toBe(2);
    expect(table.schema.metadata.get('milepost.as_of')).toBe('2024-03-10');
    expect(table.schema.metadata.get('milepost.model_version')).toBe('null');
  });

  it('answers 400 naming the field for an unknown format', async () => {
    const res = await get(`${query}&format=pdf`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { field: string }[] } };
    expect(body.error.details.map((d) => d.field)).toContain('format');
  });
});

describe('a large export', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    await loadDemo(wh, { milestones: 20_000, seed: 3 });
  }, 120_000);
  afterAll(() => wh.close());

  it('streams CSV in many chunks, without a Content-Length', async () => {
    const app = createApp({ warehouse: wh, version: 'test', log: () => {} });
    const res = await app.request('/api/exports/milestones?format=csv', {
      headers: bearer(await testToken(wh)),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBeNull();
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let chunks = 0;
    let bytes = 0;
    let lines = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks += 1;
      bytes += r.value.length;
      for (const b of r.value) if (b === 10) lines += 1;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(lines).toBeGreaterThan(15_000);
  });

  it('sends each Arrow batch once: the rows read back equal the milestones', async () => {
    const app = createApp({ warehouse: wh, version: 'test', log: () => {} });
    const token = await testToken(wh);
    const res = await app.request('/api/exports/milestones?format=arrow', {
      headers: bearer(token),
    });
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    const list = await app.request('/api/milestones?limit=1', { headers: bearer(token) });
    const { total } = (await list.json()) as { total: number };
    expect(table.batches.length).toBeGreaterThan(1);
    expect(total).toBeGreaterThan(15_000);
    expect(table.numRows).toBe(total);
  });
});
