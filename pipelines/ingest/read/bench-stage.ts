// Speed check of CSV staging (a script, not a test): writes a synthetic milestone CSV with DuckDB,
// then times, alternately, a plain `CREATE TABLE AS SELECT * FROM read_csv(all_varchar)` and
// stageFile on the same file. With `multiline`, one row in 100 has a line break inside a quoted
// note, which sends source_line through the record scan; with `transaction`, both run inside
// BEGIN ... ROLLBACK as an import does. Prints one JSON line per run and a summary with the
// median rows/s of each and their ratio.
//
//   npx tsx pipelines/ingest/read/bench-stage.ts [rows=1000000] [runs=3] [multiline] [transaction]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../parse/sql-quote.ts';
import { openWarehouse } from '../../warehouse/warehouse.ts';
import { stageFile } from './stage-file.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const multiline = process.argv.includes('multiline');
const transaction = process.argv.includes('transaction');

const note = multiline
  ? `CASE WHEN i % 100 = 0 THEN 'line one' || chr(10) || 'line two' ELSE 'note ' || (i % 1000) END`
  : `'note ' || (i % 1000)`;
const GENERATE = `
COPY (SELECT i AS contract_id, 'P' || (i % 97) AS partner, 'M' || (i % 7) AS milestone,
  strftime(DATE '2020-01-01' + (i % 1500)::INTEGER, '%Y-%m-%d') AS planned,
  strftime(DATE '2020-01-01' + (i % 1500 + i % 40)::INTEGER, '%Y-%m-%d') AS actual,
  round((i % 100000) * 13.37, 2) AS amount, 'CNY' AS currency,
  CASE WHEN i % 5 = 0 THEN 'late' ELSE 'done' END AS status, ${note} AS notes
FROM range(${rows}) t(i)) TO $path (HEADER, DELIMITER ',')`;

async function timed(conn: DuckDBConnection, fn: () => Promise<unknown>): Promise<number> {
  if (transaction) await conn.run('BEGIN TRANSACTION');
  const start = performance.now();
  await fn();
  const seconds = (performance.now() - start) / 1000;
  if (transaction) await conn.run('ROLLBACK');
  return seconds;
}

async function plainRead(conn: DuckDBConnection, path: string): Promise<void> {
  await conn.run(
    `CREATE OR REPLACE TABLE plain AS SELECT * FROM read_csv($path, all_varchar = true)`,
    { path },
  );
}

async function staged(conn: DuckDBConnection, path: string): Promise<void> {
  const result = await stageFile(conn, path, { format: 'csv' });
  if (result.rowsStaged !== rows) throw new Error(`staged ${result.rowsStaged} of ${rows} rows`);
  if (!transaction) await conn.run(`DROP TABLE ${quoteIdent(result.table)}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const dir = mkdtempSync(join(tmpdir(), 'milepost-bench-'));
const path = join(dir, 'milestones.csv');
const wh = await openWarehouse(':memory:', { poolSize: 1 });
try {
  await wh.withConnection(async (conn) => {
    await conn.run(GENERATE, { path });
    const times = { read_csv: [] as number[], stageFile: [] as number[] };
    for (let run = 0; run < runs; run++) {
      const plain = await timed(conn, () => plainRead(conn, path));
      const stage = await timed(conn, () => staged(conn, path));
      times.read_csv.push(plain);
      times.stageFile.push(stage);
      console.log(JSON.stringify({ run, read_csv_s: plain, stageFile_s: stage }));
    }
    const plainRate = rows / median(times.read_csv);
    const stageRate = rows / median(times.stageFile);
    console.log(
      JSON.stringify({
        rows,
        multiline,
        transaction,
        read_csv_rows_per_s: Math.round(plainRate),
        stageFile_rows_per_s: Math.round(stageRate),
        ratio: Number((stageRate / plainRate).toFixed(2)),
      }),
    );
  });
} finally {
  await wh.close();
  rmSync(dir, { recursive: true, force: true });
}
