import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../../pipelines/ingest/load/import-file.ts';
import { freshness } from '../../../../pipelines/kpi/freshness.ts';
import { currentDataVersion } from '../../../../pipelines/warehouse/marts-queue.ts';
import { queryRow } from '../../../../pipelines/warehouse/query.ts';
import { martsState } from '../../../../pipelines/warehouse/refresh-marts.ts';
import { openWarehouse, type Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { csvFile, erpMapping, header } from './import-helpers.ts';
import { leaveMartsBehind } from './marts-behind.ts';

const row = (id: string, asOfDay: string) => [
  id,
  'P1',
  'creative',
  '2024-03-01',
  `2024-03-${asOfDay}`,
  '',
  '5',
  'planned',
];

describe('marts refreshed after the load commits', () => {
  let wh: Warehouse;
  beforeEach(async () => {
    wh = await openWarehouse(':memory:');
  });
  afterEach(() => wh.close());
  const load = (name: string, ids: string[], extra: Partial<Parameters<typeof importFile>[2]>) =>
    importFile(wh, csvFile(name, [header, ...ids.map((id) => row(id, '10'))]), {
      mapping: erpMapping,
      ...extra,
    });
  const facts = () =>
    wh.withConnection(
      async (c) =>
        (await queryRow<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM milestone_facts'))?.n,
    );

  it('records the core version the marts were built from, and a new data version per load', async () => {
    const phases: string[] = [];
    const r = await load('a.csv', ['A1', 'A2'], {
      asOf: '2024-04-01',
      onProgress: (p) => phases.push(p.phase),
    });
    expect(phases).toEqual(['read', 'validate', 'merge', 'commit', 'marts', 'done']);
    const s1 = await wh.withConnection(martsState);
    expect(s1).toMatchObject({ core: r.loadId, marts: r.loadId, behind: false });
    expect(await facts()).toBe(2);
    const r2 = await load('b.csv', ['A3'], { asOf: '2024-04-02' });
    const s2 = await wh.withConnection(martsState);
    expect(s2).toMatchObject({ core: r2.loadId, marts: r2.loadId, behind: false });
    expect(s2.dataVersion).not.toBe(s1.dataVersion);
    expect(await facts()).toBe(3);
  });

  it('a dry run moves neither the core nor the marts', async () => {
    await load('c.csv', ['C1'], {});
    const before = await wh.withConnection(martsState);
    const r = await load('d.csv', ['D1', 'D2'], { dryRun: true });
    expect(r.counts.inserted).toBe(2);
    expect(await wh.withConnection(martsState)).toEqual(before);
    expect(await facts()).toBe(1);
  });

  it('marts behind the core (crash after the COMMIT) are reported, then rebuilt before an answer', async () => {
    const first = await load('e.csv', ['E1'], { asOf: '2024-04-01' });
    await leaveMartsBehind(wh, first.loadId);
    const stale = await wh.withConnection((c) => freshness(c));
    expect(stale).toMatchObject({
      asOf: '2024-04-05',
      martsCurrent: false,
      martsAsOf: '2024-04-01',
    });
    const version = await currentDataVersion(wh);
    expect(version).not.toBe(stale.dataVersion);
    expect(await facts()).toBe(2);
    const fresh = await wh.withConnection((c) => freshness(c));
    expect(fresh).toMatchObject({
      martsCurrent: true,
      martsAsOf: '2024-04-05',
      dataVersion: version,
    });
  });
});
