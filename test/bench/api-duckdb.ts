// The bench's KPI queries run directly in DuckDB, no HTTP, no cache: the query the KPI route runs
// (kpiSummary over the cell marts) and the same aggregation over the per-milestone views
// (kpi_fact_rows / kpi_fact_values: what every request would cost without marts). Wall time and
// CPU time (process.cpuUsage: DuckDB's threads are this process's) per query; the mart queries
// once more with `SET threads = 1`, since under 50 concurrent requests intra-query parallelism
// only adds CPU (each cold answer is CPU-bound, and the cores are already busy).
import type { DuckDBConnection } from '@duckdb/node-api';
import { cellFilterParams, cellWhereSql } from '../../pipelines/cube/cell-filter.ts';
import { cubeSql } from '../../pipelines/cube/cube-sql.ts';
import type { BrandScope } from '../../pipelines/kpi/filter-sql.ts';
import { kpiSummary } from '../../pipelines/kpi/kpi-summary.ts';
import { KpiFilters } from '../../pipelines/schema/kpis.ts';
import { queryRows } from '../../pipelines/warehouse/query.ts';
import { median } from './median.ts';

export interface DirectFigures {
  queries: number;
  /** Median over the queries of each query's median time, ms. */
  martMsMedian: number;
  martMsMax: number;
  /** The same for CPU time, ms: what a cold answer costs the server's cores. */
  martCpuMsMedian: number;
  /** CPU per mart query with DuckDB's `threads = 1`, ms. */
  martCpuMsMedianThreads1: number;
  factsMsMedian: number;
  factsMsMax: number;
}

interface Timing {
  wall: number;
  cpu: number;
}

/** Median wall and CPU time of `repeats` calls, ms. */
async function timeMs(fn: () => Promise<unknown>, repeats: number): Promise<Timing> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function factsQuery(conn: DuckDBConnection, filters: KpiFilters, scope: BrandScope) {
  const params = cellFilterParams(filters, scope, null);
  return queryRows(conn, cubeSql('facts', cellWhereSql(params, 'facts'), null, null), params);
}

/** Times each /api/kpis path's query on the marts and on the facts, one at a time. */
export async function directKpiTimes(
  conn: DuckDBConnection,
  kpiPaths: readonly string[],
  scope: BrandScope,
  repeats: number,
): Promise<DirectFigures> {
  const mart: Timing[] = [];
  const mart1: Timing[] = [];
  const facts: Timing[] = [];
  const filters = kpiPaths.map((path) =>
    KpiFilters.parse(Object.fromEntries(new URL(path, 'http://x').searchParams)),
  );
  for (const f of filters) {
    mart.push(await timeMs(() => kpiSummary(conn, f, scope), repeats));
    facts.push(await timeMs(() => factsQuery(conn, f, scope), repeats));
  }
  await conn.run('SET threads = 1');
  try {
    for (const f of filters) mart1.push(await timeMs(() => kpiSummary(conn, f, scope), repeats));
  } finally {
    await conn.run('RESET threads');
  }
  const r1 = (x: number) => Number(x.toFixed(1));
  const wall = (xs: Timing[]) => xs.map((x) => x.wall);
  return {
    queries: kpiPaths.length,
    martMsMedian: r1(median(wall(mart))),
    martMsMax: r1(Math.max(...wall(mart))),
    martCpuMsMedian: r1(median(mart.map((x) => x.cpu))),
    martCpuMsMedianThreads1: r1(median(mart1.map((x) => x.cpu))),
    factsMsMedian: r1(median(wall(facts))),
    factsMsMax: r1(Math.max(...wall(facts))),
  };
}
