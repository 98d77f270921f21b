import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportCounts } from './import-counts.ts';
import type { ImportOptions } from './import-file.ts';

const ts = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/** The load's row in `loads` and the core tables' new version, on the load's transaction. */
export async function recordLoad(
  conn: DuckDBConnection,
  r: {
    loadId: string;
    source: string;
    options: ImportOptions;
    started: Date;
    finished: Date;
    counts: ImportCounts;
  },
) {
  const c = r.counts;
  await conn.run(
    `INSERT INTO loads VALUES ($id, $source, $mapping, $brand, $started::TIMESTAMP, $finished::TIMESTAMP, 'succeeded',
       $read, $inserted, $updated, $unchanged, $quarantined, $asOf::DATE, $message)`,
    {
      id: r.loadId,
      source: r.source,
      mapping: r.options.mapping.name,
      brand: brandOf(r.options),
      started: ts(r.started),
      finished: ts(r.finished),
      read: c.read,
      inserted: c.inserted,
      updated: c.updated,
      unchanged: c.unchanged,
      quarantined: c.quarantined,
      asOf: r.options.asOf ?? r.finished.toISOString().slice(0, 10),
      message: JSON.stringify(c.byRule),
    },
  );
  // The core tables' version: the marts record the one they were built from (refresh-marts.ts).
  await conn.run(
    `INSERT OR REPLACE INTO dataset_facts VALUES ('core_version', to_json($id::VARCHAR))`,
    {
      id: r.loadId,
    },
  );
}

/** A failed load's row in `loads`, after its ROLLBACK (nothing for a dry run). */
export async function recordFailure(
  conn: DuckDBConnection,
  loadId: string,
  source: string,
  options: ImportOptions,
  started: Date,
  finished: Date,
  err: Error,
) {
  if (options.dryRun) return;
  await conn.run(
    `INSERT INTO loads (load_id, source, mapping, brand_id, started_at, finished_at, status, message)
     VALUES ($id, $source, $mapping, $brand, $started::TIMESTAMP, $finished::TIMESTAMP, 'failed', $message)`,
    {
      id: loadId,
      source,
      mapping: options.mapping.name,
      brand: brandOf(options),
      started: ts(started),
      finished: ts(finished),
      message: err.message.slice(0, 2000),
    },
  );
}

/** The brand a load belongs to, for tenant scoping of its history and quarantine. */
function brandOf(options: ImportOptions): string | null {
  const b = options.mapping.brand;
  return options.brand ?? (b && 'constant' in b ? String(b.constant) : null);
}
