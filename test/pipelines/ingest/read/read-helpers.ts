import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, afterEach, beforeEach } from 'vitest';
import {
  IngestReadError,
  stageFile,
  type ReadSpec,
  type StageOptions,
  type StageResult,
} from '../../../../pipelines/ingest/read/index.ts';
import { quoteIdent } from '../../../../pipelines/ingest/parse/sql-quote.ts';
import { queryRows } from '../../../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';

export const FIXTURES = new URL('../../../fixtures/ingest-read/', import.meta.url).pathname;

/** A temp folder for generated files, removed after the test file. */
export function tempFiles(): {
  file(name: string, content: string | Uint8Array): string;
  path(name: string): string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'milepost-read-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    path: (name) => join(dir, name),
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** Each test gets its own in-memory warehouse and one connection from it. */
export function useConnection(): () => DuckDBConnection {
  let wh: Warehouse;
  let conn: DuckDBConnection | undefined;
  let release: (() => void) | undefined;
  beforeEach(async () => {
    wh = await openWarehouse(':memory:', { poolSize: 1 });
    await new Promise<void>((ready) => {
      void wh.withConnection(
        (c) =>
          new Promise<void>((done) => {
            conn = c;
            release = done;
            ready();
          }),
      );
    });
  });
  afterEach(async () => {
    release?.();
    await new Promise((r) => setImmediate(r)); // let withConnection put the connection back
    await wh.close();
  });
  return () => {
    if (!conn) throw new Error('no connection');
    return conn;
  };
}

export type Row = Record<string, string | number | null>;

/** The staged rows in file order, `source_line` as a number. */
export async function stagedRows(conn: DuckDBConnection, result: StageResult): Promise<Row[]> {
  return queryRows<Row>(
    conn,
    `SELECT source_line::INTEGER AS source_line, * EXCLUDE (source_line) FROM ${quoteIdent(result.table)} ORDER BY source_line`,
  );
}

export async function stage(
  conn: DuckDBConnection,
  file: string,
  spec: ReadSpec = { format: 'auto' },
  options: StageOptions = {},
) {
  const result = await stageFile(conn, file, spec, options);
  return { result, rows: await stagedRows(conn, result) };
}

/** The IngestReadError a read fails with (fails the test if it succeeds). */
export async function readFailure(
  conn: DuckDBConnection,
  file: string,
  spec: ReadSpec = { format: 'auto' },
  options: StageOptions = {},
): Promise<IngestReadError> {
  try {
    await stageFile(conn, file, spec, options);
  } catch (e) {
    if (e instanceof IngestReadError) return e;
    throw e;
  }
  throw new Error(`expected ${file} to fail`);
}

/** Names of all tables (temp ones included), to show a failed read left nothing behind. */
export async function tableNames(conn: DuckDBConnection): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    conn,
    `SELECT table_name AS name FROM duckdb_tables() ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}
