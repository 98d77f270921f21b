import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transform } from '../../../../pipelines/ingest/parse/index.ts';
import { queryRow } from '../../../../pipelines/warehouse/query.ts';
import type { Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { checkCases, openTwin, type Case } from './twin.ts';

let wh: Warehouse;
beforeAll(async () => {
  wh = await openTwin();
});
afterAll(() => wh.close());

const date = (
  format: Extract<Transform, { kind: 'date' }>['format'],
  pivotYear?: number,
): Transform =>
  pivotYear === undefined ? { kind: 'date', format } : { kind: 'date', format, pivotYear };

const table: [Transform, Case[]][] = [
  [
    date('iso'),
    [
      ['2024-03-05', '2024-03-05'],
      ['2024-3-5', '2024-03-05'],
      ['2024-03-05 14:30', '2024-03-05'],
      ['2024-03-05 14:30:59', '2024-03-05'],
      ['2024-03-05T14:30:00Z', '2024-03-05'],
      ['2024-03-05T14:30:00.123+08:00', '2024-03-05'],
      ['2024-03-05\t14:30', '2024-03-05'], // any whitespace before the time
      ['2004-01-26 00:00:00', '2004-01-26'], // delayed_issues openeddate
      ['  2024-03-05\u200b ', '2024-03-05'],
      ['２０２４－０３－０５', '2024-03-05'], // full-width digits and hyphens
      ['2024-02-29', '2024-02-29'],
      ['2023-02-29', null, 'impossible_date'],
      ['2024-02-30', null, 'impossible_date'],
      ['2024-13-01', null, 'impossible_date'],
      ['2024-00-10', null, 'impossible_date'],
      ['2024-04-31', null, 'impossible_date'],
      ['1900-02-29', null, 'impossible_date'],
      ['2000-02-29', '2000-02-29'],
      ['0000-01-01', null, 'unparseable'],
      ['0001-01-01', '0001-01-01'],
      ['9999-12-31', '9999-12-31'],
      ['2024-03-05x', null, 'unparseable'],
      ['2024/03/05', null, 'unparseable'],
      ['24-03-05', null, 'unparseable'],
      ['2024-03-05T', null, 'unparseable'],
      ['', null],
      ['   ', null],
      ['-', null],
      ['N/A', null],
      ['无', null],
      ['\u2014', null],
      [null, null],
      ['=DATE(2024,3,5)', null, 'formula_like'],
      ['@today', null, 'formula_like'],
    ],
  ],
  [
    date('m/d/yy'),
    [
      ['12/18/96', '1996-12-18'], // adb approvaldate
      ['7/31/01', '2001-07-31'],
      ['1/1/68', '2068-01-01'],
      ['1/1/69', '1969-01-01'],
      ['2/29/00', '2000-02-29'],
      ['2/29/01', null, 'impossible_date'],
      ['13/1/20', null, 'impossible_date'],
      ['1/1/2020', null, 'unparseable'],
      ['na', null],
    ],
  ],
  [
    date('m/d/yy', 50),
    [
      ['1/1/49', '2049-01-01'],
      ['1/1/50', '1950-01-01'],
      ['12/31/99', '1999-12-31'],
    ],
  ],
  [
    date('m/d/yy', 0),
    [
      ['2/28/00', '1900-02-28'],
      ['2/29/00', null, 'impossible_date'],
    ],
  ],
  [
    date('m/d/yy', 100),
    [
      ['2/29/00', '2000-02-29'],
      ['1/1/99', '2099-01-01'],
    ],
  ],
  [
    date('m/d/yyyy'),
    [
      ['05/01/2014 12:00:00 AM', '2014-05-01'], // NYC Date Reported As Of
      ['09/23/2013', '2013-09-23'],
      ['3/5/2024', '2024-03-05'],
      ['2/30/2024', null, 'impossible_date'],
      ['13/5/2024', null, 'impossible_date'],
      ['3/5/24', null, 'unparseable'],
    ],
  ],
  [
    date('d/m/yyyy'),
    [
      ['3/5/2024', '2024-05-03'],
      ['31/12/2024', '2024-12-31'],
      ['12/31/2024', null, 'impossible_date'],
    ],
  ],
  [
    date('d/m/yy'),
    [
      ['31/12/24', '2024-12-31'],
      ['29/2/23', null, 'impossible_date'],
    ],
  ],
  [
    date('dd-Mon-yy'),
    [
      ['02-Nov-04', '2004-11-02'], // sip EstimateOn
      ['05-Mar-14', '2014-03-05'],
      ['5-mar-14', '2014-03-05'],
      ['05-MAR-14', '2014-03-05'],
      ['05 Mar 14', '2014-03-05'],
      ['31-Sep-14', null, 'impossible_date'],
      ['29-Feb-16', '2016-02-29'],
      ['29-Feb-15', null, 'impossible_date'],
      ['05-Mrz-14', null, 'unparseable'],
      ['05-March-14', null, 'unparseable'],
      ['05-Mar-2014', null, 'unparseable'],
    ],
  ],
  [
    date('dd-Mon-yyyy'),
    [
      ['05-Mar-2014', '2014-03-05'],
      ['5 oct 1999', '1999-10-05'],
      ['05-Mar-14', null, 'unparseable'],
    ],
  ],
  [
    date('yyyy/m/d'),
    [
      ['2024/3/5', '2024-03-05'],
      ['2024/03/05 08:00', '2024-03-05'],
      ['2024.3.5', '2024-03-05'],
      ['2024/3.5', null, 'unparseable'],
      ['2024/2/30', null, 'impossible_date'],
    ],
  ],
  [
    date('chinese'),
    [
      ['2024年3月5日', '2024-03-05'],
      ['2024年03月05日', '2024-03-05'],
      ['２０２４年３月５日', '2024-03-05'],
      ['2024年3月5日 10:30', '2024-03-05'],
      ['2024年2月30日', null, 'impossible_date'],
      ['2024年3月5', null, 'unparseable'],
    ],
  ],
  [
    date('yyyymmdd'),
    [
      ['20240305', '2024-03-05'],
      ['20240230', null, 'impossible_date'],
      ['20241305', null, 'impossible_date'],
      ['2024035', null, 'unparseable'],
      ['202403051', null, 'unparseable'],
    ],
  ],
  [
    date('excel'),
    [
      ['45356', '2024-03-05'],
      ['45356.75', '2024-03-05'],
      ['1', '1900-01-01'],
      ['59', '1900-02-28'],
      ['60', null, 'impossible_date'], // Lotus' 1900-02-29
      ['61', '1900-03-01'],
      ['0', null, 'impossible_date'],
      ['2958465', '9999-12-31'],
      ['2958466', null, 'impossible_date'],
      ['-1', null, 'unparseable'],
      ['4.5e4', null, 'unparseable'],
    ],
  ],
  [
    date('auto'),
    [
      ['2024-03-05', '2024-03-05'],
      ['2024年3月5日', '2024-03-05'],
      ['2024/3/5', '2024-03-05'],
      ['2024.03.05', '2024-03-05'],
      ['05-Mar-14', '2014-03-05'],
      ['05-Mar-2014', '2014-03-05'],
      ['20240305', '2024-03-05'],
      ['3/5/2024', null, 'ambiguous'],
      ['13/5/2024', null, 'ambiguous'], // never guessed, even when only one reading is possible
      ['03-05-24', null, 'ambiguous'],
      ['5.3.2024 10:00', null, 'ambiguous'],
      ['2024-02-30', null, 'impossible_date'],
      ['45356', null, 'unparseable'],
      ['next tuesday', null, 'unparseable'],
    ],
  ],
];

describe('date transforms, JS and SQL', () => {
  for (const [t, cases] of table) {
    it(`${JSON.stringify(t)} reads ${cases.length} cases the same on both sides`, async () => {
      expect(await checkCases(wh, t, cases)).toEqual({ js: [], sql: [] });
    });
  }

  it('custom missing markers replace the defaults (a sentinel date becomes missing)', async () => {
    const t: Transform = { kind: 'date', format: 'iso', missing: ['1900-01-01', 'TBD'] };
    const cases: Case[] = [
      ['1900-01-01', null],
      ['tbd', null],
      ['na', null, 'unparseable'],
      ['2024-03-05', '2024-03-05'],
    ];
    expect(await checkCases(wh, t, cases)).toEqual({ js: [], sql: [] });
  });

  it('reads spreadsheet cells that arrive as Date objects and serial numbers', async () => {
    const { parseValueJs } = await import('../../../../pipelines/ingest/parse/index.ts');
    expect(parseValueJs(date('iso'), new Date(Date.UTC(2024, 2, 5)))).toEqual({
      ok: true,
      value: '2024-03-05',
    });
    expect(parseValueJs(date('excel'), 45356)).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseValueJs(date('yyyymmdd'), 20240305)).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseValueJs(date('iso'), new Date(Number.NaN))).toEqual({
      ok: false,
      reason: 'unparseable',
    });
  });
});

describe('DuckDB behaviour the date SQL relies on', () => {
  it('try_strptime and the DATE cast refuse impossible dates instead of rolling them over', async () => {
    const row = await wh.withConnection((c) =>
      queryRow<Record<string, string | null>>(
        c,
        `SELECT CAST(try_strptime('2024-02-30', '%Y-%m-%d') AS DATE) AS a,
                CAST(try_strptime('31-Sep-14', '%d-%b-%y') AS DATE) AS b,
                try_cast('2023-02-29' AS DATE) AS c,
                CAST(try_strptime('2024-02-29', '%Y-%m-%d') AS DATE) AS d`,
      ),
    );
    expect(row).toEqual({ a: null, b: null, c: null, d: '2024-02-29' });
  });

  it('the DATE cast reads an ISO date as written and ignores the time, AM/PM and zone after it', async () => {
    const row = await wh.withConnection((c) =>
      queryRow<Record<string, string | null>>(
        c,
        `SELECT try_cast('2024-03-05T23:30:00-05:00' AS DATE) AS a, try_cast('2024-03-05 12:00:00 AM' AS DATE) AS b,
                try_cast('2024-02-30 10:00' AS DATE) AS c`,
      ),
    );
    expect(row).toEqual({ a: '2024-03-05', b: '2024-03-05', c: null });
  });

  it("strptime's own %y pivot is fixed at 69, which is why centuries are added before it", async () => {
    const row = await wh.withConnection((c) =>
      queryRow<Record<string, string>>(
        c,
        `SELECT CAST(strptime('1/1/68', '%m/%d/%y') AS DATE) AS a, CAST(strptime('1/1/69', '%m/%d/%y') AS DATE) AS b`,
      ),
    );
    expect(row).toEqual({ a: '2068-01-01', b: '1969-01-01' });
  });
});
