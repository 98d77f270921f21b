import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { BrandScope } from './filter-sql.ts';

/**
 * The caller's scope as a `$scope::VARCHAR[]` parameter: null for every brand. DuckDB cannot bind
 * an empty untyped list, so an empty scope becomes [''], which matches no brand (ids are never
 * empty: pipelines/schema/primitives.ts Id).
 */
export function scopeParam(scope: BrandScope): DuckDBValue {
  if (scope === null) return null;
  return listValue(scope.length ? [...scope] : ['']);
}
