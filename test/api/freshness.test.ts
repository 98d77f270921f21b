import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { importFile } from '../../pipelines/ingest/load/import-file.ts';
import { readDataVersion } from '../../pipelines/warehouse/data-version.ts';
import { queryRow } from '../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { csvFile, erpMapping, header } from '../pipelines/ingest/load/import-helpers.ts';
import { leaveMartsBehind } from '../pipelines/ingest/load/marts-behind.ts';
import { bearer, testToken } from '../support/test-token.ts';

const row = ['E1', 'P1', 'creative', '2024-03-01', '2024-03-10', '', '5', 'planned'];

describe('GET /api/freshness and marts behind the core tables', () => {
  let wh: Warehouse;
  beforeEach(async () => {
    wh = await openWarehouse(':memory:');
  });
  afterEach(() => wh.close());

  it('reports the marts as current with their as-of date after a load', async () => {
    await importFile(wh, csvFile('f1.csv', [header, row]), {
      mapping: erpMapping,
      asOf: '2024-04-01',
    });
    const app = createApp({ warehouse: wh, version: 'test', log: () => {} });
    const res = await app.request('/api/freshness', { headers: bearer(await testToken(wh)) });
    expect(res.status).toBe(200);
    const dataVersion = await wh.withConnection(readDataVersion);
    expect(dataVersion).toEqual(expect.any(String));
    expect(await res.json()).toMatchObject({
      asOf: '2024-04-01',
      dataVersion,
      martsCurrent: true,
      martsAsOf: '2024-04-01',
    });
  });

  it('rebuilds marts that missed a committed load before answering', async () => {
    const first = await importFile(wh, csvFile('f2.csv', [header, row]), {
      mapping: erpMapping,
      asOf: '2024-04-01',
    });
    await leaveMartsBehind(wh, first.loadId);
    const app = createApp({ warehouse: wh, version: 'test', log: () => {} });
    const res = await app.request('/api/freshness', { headers: bearer(await testToken(wh)) });
    expect(await res.json()).toMatchObject({
      asOf: '2024-04-05',
      martsCurrent: true,
      martsAsOf: '2024-04-05',
    });
    const facts = await wh.withConnection((c) =>
      queryRow<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM milestone_facts'),
    );
    expect(facts?.n).toBe(2);
  });
});
