import type { BrandScope } from '../pipelines/kpi/filter-sql.ts';
import { currentDataVersion } from '../pipelines/warehouse/marts-queue.ts';
import { modelVersion } from '../pipelines/warehouse/model-version.ts';
import type { Warehouse } from '../pipelines/warehouse/warehouse.ts';
import { weakEtagOf } from './middleware/conditional-get.ts';

/**
 * Everything an export's bytes are made of. The rows and the as-of date come from the loads, so
 * the data version stands for them (a load, and so a new as-of, always makes a new version).
 */
export interface ExportEtagInputs {
  /** The route's path, e.g. /api/exports/cohorts. */
  readonly path: string;
  /** The validated query (filters and format, defaults filled in). */
  readonly query: unknown;
  readonly scope: BrandScope;
  readonly dataVersion: string;
  readonly modelVersion: number | null;
  /** The server's version: a release may change an export's columns or metadata. */
  readonly appVersion: string;
}

/**
 * An export's ETag, from what determines its bytes rather than from the bytes (it streams, so
 * hashing it would mean producing it first). Weak: the same inputs give the same rows and metadata,
 * but Parquet and XLSX files need not be byte for byte the same, and compression changes them.
 * Exports do not depend on the caller's language, so Accept-Language is not an input.
 */
export function exportEtag(inputs: ExportEtagInputs): string {
  return weakEtagOf(canonicalJson(['export-v1', inputs]));
}

/**
 * The ETag of the export `request` would make now, with the versions it comes from (the export
 * then reads them from here, so its ETag and its metadata agree): the data version with marts
 * behind the core tables rebuilt first, as cached answers do, and the model version. Null before
 * the first load (no data version): nothing then says when the rows change.
 */
export async function currentExportEtag(
  warehouse: Warehouse,
  request: Omit<ExportEtagInputs, 'dataVersion' | 'modelVersion'>,
): Promise<{
  etag: string;
  versions: { dataVersion: string; modelVersion: number | null };
} | null> {
  const dataVersion = await currentDataVersion(warehouse);
  if (dataVersion === null) return null;
  const model = await warehouse.withConnection(modelVersion);
  const etag = exportEtag({ ...request, dataVersion, modelVersion: model });
  return { etag, versions: { dataVersion, modelVersion: model } };
}

/** JSON with object keys sorted (array order kept: it is the order of columns and filters). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
