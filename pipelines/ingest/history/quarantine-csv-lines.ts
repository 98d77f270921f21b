import type { DuckDBConnection } from '@duckdb/node-api';
import { csvLine } from '../../export/csv-cell.ts';
import { quarantinePage } from './quarantine-page.ts';

export const quarantineCsvHeader = csvLine([
  'source_file',
  'source_line',
  'rule',
  'column',
  'value',
  'message',
  'row_data',
]);

/** The quarantined rows of a load as CSV lines, page by page (memory stays flat). */
export async function* quarantineCsvLines(
  withConnection: <T>(fn: (c: DuckDBConnection) => Promise<T>) => Promise<T>,
  loadId: string,
  rule: string | undefined,
  scope: readonly string[] | null = null,
): AsyncGenerator<string> {
  const limit = 5000;
  for (let offset = 0; ; offset += limit) {
    const page = await withConnection((c) =>
      quarantinePage(c, loadId, { limit, offset, rule }, scope),
    );
    for (const r of page.rows) {
      yield csvLine([r.sourceFile, r.sourceLine, r.rule, r.column, r.value, r.message, r.rowData]);
    }
    if (page.rows.length < limit) return;
  }
}
