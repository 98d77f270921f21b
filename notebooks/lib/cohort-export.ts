// The cohort table for reading (one flat line per group, every rate beside its counts) and as a
// file: the file is the API's own cohort export (pipelines/kpi/cohort-export.ts through
// pipelines/export/csv-export.ts), with the same metadata lines as GET /api/exports/cohorts.
import { createWriteStream, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { csvExport } from '../../pipelines/export/csv-export.ts';
import { readExportMeta } from '../../pipelines/export/export-meta.ts';
import { cohortExportSource } from '../../pipelines/kpi/cohort-export.ts';
import type { CohortRow, CohortTableQuery } from '../../pipelines/schema/cohorts.ts';
import { percent } from './markdown-table.ts';

export interface CohortLine {
  /** The group's keys joined with ' / ' (e.g. 'agency / 2025-03'). */
  group: string;
  milestones: number;
  completed: number;
  onTimeRate: number | null;
  /** Completed after the baseline due date: 1 - on-time rate. */
  slipRate: number | null;
  slipP50: number | null;
  slipP80: number | null;
  submitted: number;
  disputed: number;
  disputeRate: number | null;
}

export function cohortLine(r: CohortRow): CohortLine {
  const late = r.completed - r.onTimeRate.numerator;
  return {
    group: Object.values(r.keys)
      .map((k) => k ?? '(none)')
      .join(' / '),
    milestones: r.milestones,
    completed: r.completed,
    onTimeRate: r.onTimeRate.value,
    slipRate: r.completed > 0 ? late / r.completed : null,
    slipP50: r.slipDays.p50,
    slipP80: r.slipDays.p80,
    submitted: r.submitted,
    disputed: r.disputed,
    disputeRate: r.disputeRate.value,
  };
}

/** Cohort rows as a table to read: rates as percentages, slip in days, counts beside them. */
export function cohortDisplay(rows: readonly CohortRow[]) {
  const pct = (v: number | null) => percent(v);
  return rows.map(cohortLine).map((l) => ({
    group: l.group,
    milestones: l.milestones,
    completed: l.completed,
    'on time': pct(l.onTimeRate),
    slipped: pct(l.slipRate),
    'slip P50 (d)': l.slipP50,
    'slip P80 (d)': l.slipP80,
    submitted: l.submitted,
    disputed: pct(l.disputeRate),
  }));
}

/**
 * Writes every group of a cohort query as CSV (the API's export: `# milepost.*` metadata lines,
 * then one row per group) and returns the path. The default folder is under the system temp
 * folder, never inside the repository.
 */
export async function writeCohortCsv(
  conn: DuckDBConnection,
  query: CohortTableQuery,
  path = join(tmpdir(), 'milepost-notebooks', `cohorts-${query.by.join('-')}.csv`),
): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  const meta = await readExportMeta(conn, 'cohorts', query, null);
  const source = cohortExportSource(query, null);
  await pipeline(Readable.from(csvExport(conn, source, meta)), createWriteStream(path));
  return path;
}
