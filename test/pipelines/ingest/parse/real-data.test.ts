import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_MISSING_MARKERS,
  failureReasonSql,
  quoteIdent,
  quoteLiteral,
  valueSql,
  type Transform,
} from '../../../../pipelines/ingest/parse/index.ts';
import { queryRows } from '../../../../pipelines/warehouse/query.ts';
import type { Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { jsOutcome, openTwin, type Outcome } from './twin.ts';

// The real exports in ../shared/data/real (see its README): every value of these columns must
// come out the same in JS and SQL, and the only failures are the ones listed.
const REAL = fileURLToPath(new URL('../../../../../shared/data/real/', import.meta.url));

const columns: [file: string, column: string, t: Transform, failures: Record<string, number>][] = [
  ['sip/est-act-dates.csv', 'EstimateOn', { kind: 'date', format: 'dd-Mon-yy' }, {}],
  ['sip/est-act-dates.csv', 'CompletedOn', { kind: 'date', format: 'dd-Mon-yy' }, {}],
  ['adb/adb_success_rate.csv', 'approvaldate', { kind: 'date', format: 'm/d/yy' }, {}],
  ['adb/adb_success_rate.csv', 'closingdate_final', { kind: 'date', format: 'm/d/yy' }, {}],
  ['adb/adb_success_rate.csv', 'totalcost_initial', { kind: 'money' }, { unparseable: 1 }], // "nda"
  [
    'adb/adb_success_rate.csv',
    'totalcost_initial',
    { kind: 'money', missing: [...DEFAULT_MISSING_MARKERS, 'nda'] },
    {},
  ],
  ['adb/adb_success_rate.csv', 'ied_overall_rating', { kind: 'text', maxLength: 40 }, {}],
  [
    'nyc/NYC_capital_projects_20190901.csv',
    'Date Reported As Of',
    { kind: 'date', format: 'm/d/yyyy' },
    {},
  ],
  [
    'nyc/NYC_capital_projects_20190901.csv',
    'Forecast Completion',
    { kind: 'date', format: 'm/d/yyyy' },
    {},
  ],
  ['nyc/NYC_capital_projects_20190901.csv', 'Budget Forecast', { kind: 'money' }, {}],
  ['nyc/NYC_capital_projects_20190901.csv', 'Latest Budget Changes', { kind: 'money' }, {}],
  ['nyc/NYC_capital_projects_20190901.csv', 'Total Schedule Changes', { kind: 'integer' }, {}],
  ['delayed_issues/apache_due.csv', 'openeddate', { kind: 'date', format: 'iso' }, {}],
  ['delayed_issues/apache_due.csv', 'perofdelay', { kind: 'number' }, {}],
];

describe.skipIf(!existsSync(REAL))('real exports (../shared/data/real)', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await openTwin();
  });
  afterAll(() => wh.close());

  for (const [file, column, t, failures] of columns) {
    it(`${file} ${column} as ${JSON.stringify(t)}`, async () => {
      const col = quoteIdent(column);
      const rows = await wh.withConnection((c) =>
        queryRows<Outcome & { raw: string | null }>(
          c,
          `SELECT ${col} AS raw, ${valueSql(t, col)} AS value, ${failureReasonSql(t, col)} AS reason
           FROM read_csv(${quoteLiteral(REAL + file)}, all_varchar = true, header = true)`,
        ),
      );
      expect(rows.length).toBeGreaterThan(1000);
      const differ = rows.filter((r) => {
        const js = jsOutcome(t, r.raw);
        return !Object.is(js.value, r.value) || js.reason !== r.reason;
      });
      expect(differ.slice(0, 5)).toEqual([]);
      const counts: Record<string, number> = {};
      for (const r of rows) if (r.reason !== null) counts[r.reason] = (counts[r.reason] ?? 0) + 1;
      expect(counts).toEqual(failures);
    });
  }
});
