// The bench's KPI queries run directly in DuckDB, no HTTP, no cache: the query the KPI route runs
// (kpiSummary over the cell marts) and the same aggregation over the per-milestone views
// (kpi_fact_rows / kpi_fact_values: what every request would cost without marts).
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
  factsMsMedian: number;
  factsMsMax: number;
}

async function timeMs(fn: () => Promise<unknown>, repeats: number): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
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
  const mart: number[] = [];
  const facts: number[] = [];
  for (const path of kpiPaths) {
    const query = Object.fromEntries(new URL(path, 'http://x').searchParams);
    const filters = KpiFilters.parse(query);
    mart.push(await timeMs(() => kpiSummary(conn, filters, scope), repeats));
    facts.push(await timeMs(() => factsQuery(conn, filters, scope), repeats));
  }
  const r1 = (x: number) => Number(x.toFixed(1));
  return {
    queries: kpiPaths.length,
    martMsMedian: r1(median(mart)),
    martMsMax: r1(Math.max(...mart)),
    factsMsMedian: r1(median(facts)),
    factsMsMax: r1(Math.max(...facts)),
  };
}
