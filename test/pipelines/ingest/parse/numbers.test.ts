import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseValueJs, type Transform } from '../../../../pipelines/ingest/parse/index.ts';
import type { Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { checkCases, jsCurrencies, openTwin, sqlCurrencies, type Case } from './twin.ts';

let wh: Warehouse;
beforeAll(async () => {
  wh = await openTwin();
});
afterAll(() => wh.close());

const shared: Case[] = [
  ['1234', 1234],
  ['-1234.5', -1234.5],
  ['+7', 7],
  ['0', 0],
  ['-0', 0],
  ['.5', 0.5],
  ['5.', 5],
  ['007', 7],
  ['1,234,567.89', 1234567.89],
  ['-1,234', -1234],
  ['1 234 567', 1234567],
  ['1\u00a0234', 1234],
  ['(1,234)', -1234],
  ['( 12.5 )', -12.5],
  ['1.5e3', 1500],
  ['2E-2', 0.02],
  ['１２３', 123],
  ['１，２３４．５', 1234.5],
  ['\u2212' + '5', -5], // U+2212 MINUS SIGN
  ['  42\t', 42],
  ['\ufeff42', 42],
  ['1.2万', 12000],
  ['3亿', 300000000],
  ['1,234.5万', 12345000],
  ['1,23', null, 'unparseable'], // a comma that is not a thousands separator
  ['1.234,56', null, 'unparseable'],
  ['12,34,567', null, 'unparseable'],
  ['1 23', null, 'unparseable'],
  ['1.2.3', null, 'unparseable'],
  ['--5', null, 'formula_like'], // starts with - and is no number: Excel would evaluate it
  ['-(5)', null, 'formula_like'],
  ['(5', null, 'unparseable'],
  ['5-', null, 'unparseable'],
  ['5 apples', null, 'unparseable'],
  ['NaN', null, 'unparseable'],
  ['Infinity', null, 'unparseable'],
  ['inf', null, 'unparseable'],
  ['0x10', null, 'unparseable'],
  ['1_000', null, 'unparseable'],
  ['.', null, 'unparseable'],
  ['e5', null, 'unparseable'],
  ['12k', null, 'unparseable'],
  ['12%', null, 'unparseable'],
  ['-', null],
  ['na', null],
  ['', null],
  [null, null],
  ['=1+2', null, 'formula_like'],
  ['+cmd', null, 'unparseable'], // a bare name after + is no expression
  ['@SUM(A1)', null, 'formula_like'],
];

const table: [Transform, Case[]][] = [
  [
    { kind: 'number' },
    [
      ...shared,
      ['¥5', null, 'unparseable'],
      ['1e999', null, 'out_of_range'],
      ['1' + '0'.repeat(400), null, 'out_of_range'],
      ['169276392.71', 169276392.71], // NYC Budget Forecast
    ],
  ],
  [
    { kind: 'number', allowSuffixK: true },
    [
      ['12k', 12000],
      ['1.5M', 1500000],
      ['2 m', 2000000],
      ['3kk', null, 'unparseable'],
    ],
  ],
  [
    { kind: 'money' },
    [
      ...shared,
      ['¥1,234.50', 1234.5],
      ['￥1,234.50', 1234.5],
      ['RMB 1.2万', 12000],
      ['rmb1,000', 1000],
      ['CNY 88', 88],
      ['1,234元', 1234],
      ['1.2万元', 12000],
      ['3.5 人民币', 3.5],
      ['$1,000', 1000],
      ['US$ 2.5', 2.5],
      ['USD 7', 7],
      ['7 usd', 7],
      ['€-5', -5],
      ['-€5', -5],
      ['EUR 5', 5],
      ['5eur', 5],
      ['5 欧元', 5],
      ['(¥1,234)', -1234],
      ['¥(1,234)', -1234],
      ['(1,234元)', -1234],
      ['(1,234)元', -1234],
      ['HK$10', 10],
      ['10 港币', 10],
      ['¥1,234元', null, 'unparseable'], // a mark on both sides
      ['$5 RMB', null, 'unparseable'],
      ['¥-(5)', null, 'unparseable'],
      ['5 krw', 5],
      ['¥', null, 'unparseable'],
      ['RMB', null, 'unparseable'],
      ['1e16', null, 'out_of_range'], // DECIMAL(18,2) holds less than 1e16
      ['9999999999999999', null, 'out_of_range'],
      ['999999999999999.9', 999999999999999.9],
      ['-¥1e20', null, 'out_of_range'], // recognised as money: not relabelled formula_like
    ],
  ],
  [
    { kind: 'money', allowSuffixK: true },
    [
      ['¥12k', 12000],
      ['5k krw', 5000],
      ['5krw', 5],
      ['RMB 2m', 2000000],
      ['2mrmb', 2000000],
    ],
  ],
  [
    { kind: 'integer' },
    [
      ['12', 12],
      ['-12', -12],
      ['1,234', 1234],
      ['12.0', 12],
      ['1.2万', 12000],
      ['2147483647', 2147483647],
      ['2147483648', null, 'out_of_range'],
      ['-2147483648', null, 'out_of_range'],
      ['1.5', null, 'not_integer'],
      ['-0.5', null, 'not_integer'],
      ['1.00001万', null, 'not_integer'],
      ['¥12', null, 'unparseable'],
      ['12 days', null, 'unparseable'],
      ['-', null],
      ['=A1', null, 'formula_like'],
    ],
  ],
  [
    { kind: 'percent' },
    [
      ['12.5%', 0.125],
      ['12.5 %', 0.125],
      ['-3%', -0.03],
      ['(3%)', -0.03],
      ['１２％', 0.12],
      ['0.125', 0.125],
      ['150%', 1.5],
      ['12.5', 12.5],
      ['1.2万%', null, 'unparseable'],
      ['¥5%', null, 'unparseable'],
      ['%', null, 'unparseable'],
    ],
  ],
  [
    { kind: 'percent', scale: 100 },
    [
      ['12.5', 0.125],
      ['12.5%', 0.125],
      ['-7', -0.07],
      ['100', 1],
    ],
  ],
];

describe('numeric transforms, JS and SQL', () => {
  for (const [t, cases] of table) {
    it(`${JSON.stringify(t)} reads ${cases.length} cases the same on both sides`, async () => {
      expect(await checkCases(wh, t, cases)).toEqual({ js: [], sql: [] });
    });
  }

  it('treats any whitespace between tokens as a space', async () => {
    const cases: Case[] = [
      ['5\tUSD', 5],
      ['¥\u00a01,234', 1234],
      ['1\u3000234', 1234],
      ['RMB\u2003 1.2万', 12000],
    ];
    expect(await checkCases(wh, { kind: 'money' }, cases)).toEqual({ js: [], sql: [] });
  });

  it('checks a custom missing marker before reading, even one that looks like a number', async () => {
    const t: Transform = { kind: 'number', missing: ['0', 'TBD'] };
    const cases: Case[] = [
      ['0', null],
      [' 0 ', null],
      ['０', 0], // markers are compared before narrowing: a full-width 0 is a number
      ['00', 0],
      ['tbd', null],
      ['-', null, 'unparseable'], // the default markers are replaced, not extended
    ];
    expect(await checkCases(wh, t, cases)).toEqual({ js: [], sql: [] });
  });

  it('takes numeric spreadsheet cells as they are, applying only scale and range', () => {
    expect(parseValueJs({ kind: 'money' }, 1234.5)).toEqual({ ok: true, value: 1234.5 });
    expect(parseValueJs({ kind: 'percent', scale: 100 }, 12.5)).toEqual({ ok: true, value: 0.125 });
    expect(parseValueJs({ kind: 'integer' }, 2.5)).toEqual({ ok: false, reason: 'not_integer' });
    expect(parseValueJs({ kind: 'number' }, Number.POSITIVE_INFINITY)).toEqual({
      ok: false,
      reason: 'out_of_range',
    });
    expect(parseValueJs({ kind: 'number' }, Number.NaN)).toEqual({ ok: true, value: null });
    expect(parseValueJs({ kind: 'number' }, new Date())).toEqual({
      ok: false,
      reason: 'unparseable',
    });
  });
});

describe('currency of a money cell', () => {
  const cells: [string | null, string | null][] = [
    ['¥1,234.50', 'CNY'],
    ['￥8', 'CNY'],
    ['RMB 1.2万', 'CNY'],
    ['1.2万元', 'CNY'],
    ['100 人民币', 'CNY'],
    ['cny 5', 'CNY'],
    ['$5', 'USD'],
    ['US$ 5', 'USD'],
    ['5 USD', 'USD'],
    ['5美元', 'USD'],
    ['€5', 'EUR'],
    ['(5 EUR)', 'EUR'],
    ['5 欧元', 'EUR'],
    ['HK$ 3', 'HKD'],
    ['£2', 'GBP'],
    ['1,234.50', null],
    ['¥', null],
    ['¥1e20', null],
    ['na', null],
    [null, null],
  ];

  it('is the same ISO code in JS and SQL, and null without a mark or a value', async () => {
    const inputs = cells.map(([raw]) => raw);
    const want = cells.map(([, code]) => code);
    expect(jsCurrencies(inputs)).toEqual(want);
    expect(await sqlCurrencies(wh, inputs)).toEqual(want);
  });
});
