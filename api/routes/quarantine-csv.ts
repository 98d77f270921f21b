import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import { quarantinePage } from '../../pipelines/ingest/history/quarantine-page.ts';
import type { AppDeps } from '../deps.ts';

const header = ['source_file', 'source_line', 'rule', 'column', 'value', 'message', 'row_data'];

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // A leading = + - @ would run as a formula in a spreadsheet (CSV injection): prefix a quote.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Every quarantined row of a load as CSV, streamed page by page so large loads stay flat. */
export function quarantineCsv(c: Context, deps: AppDeps, loadId: string, rule: string | undefined) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header(
    'Content-Disposition',
    `attachment; filename="quarantine-${loadId.replace(/[^\w.-]/g, '_')}.csv"`,
  );
  return stream(c, async (out) => {
    await out.write(`${header.join(',')}\n`);
    const limit = 5000;
    for (let offset = 0; ; offset += limit) {
      const page = await deps.warehouse.withConnection((conn) =>
        quarantinePage(conn, loadId, { limit, offset, rule }),
      );
      const lines = page.rows.map((r) =>
        [r.sourceFile, r.sourceLine, r.rule, r.column, r.value, r.message, r.rowData]
          .map(csvCell)
          .join(','),
      );
      if (lines.length) await out.write(`${lines.join('\n')}\n`);
      if (page.rows.length < limit) break;
    }
  });
}
