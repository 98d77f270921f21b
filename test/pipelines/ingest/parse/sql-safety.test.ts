import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  failureReasonSql,
  quoteIdent,
  quoteLiteral,
  SqlQuoteError,
  valueSql,
  type Transform,
} from '../../../../pipelines/ingest/parse/index.ts';
import { regexLiteral } from '../../../../pipelines/ingest/parse/sql-quote.ts';
import { queryRow, queryRows } from '../../../../pipelines/warehouse/query.ts';
import type { Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { openTwin } from './twin.ts';

let wh: Warehouse;
beforeAll(async () => {
  wh = await openTwin();
  await wh.withConnection((c) => c.run(`CREATE TABLE victim AS SELECT 1 AS x`));
});
afterAll(() => wh.close());

const victimStillThere = () =>
  wh.withConnection((c) => queryRow<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM victim'));

describe('quoting', () => {
  it('doubles the quote character and refuses NUL and empty names', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral('back\\slash')).toBe("'back\\slash'"); // no escape meaning in DuckDB literals
    expect(() => quoteIdent('')).toThrow(SqlQuoteError);
    expect(() => quoteIdent('a\u0000b')).toThrow(SqlQuoteError);
    expect(() => quoteLiteral('a\u0000b')).toThrow(SqlQuoteError);
    expect(regexLiteral('[\\u{a0}\\u{3000}]')).toBe("'[\\x{a0}\\x{3000}]'");
  });

  it('round-trips hostile identifiers and literals through DuckDB unchanged', async () => {
    const hostile = [
      `x"; DROP TABLE victim; --`,
      `'); DROP TABLE victim; --`,
      'a\\"b',
      '列 名',
      '"',
      "'",
      '\\',
    ];
    for (const text of hostile) {
      const row = await wh.withConnection((c) =>
        queryRow<Record<string, string>>(c, `SELECT ${quoteLiteral(text)} AS ${quoteIdent(text)}`),
      );
      expect(row).toEqual({ [text]: text });
    }
    expect(await victimStillThere()).toEqual({ n: 1 });
  });
});

describe('expressions built from a hostile mapping', () => {
  const column = `amount"; DROP TABLE victim; --`;
  const transforms: Transform[] = [
    {
      kind: 'vocabulary',
      vocabulary: { "'); DROP TABLE victim; --": 'scope' },
      missing: ["'; DROP TABLE victim; --"],
    },
    { kind: 'text', missing: ["x' OR '1'='1"] },
    { kind: 'date', format: 'iso', missing: ["1900-01-01'; DROP TABLE victim; --"] },
    { kind: 'money', missing: ["0'); DROP TABLE victim; --"] },
  ];

  it('treat labels and markers as data, and survive a column name written to break out', async () => {
    const col = quoteIdent(column);
    await wh.withConnection((c) =>
      c.run(
        `CREATE TABLE staged AS SELECT * FROM (VALUES ('''); drop table victim; --'), ('x'' OR ''1''=''1'), ('12')) v(${col})`,
      ),
    );
    for (const t of transforms) {
      const rows = await wh.withConnection((c) =>
        queryRows(
          c,
          `SELECT ${valueSql(t, col)} AS v, ${failureReasonSql(t, col)} AS r FROM staged`,
        ),
      );
      expect(rows).toHaveLength(3);
    }
    const vocab = await wh.withConnection((c) =>
      queryRows(c, `SELECT ${valueSql(transforms[0]!, col)} AS v FROM staged`),
    );
    expect(vocab.map((r) => r.v)).toEqual(['scope', null, null]);
    expect(await victimStillThere()).toEqual({ n: 1 });
  });

  it('refuses column SQL that could capture the names it binds internally', () => {
    expect(() => valueSql({ kind: 'money' }, quoteIdent('__mp_q'))).toThrow(/__mp_/);
  });
});
