// Loads a generated demo data set into the warehouse in one transaction: appenders for every
// table, batch by batch, then the marts, the `loads` audit row and the planted truth. Any error
// (including one thrown by a progress callback or hook) rolls everything back, so a failed load
// leaves the warehouse exactly as it was.
import type { DuckDBConnection } from '@duckdb/node-api';
import { assertUniqueMilestones } from '../warehouse/insert-records.ts';
import { refreshMarts } from '../warehouse/refresh-marts.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { DemoOptions } from './demo-options.ts';
import type { OnDemoProgress } from './demo-progress.ts';
import { batchTables, referenceTables } from './demo-tables.ts';
import type { DemoTableName } from './demo-tables.ts';
import type { DemoTruth } from './demo-truth.ts';
import { addTally, emptyTally } from './effect-tally.ts';
import { createDemoDataset } from './generate-demo.ts';
import type { DemoDataset } from './generate-demo.ts';
import { openDemoAppenders } from './table-appenders.ts';
import type { DemoAppenders } from './table-appenders.ts';

export interface LoadDemoOptions extends DemoOptions {
  /** Clock for the audit timestamps of the `loads` row (the data never reads it). */
  clock?: () => Date;
  /** Called after each batch is appended; a throw aborts the load (tests use it to inject failures). */
  afterBatch?: (batch: { index: number; projectsDone: number }) => void | Promise<void>;
}

export interface LoadDemoResult {
  readonly loadId: string;
  readonly rows: Readonly<Record<DemoTableName, number>>;
  readonly truth: DemoTruth;
}

/** 'demo-<seed>-<n>': n counts the loads of this seed already in the warehouse. */
async function nextLoadId(conn: DuckDBConnection, seed: number): Promise<string> {
  const prefix = `demo-${seed}-`;
  const reader = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER FROM loads WHERE starts_with(load_id, $p)`,
    { p: prefix },
  );
  return `${prefix}${Number(reader.getRows()[0]?.[0] ?? 0) + 1}`;
}

/** 'YYYY-MM-DD HH:MM:SS.sss' in UTC, the form a TIMESTAMP column takes without a zone shift. */
const timestamp = (d: Date): string => d.toISOString().replace('T', ' ').replace('Z', '');

async function appendAll(
  dataset: DemoDataset,
  appenders: DemoAppenders,
  options: LoadDemoOptions,
  onProgress: OnDemoProgress | undefined,
): Promise<DemoTruth> {
  const total = dataset.options.projects;
  onProgress?.({ phase: 'reference', done: 0, total: 1 });
  appenders.append(referenceTables(dataset.reference));
  const tally = emptyTally();
  for (const batch of dataset.batches()) {
    appenders.append(batchTables(batch));
    appenders.flush();
    addTally(tally, batch.tally);
    onProgress?.({ phase: 'generate', done: batch.projectsDone, total });
    await options.afterBatch?.({ index: batch.index, projectsDone: batch.projectsDone });
  }
  return dataset.truth(tally);
}

async function recordLoad(
  conn: DuckDBConnection,
  loadId: string,
  started: Date,
  finished: Date,
  rows: Record<DemoTableName, number>,
  asOf: string,
  truth: DemoTruth,
): Promise<void> {
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  await conn.run(
    `INSERT INTO loads (load_id, source, started_at, finished_at, status, rows_read, rows_inserted, as_of_date, message)
     VALUES ($id, 'demo', $started::TIMESTAMP, $finished::TIMESTAMP, 'succeeded', $rows::BIGINT, $rows::BIGINT, $asOf::DATE, $message)`,
    {
      id: loadId,
      started: timestamp(started),
      finished: timestamp(finished),
      rows: total,
      asOf,
      message: JSON.stringify(rows),
    },
  );
  await conn.run(`INSERT OR REPLACE INTO dataset_facts VALUES ('demo_truth', $truth::JSON)`, {
    truth: JSON.stringify(truth),
  });
}

export async function loadDemo(
  warehouse: Warehouse,
  options: LoadDemoOptions = {},
  onProgress?: OnDemoProgress,
): Promise<LoadDemoResult> {
  const clock = options.clock ?? (() => new Date());
  const dataset = createDemoDataset(options);
  const result = await warehouse.withConnection(async (conn) => {
    const started = clock();
    const loadId = await nextLoadId(conn, dataset.options.seed);
    await conn.run('BEGIN TRANSACTION');
    let appenders: DemoAppenders | undefined;
    try {
      appenders = await openDemoAppenders(conn, loadId);
      const truth = await appendAll(dataset, appenders, options, onProgress);
      appenders.close();
      const rows = { ...appenders.counts };
      appenders = undefined;
      await assertUniqueMilestones(conn);
      onProgress?.({ phase: 'refresh', done: 0, total: 1 });
      await refreshMarts(conn);
      await recordLoad(conn, loadId, started, clock(), rows, dataset.options.asOf, truth);
      await conn.run('COMMIT');
      return { loadId, rows, truth };
    } catch (err) {
      appenders?.abandon();
      await conn.run('ROLLBACK');
      throw err;
    }
  });
  onProgress?.({ phase: 'done', done: 1, total: 1 });
  return result;
}
