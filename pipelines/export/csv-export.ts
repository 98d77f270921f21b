import type { DuckDBConnection } from '@duckdb/node-api';
import { pickUsedParams } from '../warehouse/query.ts';
import { csvLine } from './csv-cell.ts';
import { metaEntries, type ExportMeta } from './export-meta.ts';
import type { ExportSource } from './export-source.ts';

/**
 * The metadata as leading comment lines, `# key: value`. Values are percent-encoded wherever they
 * could be read as a separator, quote or line break, so each comment line is one cell that starts
 * with '#' (never a formula) and a reader skipping lines that start with '#' sees plain CSV.
 */
export function csvMetaLines(meta: ExportMeta): string[] {
  return metaEntries(meta).map(([k, v]) => `# ${k}: ${v.replace(/[%,"'\r\n;\t]/g, encode)}`);
}

function encode(ch: string): string {
  return `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The export as CSV lines (each with its newline), a DuckDB chunk at a time. */
export async function* csvExport(
  conn: DuckDBConnection,
  source: ExportSource,
  meta: ExportMeta,
): AsyncGenerator<string> {
  const result = await conn.stream(source.sql, pickUsedParams(source.sql, source.params));
  yield `${csvMetaLines(meta).join('\n')}\n${csvLine(result.columnNames())}\n`;
  for await (const rows of result.yieldRowsJson()) {
    let text = '';
    for (const row of rows) text += `${csvLine(row.map(cellText))}\n`;
    yield text;
  }
}

function cellText(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v);
}
