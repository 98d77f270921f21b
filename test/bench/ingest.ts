// npm run bench:ingest [-- --rows 5000000 --runs 3]
// Imports a demo milestones CSV through the full pipeline (read, validate, quarantine, merge,
// marts) into a file-backed warehouse, and in the same run loads the same file with DuckDB's own
// read_csv into a table of the same warehouse: rows/s of both and their ratio (target >= 0.5),
// peak RSS (target < 2 GB). Then imports the four real datasets. Last line: one JSON object.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoCsv } from '../../pipelines/demo/write-demo-csv.ts';
import { importFile } from '../../pipelines/ingest/load/import-file.ts';
import { loadMapping } from '../../pipelines/ingest/mapping/load-mapping.ts';
import { openWarehouse } from '../../pipelines/warehouse/warehouse.ts';
import { median, peakRssMb } from './median.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '5000000' }, runs: { type: 'string', default: '3' } },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
const dir = join(import.meta.dirname, '../../bench-results/ingest');
const csvDir = join(dir, `csv-${rows}`);
const file = join(csvDir, 'milestones.csv');

if (!existsSync(file)) {
  console.error(`generating ${rows.toLocaleString('en')} demo milestones as CSV in ${csvDir} ...`);
  await writeDemoCsv(csvDir, { milestones: rows });
}
const lines = Number(statSync(file).size);
console.error(`file: ${file} (${(lines / 1e6).toFixed(0)} MB)`);

const mapping = loadMapping('demo-milestones');
const raw: number[] = [];
const ours: number[] = [];
let counted = 0;
for (let run = 1; run <= runs; run++) {
  const db = join(dir, 'bench.duckdb');
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  const wh = await openWarehouse(db);
  let t = performance.now();
  const n = await wh.withConnection(async (c) => {
    await c.run(`CREATE TABLE raw_read_csv AS SELECT * FROM read_csv($f)`, { f: file });
    const r = await c.runAndReadAll('SELECT count(*)::INTEGER FROM raw_read_csv');
    await c.run('DROP TABLE raw_read_csv');
    return Number(r.getRows()[0]?.[0]);
  });
  raw.push(n / ((performance.now() - t) / 1000));
  t = performance.now();
  const result = await importFile(wh, file, { mapping });
  ours.push(result.counts.read / ((performance.now() - t) / 1000));
  counted = result.counts.read;
  await wh.close();
  console.error(
    `run ${run}: read_csv ${Math.round(raw.at(-1) ?? 0).toLocaleString('en')} rows/s, ` +
      `pipeline ${Math.round(ours.at(-1) ?? 0).toLocaleString('en')} rows/s (${JSON.stringify(result.counts)})`,
  );
}

const real = join(import.meta.dirname, '../../../shared/data/real');
const realRuns: Record<string, unknown> = {};
if (existsSync(real)) {
  mkdirSync(dir, { recursive: true });
  const wh = await openWarehouse(':memory:');
  for (const [name, path, brand] of [
    ['adb', 'adb/adb_success_rate.csv', undefined],
    ['nyc', 'nyc/NYC_capital_projects_20190901.csv', undefined],
    ['sip', 'sip/Sip-task-info.csv', undefined],
    ['delayed-issues', 'delayed_issues/apache_due.csv', 'apache'],
  ] as const) {
    const t = performance.now();
    const r = await importFile(wh, join(real, path), { mapping: loadMapping(name), brand });
    realRuns[name] = { ms: Math.round(performance.now() - t), ...r.counts };
    console.error(`${name}: ${JSON.stringify(realRuns[name])}`);
  }
  await wh.close();
}

const figures = {
  bench: 'ingest',
  rows: counted,
  runs,
  readCsvRowsPerSecMedian: Math.round(median(raw)),
  pipelineRowsPerSecMedian: Math.round(median(ours)),
  ratio: Number((median(ours) / median(raw)).toFixed(3)),
  target: 0.5,
  peakRssMb: peakRssMb(),
  real: realRuns,
};
console.log(JSON.stringify(figures));
