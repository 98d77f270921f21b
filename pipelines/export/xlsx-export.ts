import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { pickUsedParams } from '../warehouse/query.ts';
import { metaEntries, type ExportMeta } from './export-meta.ts';
import type { ExportSource } from './export-source.ts';

/** A worksheet holds at most 1,048,576 rows, one of them the header. */
export const xlsxMaxRows = 1_048_575;

/**
 * Writes the export as an XLSX workbook to `out` with exceljs's streaming writer: sheet "data"
 * (header and rows, committed row by row) and sheet "metadata" (key, value). Cells are typed
 * values, never formulas, so text such as '=1+1' stays text. Dates are ISO text, as in the CSV.
 */
export async function writeXlsx(
  conn: DuckDBConnection,
  source: ExportSource,
  meta: ExportMeta,
  out: Writable,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const data = wb.addWorksheet('data');
  const result = await conn.stream(source.sql, pickUsedParams(source.sql, source.params));
  data.addRow(result.columnNames()).commit();
  let n = 0;
  for await (const rows of result.yieldRowsJson()) {
    for (const row of rows) {
      if (++n > xlsxMaxRows) throw new RangeError('more rows than one XLSX sheet holds');
      data
        .addRow(row.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : v)))
        .commit();
    }
    // The zip stream has no backpressure of its own: wait while the client is behind.
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  data.commit();
  const sheet = wb.addWorksheet('metadata');
  sheet.addRow(['key', 'value']).commit();
  for (const [k, v] of metaEntries(meta)) sheet.addRow([k, v]).commit();
  sheet.commit();
  await wb.commit();
}
