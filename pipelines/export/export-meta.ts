import type { DuckDBConnection } from '@duckdb/node-api';
import { dataAsOf } from '../kpi/data-as-of.ts';
import type { BrandScope } from '../kpi/filter-sql.ts';
import { readDataVersion } from '../warehouse/data-version.ts';
import { modelVersion } from '../warehouse/model-version.ts';

/** What every export carries about itself (docs/api.md, "Exports"). */
export interface ExportMeta {
  readonly dataset: string;
  /** The validated query that produced it, as JSON. */
  readonly filters: string;
  readonly asOf: string | null;
  readonly modelVersion: number | null;
  readonly dataVersion: string | null;
  /** The caller's brands as JSON, or "all". */
  readonly scope: string;
}

/** The data and model versions an export is made from. */
export interface ExportVersions {
  readonly dataVersion: string | null;
  readonly modelVersion: number | null;
}

/** `versions`: already read by the caller (e.g. for the export's ETag), so the two agree. */
export async function readExportMeta(
  conn: DuckDBConnection,
  dataset: string,
  query: unknown,
  scope: BrandScope,
  versions?: ExportVersions,
): Promise<ExportMeta> {
  return {
    dataset,
    filters: JSON.stringify(query),
    asOf: await dataAsOf(conn, scope),
    modelVersion: versions ? versions.modelVersion : await modelVersion(conn),
    dataVersion: versions ? versions.dataVersion : await readDataVersion(conn),
    scope: scope ? JSON.stringify(scope) : 'all',
  };
}

/** The metadata as key/value text, in a fixed order; absent values are the text 'null'. */
export function metaEntries(meta: ExportMeta): [string, string][] {
  return [
    ['milepost.dataset', meta.dataset],
    ['milepost.filters', meta.filters],
    ['milepost.as_of', meta.asOf ?? 'null'],
    ['milepost.model_version', meta.modelVersion === null ? 'null' : String(meta.modelVersion)],
    ['milepost.data_version', meta.dataVersion ?? 'null'],
    ['milepost.scope', meta.scope],
  ];
}
