import { listValue, type DuckDBValue } from '@duckdb/node-api';
import { cellFilterParams, cellWhereSql } from '../cube/cell-filter.ts';
import type { BrandScope } from '../kpi/filter-sql.ts';
import type { KpiFilters } from '../schema/kpis.ts';

// The WHERE clause of the lists over milestone_facts: the KPI filter by baseline due date (as the
// per-milestone views of the cube, pipelines/cube/cell-filter.ts) plus the list's own filters.
// Constant fragments with named parameters only.

export interface ListFilter {
  readonly where: string;
  readonly params: Record<string, DuckDBValue>;
}

export function listFilter(
  filters: Partial<KpiFilters>,
  scope: BrandScope,
  extra: { status?: readonly string[] | undefined; project?: string | undefined } = {},
): ListFilter {
  const params: Record<string, DuckDBValue> = {
    ...cellFilterParams(filters, scope, null),
    statuses: extra.status?.length ? listValue([...extra.status]) : null,
    project: extra.project ?? null,
  };
  const parts = [cellWhereSql(params, 'facts')];
  if (params.statuses !== null) parts.push('status IN (SELECT unnest($statuses::VARCHAR[]))');
  if (params.project !== null) parts.push('project_id = $project');
  return { where: parts.join(' AND '), params };
}
