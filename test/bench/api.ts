// npm run bench:api [-- --milestones 10000000 --runs 3 --seconds 10 --paths 60 --direct 10
//                     --phases cold,warm,cached]   (e.g. --phases cached for the cached-vs-bare loop)
// Builds (or reuses) the demo warehouse of test/bench/api-warehouse.ts, starts the real app in a
// child process (test/bench/api-server.ts) and drives it with autocannon, 50 connections, as a
// viewer token scoped to two brands (every query brand-scoped, as a brand's dashboard is):
//   1. KPI, trend, scorecard and cohort paths with varied filters (test/bench/api-paths.ts):
//      cold, every request a new filter (computed from the marts); then warm, the same paths
//      again for --seconds (served from the data-version cache): p50/p99 and errors;
//   2. one cached KPI answer vs a bare node:http handler serving the same JSON, alternated in the
//      same run: requests/s and server CPU per request, and their ratios;
//   3. the same KPI queries run directly in DuckDB (marts, and the per-milestone facts).
// Each run starts a fresh server (a cold cache); figures are medians over --runs. The machine is
// shared, so the 1-minute load average is recorded beside each figure. Last line: one JSON object.
import { parseArgs } from 'node:util';
import { listValue } from '@duckdb/node-api';
import { createToken } from '../../pipelines/auth/create-token.ts';
import { revokeToken } from '../../pipelines/auth/revoke-token.ts';
import { queryRows } from '../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { directKpiTimes } from './api-duckdb.ts';
import { runLoad, startServer, type LoadFigures, type ServerChild } from './api-load.ts';
import { benchFamilies, benchPaths, type BenchFamily, type BenchValues } from './api-paths.ts';
import { ensureBenchWarehouse } from './api-warehouse.ts';
import { median } from './median.ts';

const { values: args } = parseArgs({
  options: {
    milestones: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    paths: { type: 'string', default: '60' },
    direct: { type: 'string', default: '10' },
    phases: { type: 'string', default: 'cold,warm,cached' },
  },
});
const milestones = Number(args.milestones);
const runs = Number(args.runs);
const seconds = Number(args.seconds);
const phases = new Set(args.phases.split(','));

/** The two brands with most milestones, their partners and the cohort months. */
async function benchValues(wh: Warehouse): Promise<BenchValues> {
  return wh.withConnection(async (c) => {
    const brands = await queryRows<{ b: string }>(
      c,
      `SELECT brand_id AS b FROM kpi_cells WHERE grain = 'brand_month'
       GROUP BY ALL ORDER BY sum(milestones) DESC, b LIMIT 2`,
    );
    const scope = brands.map((r) => r.b);
    const partners = await queryRows<{ p: string }>(
      c,
      `SELECT DISTINCT partner_id AS p FROM milestone_facts
       WHERE brand_id IN (SELECT unnest($scope::VARCHAR[])) ORDER BY p`,
      { scope: listValue(scope) },
    );
    const months = await queryRows<{ m: string }>(
      c,
      `SELECT DISTINCT strftime(cohort_month, '%Y-%m') AS m FROM kpi_cells
       WHERE grain = 'month' ORDER BY m`,
    );
    return { brands: scope, partners: partners.map((r) => r.p), months: months.map((r) => r.m) };
  });
}

type Phase = Record<BenchFamily, LoadFigures>;
interface RunFigures {
  cold: Phase;
  warm: Phase;
  cached: LoadFigures;
  bare: LoadFigures;
}

async function families(
  server: ServerChild,
  paths: Record<BenchFamily, string[]>,
  headers: Record<string, string>,
  cold: boolean,
): Promise<Phase> {
  const out: Partial<Phase> = {};
  if (!phases.has(cold ? 'cold' : 'warm')) return out as Phase;
  for (const f of benchFamilies) {
    const p = paths[f];
    out[f] = await runLoad(
      server,
      cold ? { paths: p, headers, amount: p.length } : { paths: p, headers, seconds },
    );
  }
  return out as Phase;
}

async function oneRun(dbPath: string, paths: Record<BenchFamily, string[]>, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  const server = await startServer({ mode: 'milepost', dbPath });
  try {
    const cold = await families(server, paths, headers, true);
    const warm = await families(server, paths, headers, false);
    const kpiPath = paths.kpis[0] ?? '/api/kpis';
    const res = await fetch(`http://127.0.0.1:${server.port}${kpiPath}`, { headers });
    const body = await res.text();
    const bare = await startServer({
      mode: 'bare',
      body,
      headers: { 'Content-Type': res.headers.get('content-type') ?? 'application/json' },
    });
    try {
      const one = { paths: [kpiPath], headers, seconds };
      const cached = await runLoad(server, one);
      const bareFigures = await runLoad(bare, one);
      return { cold, warm, cached, bare: bareFigures } satisfies RunFigures;
    } finally {
      await bare.stop();
    }
  } finally {
    await server.stop();
  }
}

/** Medians over runs of each figure; errors are summed (any error in any run counts). */
function summarise(xs: readonly LoadFigures[]) {
  const m = (k: keyof LoadFigures) => Number(median(xs.map((x) => x[k])).toFixed(2));
  return {
    p50Ms: m('p50Ms'),
    p99Ms: m('p99Ms'),
    maxMs: m('maxMs'),
    requestsPerSec: m('requestsPerSec'),
    cpuUsPerRequest: m('cpuUsPerRequest'),
    errors: xs.reduce((s, x) => s + x.errors, 0),
    requests: xs.reduce((s, x) => s + x.requests, 0),
    loadavg1: m('loadavg1'),
  };
}

function phaseSummary(all: readonly RunFigures[], phase: 'cold' | 'warm') {
  const measured = benchFamilies.filter((f) => all.every((r) => r[phase][f]));
  return Object.fromEntries(measured.map((f) => [f, summarise(all.map((r) => r[phase][f]))]));
}

function printRun(n: number, r: RunFigures): void {
  for (const phase of ['cold', 'warm'] as const) {
    for (const f of benchFamilies) {
      const x = r[phase][f];
      if (!x) continue;
      console.error(
        `run ${n} ${phase} ${f.padEnd(9)} p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms, max ${x.maxMs} ms, ` +
          `${x.requestsPerSec} req/s, ${x.errors} errors (load ${x.loadavg1})`,
      );
    }
  }
  console.error(
    `run ${n} cached KPI ${r.cached.requestsPerSec} req/s (${r.cached.cpuUsPerRequest} us cpu/req, load ${r.cached.loadavg1}) ` +
      `vs bare node:http ${r.bare.requestsPerSec} req/s (${r.bare.cpuUsPerRequest} us cpu/req, load ${r.bare.loadavg1})`,
  );
}

const { path: dbPath } = await ensureBenchWarehouse(milestones);
const setup = await openWarehouse(dbPath);
const values = await benchValues(setup);
const paths = Object.fromEntries(
  benchFamilies.map((f) => [f, benchPaths(f, values, Number(args.paths))]),
) as Record<BenchFamily, string[]>;
const created = await setup.withConnection((c) =>
  createToken(c, { name: 'bench:api', role: 'viewer', brands: [...values.brands] }, new Date()),
);
console.error(
  `warehouse ${dbPath}: viewer token for ${values.brands.join(', ')} (${values.partners.length} partners, ` +
    `${values.months.length} months); timing ${args.direct} KPI queries directly in DuckDB ...`,
);
const direct = await setup.withConnection((c) =>
  directKpiTimes(c, paths.kpis.slice(0, Number(args.direct)), [...values.brands], 3),
);
console.error(`direct DuckDB: ${JSON.stringify(direct)}`);
await setup.close();

const all: RunFigures[] = [];
try {
  for (let n = 1; n <= runs; n++) {
    all.push(await oneRun(dbPath, paths, created.token));
    printRun(n, all[n - 1] as RunFigures);
  }
} finally {
  const wh = await openWarehouse(dbPath);
  await wh.withConnection((c) => revokeToken(c, created.tokenId, new Date()));
  await wh.close();
}

const cached = summarise(all.map((r) => r.cached));
const bare = summarise(all.map((r) => r.bare));
const ratio = (xs: number[]) => Number(median(xs).toFixed(3));
const warm = phaseSummary(all, 'warm');
const figures = {
  bench: 'api',
  milestones,
  runs,
  seconds,
  connections: 50,
  pathsPerFamily: Object.fromEntries(benchFamilies.map((f) => [f, paths[f].length])),
  scope: values.brands,
  warm,
  cold: phaseSummary(all, 'cold'),
  warmP99MaxMs: Math.max(...Object.values(warm).map((x) => x.p99Ms)),
  target: { p99Ms: 100, errors: 0, cachedVsBare: 0.5 },
  cachedKpi: cached,
  bareNodeHttp: bare,
  cachedVsBareRps: ratio(all.map((r) => r.cached.requestsPerSec / r.bare.requestsPerSec)),
  cachedVsBareCpu: ratio(all.map((r) => r.bare.cpuUsPerRequest / r.cached.cpuUsPerRequest)),
  duckdbDirect: direct,
};
const kpiCold = figures.cold.kpis as { p50Ms: number; p99Ms: number } | undefined;
console.error(
  `KPI side by side, ms: API cached p50 ${warm.kpis?.p50Ms} / p99 ${warm.kpis?.p99Ms}; ` +
    `API cold p50 ${kpiCold?.p50Ms} / p99 ${kpiCold?.p99Ms} (50 at once); ` +
    `DuckDB alone, one at a time: marts ${direct.martMsMedian}, per-milestone views ${direct.factsMsMedian}`,
);
console.log(JSON.stringify(figures));
process.exit(0);
