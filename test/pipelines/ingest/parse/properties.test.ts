import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dayNumberOf,
  daysInMonth,
  fromDayNumber,
} from '../../../../pipelines/calendar/iso-date.ts';
import {
  NARROW_FROM,
  INVISIBLE,
  WHITESPACE,
} from '../../../../pipelines/ingest/parse/clean-cell.ts';
import { dateFormats, type Transform } from '../../../../pipelines/ingest/parse/index.ts';
import { CURRENCY_MARKS, UNIT_FACTORS } from '../../../../pipelines/ingest/parse/number-grammar.ts';
import type { Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { jsOutcome, openTwin, sqlOutcomes } from './twin.ts';

// Each property checks a batch of cells in one SQL query, so a run is one round trip.
const SETTINGS = { seed: 20240305, numRuns: 40 };

let wh: Warehouse;
beforeAll(async () => {
  wh = await openTwin();
});
afterAll(() => wh.close());

type DateFormat = (typeof dateFormats)[number];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FULL_WIDTH = '０１２３４５６７８９';

interface Style {
  pad: boolean;
  monthCase: 0 | 1 | 2;
  dot: boolean;
  time: 0 | 1 | 2 | 3;
  fullWidth: boolean;
  space: boolean;
}
const style = fc.record<Style>({
  pad: fc.boolean(),
  monthCase: fc.constantFrom(0, 1, 2),
  dot: fc.boolean(),
  time: fc.constantFrom(0, 1, 2, 3),
  fullWidth: fc.boolean(),
  space: fc.boolean(),
});

function writeDate(
  format: Exclude<DateFormat, 'auto' | 'excel'>,
  y: number,
  m: number,
  d: number,
  s: Style,
): string {
  const n = (v: number, width = 2) => (s.pad ? String(v).padStart(width, '0') : String(v));
  const y4 = String(y).padStart(4, '0');
  const yy = String(y % 100).padStart(2, '0');
  const mon = [
    MONTHS[m - 1] ?? '???',
    (MONTHS[m - 1] ?? '').toUpperCase(),
    (MONTHS[m - 1] ?? '').toLowerCase(),
  ][s.monthCase];
  const time = ['', ' 10:30', 'T10:30:00Z', ' 12:00:00 AM'][s.time];
  const body = {
    iso: `${y4}-${n(m)}-${n(d)}${time}`,
    'm/d/yy': `${n(m)}/${n(d)}/${yy}${time}`,
    'm/d/yyyy': `${n(m)}/${n(d)}/${y4}${time}`,
    'd/m/yy': `${n(d)}/${n(m)}/${yy}${time}`,
    'd/m/yyyy': `${n(d)}/${n(m)}/${y4}${time}`,
    'dd-Mon-yy': `${n(d)}${s.space ? ' ' : '-'}${mon}${s.space ? ' ' : '-'}${yy}`,
    'dd-Mon-yyyy': `${n(d)}-${mon}-${y4}${time}`,
    'yyyy/m/d': s.dot ? `${y4}.${n(m)}.${n(d)}` : `${y4}/${n(m)}/${n(d)}${time}`,
    chinese: `${y4}年${n(m)}月${n(d)}日`,
    yyyymmdd: `${y4}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`,
  }[format];
  const digits = s.fullWidth ? body.replace(/[0-9]/g, (c) => FULL_WIDTH[Number(c)] ?? c) : body;
  return s.space ? ` ${digits}\u00a0` : digits;
}

const EXCEL_EPOCH = dayNumberOf(1899, 12, 30);
const excelSerial = (day: number) => {
  const serial = day - EXCEL_EPOCH;
  return serial <= 60 ? serial - 1 : serial; // 1900-01-01..02-28 sit before Lotus' 1900-02-29
};
const anyDay = fc.integer({ min: dayNumberOf(1, 1, 1), max: dayNumberOf(9999, 12, 31) });

const patternFormats = dateFormats.filter(
  (f): f is Exclude<DateFormat, 'auto' | 'excel'> => f !== 'auto' && f !== 'excel',
);
const autoFormats = ['iso', 'chinese', 'yyyy/m/d', 'dd-Mon-yy', 'dd-Mon-yyyy', 'yyyymmdd'] as const;

async function bothRead(t: Transform, cells: string[]) {
  const sql = await sqlOutcomes(wh, t, cells);
  return { js: cells.map((c) => jsOutcome(t, c)), sql };
}

describe('dates: written in any supported format, read back as the same date', () => {
  for (const format of patternFormats) {
    const twoDigit = format.endsWith('/yy') || format === 'dd-Mon-yy';
    it(format, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 100 }),
          fc.array(fc.tuple(anyDay, style), { minLength: 1, maxLength: 40 }),
          async (pivotYear, cells) => {
            const dates = cells.map(([day, s]) => {
              const iso = fromDayNumber(day);
              const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
              // a two-digit year can only mean a year of the window the pivot defines
              const year = twoDigit
                ? 1900 + pivotYear + ((((y - 1900 - pivotYear) % 100) + 100) % 100)
                : y;
              const safeDay = Math.min(d, daysInMonth(year, m));
              const want = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(safeDay).padStart(2, '0')}`;
              return { text: writeDate(format, year, m, safeDay, s), want };
            });
            const t: Transform = { kind: 'date', format, pivotYear };
            const got = await bothRead(
              t,
              dates.map((x) => x.text),
            );
            const want = dates.map((x) => ({ value: x.want, reason: null }));
            expect(got.js).toEqual(want);
            expect(got.sql).toEqual(want);
          },
        ),
        SETTINGS,
      );
    });
  }

  it('auto, over its unambiguous formats', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.integer({ min: dayNumberOf(1969, 1, 1), max: dayNumberOf(2068, 12, 31) }),
            style,
            fc.constantFrom(...autoFormats),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        async (cells) => {
          const texts = cells.map(([day, s, f]) => {
            const [y, m, d] = fromDayNumber(day).split('-').map(Number) as [number, number, number];
            return writeDate(f, y, m, d, s);
          });
          const want = cells.map(([day]) => ({ value: fromDayNumber(day), reason: null }));
          const got = await bothRead({ kind: 'date', format: 'auto' }, texts);
          expect(got.js).toEqual(want);
          expect(got.sql).toEqual(want);
        },
      ),
      SETTINGS,
    );
  });

  it('excel serial numbers, with or without a time fraction', async () => {
    const day = fc.integer({ min: dayNumberOf(1900, 1, 1), max: dayNumberOf(9999, 12, 31) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(day, fc.integer({ min: 0, max: 99 })), { minLength: 1, maxLength: 40 }),
        async (cells) => {
          const texts = cells.map(([d, frac]) => `${excelSerial(d)}${frac ? `.${frac}` : ''}`);
          const want = cells.map(([d]) => ({ value: fromDayNumber(d), reason: null }));
          const got = await bothRead({ kind: 'date', format: 'excel' }, texts);
          expect(got.js).toEqual(want);
          expect(got.sql).toEqual(want);
        },
      ),
      SETTINGS,
    );
  });
});

describe('dates: impossible day or month gives NULL with impossible_date', () => {
  const numeric = [
    'iso',
    'm/d/yyyy',
    'd/m/yyyy',
    'yyyy/m/d',
    'chinese',
    'yyyymmdd',
    'dd-Mon-yyyy',
  ] as const;
  const impossible = fc.oneof(
    fc.record({
      y: fc.integer({ min: 1, max: 9999 }),
      m: fc.integer({ min: 13, max: 99 }),
      d: fc.integer({ min: 1, max: 28 }),
    }),
    fc
      .record({
        y: fc.integer({ min: 1, max: 9999 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 0, max: 99 }),
      })
      .filter(({ y, m, d }) => d === 0 || d > daysInMonth(y, m)),
  );
  for (const format of numeric) {
    it(format, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(impossible, style), { minLength: 1, maxLength: 40 }),
          async (cells) => {
            const usable = cells.filter(([{ m }]) => format !== 'dd-Mon-yyyy' || m <= 12);
            const texts = usable.map(([{ y, m, d }, s]) =>
              writeDate(format, y, m, d, { ...s, pad: true }),
            );
            const want = texts.map(() => ({ value: null, reason: 'impossible_date' }));
            const got = await bothRead({ kind: 'date', format }, texts);
            expect(got.js).toEqual(want);
            expect(got.sql).toEqual(want);
          },
        ),
        SETTINGS,
      );
    });
  }
});

describe('numbers: grouping, marks, signs, units and full-width digits do not change the value', () => {
  const amount = fc.record({
    units: fc.bigInt({ min: 0n, max: 10n ** 13n }),
    cents: fc.integer({ min: 0, max: 99 }),
    negative: fc.boolean(),
    parens: fc.boolean(),
    grouping: fc.constantFrom('', ',', ' '),
    mark: fc.constantFrom('', '¥', '￥', 'RMB ', 'US$', '$', '€', 'CNY', ' 元', ' USD', '美元'),
    wan: fc.boolean(),
    fullWidth: fc.boolean(),
  });
  const group = (digits: string, sep: string) =>
    sep ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep) : digits;

  it('money', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(amount, { minLength: 1, maxLength: 50 }), async (cells) => {
        const texts: string[] = [];
        const want: number[] = [];
        for (const a of cells) {
          const exact = `${a.units}.${String(a.cents).padStart(2, '0')}`; // the amount in yuan, as text
          let body: string;
          if (a.wan) {
            // the same amount written in 万: move the decimal point four places
            const digits = `${a.units}${String(a.cents).padStart(2, '0')}`.padStart(7, '0');
            const int = digits.slice(0, -6).replace(/^0+(?=\d)/, '');
            body = `${group(int, a.grouping)}.${digits.slice(-6)}万`;
          } else {
            body = `${group(String(a.units), a.grouping)}.${String(a.cents).padStart(2, '0')}`;
          }
          const suffix = a.mark.startsWith(' ') || a.mark === '美元';
          let text = suffix ? `${body}${a.mark}` : `${a.mark}${body}`;
          if (a.negative) text = a.parens ? `(${text})` : `-${text}`;
          if (a.fullWidth) text = text.replace(/[0-9]/g, (c) => FULL_WIDTH[Number(c)] ?? c);
          const value = Number(exact) * (a.negative ? -1 : 1);
          if (Math.abs(value) >= 1e16) continue;
          texts.push(text);
          want.push(value);
        }
        const got = await bothRead({ kind: 'money' }, texts);
        expect(got.sql).toEqual(got.js); // bit-identical doubles on both sides
        got.js.forEach((o, i) => {
          const w = want[i] ?? Number.NaN;
          expect(o.reason, texts[i]).toBeNull();
          expect(Math.abs((o.value as number) - w), texts[i]).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(w)),
          );
        });
      }),
      SETTINGS,
    );
  });

  it('integers and percentages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -2147483647, max: 2147483647 }), {
          minLength: 1,
          maxLength: 50,
        }),
        fc.constantFrom('', ','),
        async (ints, sep) => {
          const texts = ints.map((n) => (n < 0 ? '-' : '') + group(String(Math.abs(n)), sep));
          const got = await bothRead({ kind: 'integer' }, texts);
          expect(got.js).toEqual(ints.map((n) => ({ value: n, reason: null })));
          expect(got.sql).toEqual(got.js);
          const pct = await bothRead(
            { kind: 'percent' },
            texts.map((t) => `${t}%`),
          );
          expect(pct.sql).toEqual(pct.js);
          pct.js.forEach((o, i) => expect(o.value).toBeCloseTo((ints[i] ?? 0) / 100, 9));
        },
      ),
      SETTINGS,
    );
  });
});

describe('JS and SQL agree on anything (fuzz)', () => {
  const transforms: Transform[] = [
    { kind: 'date', format: 'auto' },
    { kind: 'date', format: 'm/d/yy', pivotYear: 30 },
    { kind: 'date', format: 'excel' },
    { kind: 'number', allowSuffixK: true },
    { kind: 'money' },
    { kind: 'money', allowSuffixK: true },
    { kind: 'integer' },
    { kind: 'percent', scale: 100 },
    { kind: 'text', maxLength: 12 },
    { kind: 'vocabulary', vocabulary: 'milestone_status' },
    { kind: 'vocabulary', vocabulary: 'currency' },
  ];
  // Cells built from the pieces of every grammar (and every special character of clean-cell.ts),
  // so that most of them are valid or nearly valid rather than random noise.
  const opt = (a: fc.Arbitrary<string>) => fc.oneof(fc.constant(''), a);
  const pick = (xs: readonly string[]) => fc.constantFrom(...xs);
  const special = [...WHITESPACE, ...INVISIBLE, ...NARROW_FROM];
  const space = fc.oneof(
    { weight: 4, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: pick([' ', ...special]) },
  );
  const marks = Object.keys(CURRENCY_MARKS).flatMap((m) => [m, m.toUpperCase()]);
  const digits = fc
    .oneof(fc.nat({ max: 9 }), fc.nat({ max: 999 }), fc.nat({ max: 99_999_999 }))
    .map(String);
  const body = fc
    .tuple(
      digits,
      opt(fc.nat({ max: 999 }).map((n) => `,${String(n).padStart(3, '0')}`)),
      opt(digits.map((d) => `.${d}`)),
      opt(pick(['e5', 'E-2', 'e+999'])),
    )
    .map((xs) => xs.join(''));
  const numberish = fc
    .tuple(
      opt(pick(['(', '-', '+', '\u2212'])),
      opt(pick(marks)),
      space,
      opt(pick(['-', '+'])),
      body,
      space,
      opt(pick(Object.keys(UNIT_FACTORS))),
      opt(pick(['%', '％'])),
      space,
      opt(pick(marks)),
      opt(pick([')'])),
      fc.boolean(),
    )
    .map(([a, b, c, d, e, f, g, h, i, j, k, wide]) => {
      const text = [a, b, c, d, e, f, g, h, i, j, k].join('');
      return wide ? text.replace(/[0-9]/g, (ch) => FULL_WIDTH[Number(ch)] ?? ch) : text;
    });
  const month = fc.oneof(
    fc.nat({ max: 40 }).map(String),
    pick(['Jan', 'FEB', 'mar', 'Sep', 'sept', 'Dec']),
  );
  const dateish = fc
    .tuple(
      space,
      pick(['2024', '1999', '0000', '24', '99', '00', '3', '12', '31', '45356', '60']),
      pick(['-', '/', '.', '年', ' ', '']),
      month,
      pick(['-', '/', '.', '月', ' ', '']),
      fc.nat({ max: 40 }).map(String),
      opt(pick(['日', '/24', '/2024'])),
      opt(pick([' 10:30', 'T10:30:00Z', ' 12:00:00 AM', 'T', ' 25:99'])),
      space,
    )
    .map((xs) => xs.join(''));
  const token = fc.oneof(
    digits,
    pick([
      ...special,
      ...marks,
      'na',
      'N/A',
      '无',
      '\u2014',
      'done',
      '已完成',
      'in_progress',
      'İn progress',
      '=',
      '@',
      '-',
      '+',
      '\t',
      '\r',
      '😀',
      "'",
      '"',
      '\\',
      '\u0000',
    ]),
  );
  const tokenString = fc.array(token, { maxLength: 6 }).map((xs) => xs.join(''));
  const cell = fc.oneof(
    { weight: 3, arbitrary: numberish },
    { weight: 3, arbitrary: dateish },
    { weight: 2, arbitrary: tokenString },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  );

  for (const t of transforms) {
    it(JSON.stringify(t), async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(cell, { minLength: 1, maxLength: 60 }), async (cells) => {
          const got = await bothRead(t, cells);
          const diffs = cells.flatMap((c, i) =>
            Object.is(got.js[i]?.value, got.sql[i]?.value) &&
            got.js[i]?.reason === got.sql[i]?.reason
              ? []
              : [{ cell: c, js: got.js[i], sql: got.sql[i] }],
          );
          expect(diffs).toEqual([]);
        }),
        { seed: 7, numRuns: 60 },
      );
    });
  }
});
