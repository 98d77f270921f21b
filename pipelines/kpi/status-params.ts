import type { DuckDBConnection } from '@duckdb/node-api';
import type { StatusKpiQuery } from '../schema/status-kpis.ts';
import type { Params } from '../warehouse/query.ts';
import { dataAsOf } from './data-as-of.ts';
import { factFilterParams, type BrandScope } from './filter-sql.ts';
import { scopeParam } from './scope-param.ts';

/**
 * The status date of a status-date KPI (the one asked for, else the data's as-of date for the
 * caller) and the parameters of the shared fact filter plus `$asOf`.
 */
export async function statusParams(
  conn: DuckDBConnection,
  query: Partial<StatusKpiQuery>,
  scope: BrandScope,
): Promise<{ asOf: string | null; params: Params }> {
  const asOf = query.asOf ?? (await dataAsOf(conn, scope));
  return { asOf, params: { ...factFilterParams(query, scope), scope: scopeParam(scope), asOf } };
}
