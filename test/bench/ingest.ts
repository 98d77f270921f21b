// npm run bench:ingest [-- --rows 5000000 --runs 3]
// Imports a demo milestones CSV through the full pipeline (read, validate, quarantine, merge,
// commit; then the marts refresh in their own transaction) into a file-backed warehouse, and in
// the same run loads the same file with DuckDB's own read_csv into a table of the same warehouse:
// rows/s of both and their ratio, the load up to its COMMIT being the target's figure (>= 0.5;
// the marts' time and the ratio including it are printed separately),
// peak RSS of the whole process, Node and DuckDB (target < 2 GB). The machines these run on are
// shared, so each run also records the CPU seconds both took (less sensitive to other load than
// wall time), and several runs are summarised by their medians. Then imports the four real
// datasets. Last line: one JSON object.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoCsv } from '../../pipelines/demo/write-demo-csv.ts';
import { importFile } from '../../pipelines/ingest/load/import-file.ts';
import { loadMapping } from '../../pipelines/ingest/mapping/load-mapping.ts';
import { memoryLimitOf, openWarehouse } from '../../pipelines/warehouse/warehouse.ts';
import { median, peakRssMb } from './median.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '5000000' },
    runs: { type: 'string', default: '3' },
    'generate-only': { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
const dir = join(import.meta.dirname, '../../bench-results/ingest');
const csvDir = join(dir, `csv-${rows}`);
const file = join(csvDir, 'milestones.csv');

if (values['generate-only']) {
  await writeDemoCsv(csvDir, { milestones: rows });
  process.exit(0);
}
if (!existsSync(file)) {
  // In a child process, so the generator's memory does not count towards the import's peak RSS.
  console.error(`generating ${rows.toLocaleString('en')} demo milestones as CSV in ${csvDir} ...`);
  execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--rows', String(rows), '--generate-only'],
    { stdio: 'inherit' },
  );
}
console.error(`file: ${file} (${(Number(statSync(file).size) / 1e6).toFixed(0)} MB)`);

interface Timed<T> {
  value: T;
  seconds: number;
  cpuSeconds: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<Timed<T>> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return {
    value,
    seconds: (performance.now() - t) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

/**
 * CPU seconds per phase of one import, from its progress calls: read (staging; for a CSV, a fused
 * read that also types and checks every row), validate (typing and checks of a staged file; for a
 * CSV, what quarantine keeps of the faulty rows), merge (quarantine and core tables), commit (recording the load and COMMIT), all in
 * the load's transaction; then marts (their own transaction, after the COMMIT). Also the wall
 * time from the start to the load's COMMIT (the 'marts' call).
 */
function phaseClock() {
  const cpu: Record<string, number> = {};
  const t0 = performance.now();
  let committedAfter = 0;
  let phase = 'start';
  let since = process.cpuUsage();
  const close = () => {
    const used = process.cpuUsage(since);
    cpu[phase] = (cpu[phase] ?? 0) + (used.user + used.system) / 1e6;
    since = process.cpuUsage();
  };
  return {
    mark: (p: { phase: string }) => {
      close();
      if (p.phase === 'marts') committedAfter = (performance.now() - t0) / 1000;
      phase = p.phase;
    },
    done: () => {
      close();
      delete cpu.start;
      delete cpu.done;
      return { cpu, committedAfter };
    },
  };
}

const mapping = loadMapping('demo-milestones');
const phaseCpu: Record<string, number>[] = [];
const raw: Timed<number>[] = [];
/** The whole import, marts included. */
const ours: Timed<number>[] = [];
/** The load up to its COMMIT: the target's figure. */
const loads: Timed<number>[] = [];
for (let run = 1; run <= runs; run++) {
  const db = join(dir, 'bench.duckdb');
  for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
  const wh = await openWarehouse(db);
  raw.push(
    await timed(() =>
      wh.withConnection(async (c) => {
        await c.run(`CREATE TABLE raw_read_csv AS SELECT * FROM read_csv($f)`, { f: file });
        const r = await c.runAndReadAll('SELECT count(*)::INTEGER FROM raw_read_csv');
        await c.run('DROP TABLE raw_read_csv');
        return Number(r.getRows()[0]?.[0]);
      }),
    ),
  );
  const phases = phaseClock();
  const result = await timed(() => importFile(wh, file, { mapping, onProgress: phases.mark }));
  ours.push({ ...result, value: result.value.counts.read });
  const { cpu: byPhase, committedAfter } = phases.done();
  phaseCpu.push(byPhase);
  loads.push({
    value: result.value.counts.read,
    seconds: committedAfter,
    cpuSeconds: sum(byPhase) - (byPhase.marts ?? 0),
  });
  await wh.close();
  const rate = (t: Timed<number>) => Math.round(t.value / t.seconds).toLocaleString('en');
  console.error(
    `run ${run}: read_csv ${rate(raw.at(-1)!)} rows/s, pipeline ${rate(ours.at(-1)!)} rows/s ` +
      `(load to COMMIT ${rate(loads.at(-1)!)} rows/s; ` +
      `cpu ${raw.at(-1)!.cpuSeconds.toFixed(1)} s vs ${result.cpuSeconds.toFixed(1)} s; ` +
      `${Object.entries(phaseCpu.at(-1)!)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}) ` +
      JSON.stringify(result.value.counts),
  );
}

const rowsPerSec = (ts: Timed<number>[]) => median(ts.map((t) => t.value / t.seconds));
const cpu = (ts: Timed<number>[]) => median(ts.map((t) => t.cpuSeconds));
const figures = {
  bench: 'ingest',
  rows: ours[0]?.value ?? 0,
  runs,
  memoryLimit: memoryLimitOf(undefined),
  readCsvRowsPerSecMedian: Math.round(rowsPerSec(raw)),
  // The target's figure: the load (read, validate, quarantine, merge) up to its COMMIT.
  loadRowsPerSecMedian: Math.round(rowsPerSec(loads)),
  ratio: Number((rowsPerSec(loads) / rowsPerSec(raw)).toFixed(3)),
  target: 0.5,
  readCsvCpuSecMedian: Number(cpu(raw).toFixed(1)),
  loadCpuSecMedian: Number(cpu(loads).toFixed(1)),
  cpuRatio: Number((cpu(raw) / cpu(loads)).toFixed(3)),
  pipelineCpuSecByPhase: medianPhases(phaseCpu),
  // The marts refresh after the COMMIT (own transaction), and the ratios including it.
  martsSecMedian: Number(median(ours.map((o, i) => o.seconds - loads[i]!.seconds)).toFixed(2)),
  martsCpuSecMedian: Number(median(phaseCpu.map((p) => p.marts ?? 0)).toFixed(1)),
  pipelineRowsPerSecMedian: Math.round(rowsPerSec(ours)),
  ratioWithMarts: Number((rowsPerSec(ours) / rowsPerSec(raw)).toFixed(3)),
  cpuRatioWithMarts: Number((cpu(raw) / cpu(ours)).toFixed(3)),
  peakRssMb: peakRssMb(),
  real: await importRealDatasets(),
};
if (runs > 1) {
  console.error(
    `medians of ${runs} runs: read_csv ${figures.readCsvRowsPerSecMedian.toLocaleString('en')} rows/s, ` +
      `load ${figures.loadRowsPerSecMedian.toLocaleString('en')} rows/s, ratio ${figures.ratio} ` +
      `(with marts ${figures.pipelineRowsPerSecMedian.toLocaleString('en')} rows/s, ${figures.ratioWithMarts})`,
  );
}
console.log(JSON.stringify(figures));

function sum(p: Record<string, number>): number {
  return Object.values(p).reduce((a, b) => a + b, 0);
}

function medianPhases(ps: Record<string, number>[]): Record<string, number> {
  const names = Object.keys(ps[0] ?? {});
  return Object.fromEntries(
    names.map((n) => [n, Number(median(ps.map((p) => p[n] ?? 0)).toFixed(1))]),
  );
}

/** The four real datasets into a fresh in-memory warehouse: time and counts of each. */
async function importRealDatasets(): Promise<Record<string, unknown>> {
  const real = join(import.meta.dirname, '../../../shared/data/real');
  const out: Record<string, unknown> = {};
  if (!existsSync(real)) return out;
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
    out[name] = { ms: Math.round(performance.now() - t), ...r.counts };
    console.error(`${name}: ${JSON.stringify(out[name])}`);
  }
  await wh.close();
  return out;
}
