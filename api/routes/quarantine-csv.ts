import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import {
  quarantineCsvHeader,
  quarantineCsvLines,
} from '../../pipelines/ingest/history/quarantine-csv-lines.ts';
import type { AppDeps } from '../deps.ts';
import type { BrandScope } from '../scope.ts';

/** Every quarantined row of a load as CSV, streamed page by page so large loads stay flat. */
export function quarantineCsv(
  c: Context,
  deps: AppDeps,
  loadId: string,
  rule: string | undefined,
  scope: BrandScope,
) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header(
    'Content-Disposition',
    `attachment; filename="quarantine-${loadId.replace(/[^\w.-]/g, '_')}.csv"`,
  );
  return stream(c, async (out) => {
    await out.write(`${quarantineCsvHeader}\n`);
    const lines = quarantineCsvLines(
      (fn) => deps.warehouse.withConnection(fn),
      loadId,
      rule,
      scope,
    );
    for await (const line of lines) await out.write(`${line}\n`);
  });
}
