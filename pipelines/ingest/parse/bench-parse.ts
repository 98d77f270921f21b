// Speed check of the SQL value parsers (a script, not a test): stages synthetic VARCHAR columns in
// an in-memory DuckDB, then times each valueSql against a plain cast of the same column, the
// "value, and the reason only where the value is NULL" pattern an importer would use, the three
// ways of looking up a vocabulary, and read_csv(all_varchar) of the same data for scale.
// Prints one JSON line per measurement and a summary line.
//
//   npx tsx pipelines/ingest/parse/bench-parse.ts [rows=1000000]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openWarehouse } from '../../warehouse/warehouse.ts';
import {
  failureReasonSql,
  quoteIdent,
  quoteLiteral,
  resolveVocabulary,
  valueSql,
  type Transform,
} from './index.ts';

const rows = Number(process.argv[2] ?? 1_000_000);

// Deterministic pseudo-random picks: h = hash(i) is stable across runs.
const STAGE = `
CREATE TABLE staged AS
SELECT
  strftime(DATE '2015-01-01' + (h % 4000)::INTEGER, '%Y-%m-%d') AS iso,
  strftime(DATE '2015-01-01' + (h % 4000)::INTEGER, '%Y-%m-%d %H:%M:%S') AS iso_time,
  strftime(DATE '2004-01-01' + (h % 4000)::INTEGER, '%d-%b-%y') AS mon,
  strftime(DATE '1990-01-01' + (h % 9000)::INTEGER, '%-m/%-d/%y') AS mdy,
  strftime(DATE '2015-01-01' + (h % 4000)::INTEGER, '%Y年%-m月%-d日') AS cn,
  CASE h % 4 WHEN 0 THEN strftime(DATE '2015-01-01' + (i % 4000)::INTEGER, '%Y-%m-%d')
    WHEN 1 THEN strftime(DATE '2015-01-01' + (i % 4000)::INTEGER, '%d-%b-%y')
    WHEN 2 THEN strftime(DATE '2015-01-01' + (i % 4000)::INTEGER, '%Y年%-m月%-d日')
    ELSE strftime(DATE '2015-01-01' + (i % 4000)::INTEGER, '%Y%m%d') END AS auto_dates,
  ((h % 10000000) / 100.0)::VARCHAR AS plain,
  format('{:,}', h % 100000000) || '.25' AS grouped,
  '¥' || format('{:,}', h % 1000000) || '.50' AS yuan,
  'RMB ' || ((h % 1000) / 10.0)::VARCHAR || '万' AS wan,
  ((h % 1000) / 10.0)::VARCHAR || '%' AS pct,
  (h % 100000)::VARCHAR AS int,
  CASE WHEN h % 10 = 0 THEN (['  12 ', '１２', 'na', '-', 'abc', '1,2,3', '(7)', '\u200b9'])[1 + (h // 10) % 8]
    ELSE (h % 1000)::VARCHAR END AS dirty,
  'Partner note ' || (h % 100000)::VARCHAR || ' for milestone' AS text,
  (['done', 'Completed', '已完成', '已验收', 'In Progress', 'in_progress', '进行中', '待验收', 'submitted',
    '返工', 'Rework', 'cancelled', '作废', 'planned', '未开始', 'rejected', '驳回', ' done ', 'unknown'])[1 + h % 19] AS status
FROM (SELECT i, (hash(i) % 1000000007)::BIGINT AS h FROM range(${rows}) r(i))`;

interface Case {
  label: string;
  column: string;
  t: Transform;
  cast: string;
}

const cases: Case[] = [
  { label: 'date iso', column: 'iso', t: { kind: 'date', format: 'iso' }, cast: 'DATE' },
  {
    label: 'date iso with time',
    column: 'iso_time',
    t: { kind: 'date', format: 'iso' },
    cast: 'DATE',
  },
  {
    label: 'date dd-Mon-yy',
    column: 'mon',
    t: { kind: 'date', format: 'dd-Mon-yy' },
    cast: 'DATE',
  },
  { label: 'date m/d/yy', column: 'mdy', t: { kind: 'date', format: 'm/d/yy' }, cast: 'DATE' },
  { label: 'date chinese', column: 'cn', t: { kind: 'date', format: 'chinese' }, cast: 'DATE' },
  {
    label: 'date auto (4 formats)',
    column: 'auto_dates',
    t: { kind: 'date', format: 'auto' },
    cast: 'DATE',
  },
  { label: 'number plain', column: 'plain', t: { kind: 'number' }, cast: 'DOUBLE' },
  { label: 'number 1,234,567.25', column: 'grouped', t: { kind: 'number' }, cast: 'DOUBLE' },
  { label: 'money ¥1,234.50', column: 'yuan', t: { kind: 'money' }, cast: 'DOUBLE' },
  { label: 'money RMB 1.2万', column: 'wan', t: { kind: 'money' }, cast: 'DOUBLE' },
  { label: 'percent 12.5%', column: 'pct', t: { kind: 'percent' }, cast: 'DOUBLE' },
  { label: 'integer', column: 'int', t: { kind: 'integer' }, cast: 'INTEGER' },
  { label: 'integer, 10% dirty', column: 'dirty', t: { kind: 'integer' }, cast: 'INTEGER' },
  { label: 'text', column: 'text', t: { kind: 'text', maxLength: 200 }, cast: 'VARCHAR' },
  {
    label: 'vocabulary milestone_status',
    column: 'status',
    t: { kind: 'vocabulary', vocabulary: 'milestone_status' },
    cast: 'VARCHAR',
  },
];

async function best(c: DuckDBConnection, sql: string): Promise<number> {
  let ms = Infinity;
  for (let k = 0; k < 3; k += 1) {
    const t0 = performance.now();
    await c.run(sql);
    ms = Math.min(ms, performance.now() - t0);
  }
  return Math.round(ms);
}

const time = (c: DuckDBConnection, expr: string) =>
  best(c, `SELECT count(x) FROM (SELECT ${expr} AS x FROM staged)`);

/** Value for every row, reason only where the value is NULL: what an importer would run. */
const timeWithReason = (c: DuckDBConnection, k: Case) => {
  const col = quoteIdent(k.column);
  return best(
    c,
    `SELECT count(v), count(r) FROM (
       SELECT v, CASE WHEN v IS NULL THEN ${failureReasonSql(k.t, col)} END AS r
       FROM (SELECT ${col}, ${valueSql(k.t, col)} AS v FROM staged))`,
  );
};

function vocabularyForms(column: string): Record<string, string> {
  const entries = [...resolveVocabulary({ vocabulary: 'milestone_status' })];
  const key = `lower(trim(${column}))`;
  const pairs = entries.map(([k, v]) => `(${quoteLiteral(k)}, ${quoteLiteral(v)})`).join(', ');
  return {
    [`CASE with ${entries.length} branches`]: `CASE ${key} ${entries.map(([k, v]) => `WHEN ${quoteLiteral(k)} THEN ${quoteLiteral(v)}`).join(' ')} END`,
    'MAP literal': `map_extract_value(MAP {${entries.map(([k, v]) => `${quoteLiteral(k)}: ${quoteLiteral(v)}`).join(', ')}}, ${key})`,
    'scalar subquery on VALUES (a join)': `(SELECT v FROM (VALUES ${pairs}) vocab(k, v) WHERE vocab.k = ${key})`,
  };
}

/** read_csv(all_varchar) of the chosen columns, then all their valueSql in one statement. */
async function readCsvBaseline(c: DuckDBConnection, chosen: readonly Case[]) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-parse-'));
  const file = join(dir, 'staged.csv');
  const columns = [...new Set(chosen.map((k) => quoteIdent(k.column)))].join(', ');
  try {
    await c.run(`COPY (SELECT ${columns} FROM staged) TO ${quoteLiteral(file)} (HEADER)`);
    const readMs = await best(
      c,
      `CREATE OR REPLACE TEMP TABLE reread AS SELECT * FROM read_csv(${quoteLiteral(file)}, all_varchar = true, header = true)`,
    );
    const all = chosen.map((k, i) => `${valueSql(k.t, quoteIdent(k.column))} AS c${i}`).join(', ');
    const parseMs = await best(
      c,
      `CREATE OR REPLACE TEMP TABLE typed AS SELECT ${all} FROM reread`,
    );
    // Throughput of read + parse as a share of read alone (the importer's target is >= 0.5).
    const share = +(readMs / (readMs + parseMs)).toFixed(2);
    return { columns: chosen.length, readMs, parseMs, importShareOfReadThroughput: share };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A milestone export as it usually comes: clean ISO dates, amounts, counts, labels, notes. */
const TYPICAL = [
  'date iso',
  'date iso with time',
  'number plain',
  'money ¥1,234.50',
  'integer',
  'text',
  'vocabulary milestone_status',
];

const wh = await openWarehouse(':memory:', { poolSize: 1 });
try {
  await wh.withConnection(async (c) => {
    await c.run(STAGE);
    for (const k of cases) {
      const col = quoteIdent(k.column);
      const value = valueSql(k.t, col);
      const castMs = await time(c, k.cast === 'VARCHAR' ? col : `try_cast(${col} AS ${k.cast})`);
      const valueMs = await time(c, value);
      const withReasonMs = await timeWithReason(c, k);
      const sqlChars = value.length;
      console.log(
        JSON.stringify({
          bench: 'valueSql',
          rows,
          label: k.label,
          castMs,
          valueMs,
          withReasonMs,
          ratio: +(valueMs / Math.max(castMs, 1)).toFixed(1),
          sqlChars,
        }),
      );
    }
    for (const [form, expr] of Object.entries(vocabularyForms(quoteIdent('status')))) {
      console.log(JSON.stringify({ bench: 'vocabulary', rows, form, ms: await time(c, expr) }));
    }
    const everything = await readCsvBaseline(c, cases);
    console.log(
      JSON.stringify({ bench: 'read_csv + parse', rows, set: 'all cases above', ...everything }),
    );
    const typical = await readCsvBaseline(
      c,
      cases.filter((k) => TYPICAL.includes(k.label)),
    );
    console.log(
      JSON.stringify({
        bench: 'read_csv + parse',
        rows,
        set: 'typical milestone export',
        ...typical,
      }),
    );
  });
} finally {
  await wh.close();
}
