// Helpers for the demo tests: a fresh in-memory warehouse with a demo load, and scalar queries.
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadDemo } from '../../../pipelines/demo/load-demo.ts';
import type { LoadDemoOptions, LoadDemoResult } from '../../../pipelines/demo/load-demo.ts';
import { openWarehouse } from '../../../pipelines/warehouse/warehouse.ts';
import type { Warehouse } from '../../../pipelines/warehouse/warehouse.ts';

export const FIXED_CLOCK = (): Date => new Date('2026-11-01T08:00:00Z');

export async function demoWarehouse(
  options: LoadDemoOptions = {},
): Promise<{ wh: Warehouse; result: LoadDemoResult }> {
  const wh = await openWarehouse(':memory:');
  const result = await loadDemo(wh, { clock: FIXED_CLOCK, ...options });
  return { wh, result };
}

/** The first column of the first row as a number (cast in SQL so BIGINT never leaks). */
export async function scalar(conn: DuckDBConnection, sql: string): Promise<number> {
  const rows = (await conn.runAndReadAll(sql)).getRows();
  return Number(rows[0]?.[0] ?? Number.NaN);
}

export async function rows(
  conn: DuckDBConnection,
  sql: string,
): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}
