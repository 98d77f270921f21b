import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { BrandScope } from '../kpi/filter-sql.ts';
import type { KpiFilters } from '../schema/kpis.ts';
import { queryRows } from '../warehouse/query.ts';
import {
  cellFilterParams,
  cellWhereSql,
  filteredColumns,
  monthAligned,
  type CellSourceKind,
} from './cell-filter.ts';
import { cubeSql } from './cube-sql.ts';
import { dimensionSpecs, type CellColumn, type CohortDimension } from './dimensions.ts';
import { pickGrain, type GrainName } from './grains.ts';

export interface CubeQuery {
  readonly filters: Partial<KpiFilters>;
  readonly scope: BrandScope;
  /** Zero, one or two dimensions to group by. */
  readonly by: readonly CohortDimension[];
  /** Also the total over every group, as a last row with t = 1 (see cubeRowsWithTotal). */
  readonly withTotal?: boolean;
}

/** One group of the aggregation, in the flat form exports write. */
export interface CubeRow {
  k1: string | null;
  k2: string | null;
  milestones: number;
  completed: number;
  open: number;
  on_time: number;
  submitted: number;
  disputed: number;
  slip_p50: number | null;
  slip_p80: number | null;
  slip_p90: number | null;
  pay_p50: number | null;
  ver_p50: number | null;
  slip_mean: number | null;
  pay_mean: number | null;
  pay_count: number;
  ver_count: number;
  value: number;
  value_currency: string | null;
  value_unconverted: number;
  billed: number;
  disputed_amount: number;
  amount_currency: string | null;
  unconverted: number;
}

export interface CubePlan {
  readonly sql: string;
  readonly params: Record<string, DuckDBValue>;
  readonly source: CellSourceKind;
  readonly grain: GrainName | null;
}

/** Which cells answer the query, and the SQL that aggregates them. */
export function planCube(q: CubeQuery): CubePlan {
  if (q.by.length > 2) throw new RangeError('at most two dimensions');
  const needed = new Set<CellColumn>(filteredColumns(q.filters, q.scope));
  for (const d of q.by) needed.add(dimensionSpecs[d].needs);
  const grain = monthAligned(q.filters) ? pickGrain(needed) : null;
  const source: CellSourceKind = grain ? 'marts' : 'facts';
  const params = cellFilterParams(q.filters, q.scope, grain);
  const [d1, d2] = q.by.map((d) => dimensionSpecs[d]);
  const where = cellWhereSql(params, source);
  const sql = cubeSql(source, where, d1 ?? null, d2 ?? null, q.withTotal ?? false);
  return { sql, params, source, grain };
}

export async function cubeRows(conn: DuckDBConnection, q: CubeQuery): Promise<CubeRow[]> {
  const plan = planCube(q);
  return queryRows<CubeRow>(conn, plan.sql, plan.params);
}

/**
 * The groups of `q` and their total (what `by: []` answers), from one query when both read the
 * same cells: a partner's scorecard (KPIs and monthly trend) costs one cube query instead of two.
 * Every grain keeps the cohort month, so grouping by month never changes the cells; other
 * dimensions may need a finer grain, whose sums could differ from the by-[] answer in the last
 * bits of a double, so those ask two queries and the answers stay identical.
 */
export async function cubeRowsWithTotal(
  conn: DuckDBConnection,
  q: CubeQuery,
): Promise<{ rows: CubeRow[]; total: CubeRow }> {
  const plan = planCube({ ...q, withTotal: true });
  if (plan.grain !== planCube({ ...q, by: [] }).grain) {
    const [total] = await cubeRows(conn, { ...q, by: [] });
    return { rows: await cubeRows(conn, q), total: total ?? emptyCubeRow() };
  }
  const all = await queryRows<CubeRow & { t: number }>(conn, plan.sql, plan.params);
  const rows: CubeRow[] = [];
  let total = emptyCubeRow();
  for (const { t, ...row } of all) {
    if (t === 1) total = row;
    else rows.push(row);
  }
  return { rows, total };
}

/** A group with nothing in it, for filters that match no milestone. */
export function emptyCubeRow(): CubeRow {
  return {
    k1: null,
    k2: null,
    milestones: 0,
    completed: 0,
    open: 0,
    on_time: 0,
    submitted: 0,
    disputed: 0,
    slip_p50: null,
    slip_p80: null,
    slip_p90: null,
    pay_p50: null,
    ver_p50: null,
    slip_mean: null,
    pay_mean: null,
    pay_count: 0,
    ver_count: 0,
    value: 0,
    value_currency: null,
    value_unconverted: 0,
    billed: 0,
    disputed_amount: 0,
    amount_currency: null,
    unconverted: 0,
  };
}
