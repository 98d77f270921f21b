import type { DuckDBConnection } from '@duckdb/node-api';
import { transcodeToUtf8 } from '../../ingest/read/transcode-file.ts';
import { queryRows } from '../../warehouse/query.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { MilestoneTable } from '../features/milestone-table.ts';
import { nameFeatureColumns, type NameFeatureOptions } from '../features/name-feature-columns.ts';
import { tokenizeNames } from '../features/name-tokens.ts';
import { realDataDir } from './real-sources.ts';
import type { Task } from './tasks.ts';
import { trainingRows, type TimeSplit } from './time-split.ts';

/** Adds features to a task for one split, learnt from that split's training rows only. */
export type SplitFeatures = (task: Task, split: TimeSplit) => Task;

/**
 * SiP task summaries by TaskNumber, read from the file the importer loads (the first row per
 * task). The backtest imports SiP with the task number as the milestone name, because two tasks
 * repeat with different summaries and the importer quarantines such key clashes; in the product
 * the milestone's `name` is this text.
 */
export async function sipSummaries(
  conn: DuckDBConnection,
  dataDir: string,
): Promise<Map<string, string>> {
  // The file is Windows-1252, which DuckDB's read_csv does not decode: read a UTF-8 copy.
  const copy = await transcodeToUtf8(`${dataDir}sip/Sip-task-info.csv`, 'windows-1252', 10);
  try {
    const rows = await queryRows<{ id: string; summary: string | null }>(
      conn,
      `SELECT TaskNumber AS id, Summary AS summary
       FROM read_csv($path, header = true, all_varchar = true)`,
      { path: copy.path },
    );
    const out = new Map<string, string>();
    for (const r of rows) if (!out.has(r.id)) out.set(r.id, r.summary ?? '');
    return out;
  } finally {
    await copy.remove();
  }
}

/**
 * The name features of each split, computed once the split is known: encodings absorb only the
 * outcomes of the split's training rows (fit + calibration) and the word vocabulary is theirs,
 * so no scored row's outcome reaches a feature. `names` has one name per table row.
 */
export function splitNameFeatures(
  names: readonly string[],
  options: NameFeatureOptions,
): SplitFeatures {
  const all = tokenizeNames(names);
  return (task, split) => {
    const local = {
      tokens: Array.from(task.rows, (r) => all.tokens[r] ?? new Int32Array()),
      vocabulary: all.vocabulary,
    };
    const train = trainingRows(split);
    const rows = { time: task.time, knownAt: task.knownAt, y: task.y };
    const numeric = new Map(task.numeric);
    for (const [k, v] of nameFeatureColumns(local, rows, train, options)) numeric.set(k, v);
    return { ...task, numeric };
  };
}

/**
 * What `--names` adds to SiP: word, share and template encodings and 30 word indicators. On the
 * training part this gained 0.0017 mean pinball averaged over its four splits and three seeds,
 * under the 0.003 that counts, so it is not a default (docs/forecast-accuracy.md).
 */
export const sipNameOptions: NameFeatureOptions = {
  encoding: true,
  shares: true,
  template: true,
  topK: 30,
};

/** The split features of a source's task names, or undefined when it has none (only SiP). */
export async function sourceNameFeatures(
  source: string,
  warehouse: Warehouse,
  table: MilestoneTable,
  options: { dataDir?: string },
): Promise<SplitFeatures | undefined> {
  if (source !== 'sip') return undefined;
  const dir = options.dataDir ?? realDataDir();
  const summaries = await warehouse.withConnection((conn) => sipSummaries(conn, dir));
  return splitNameFeatures(
    table.ids.map((id) => summaries.get(id) ?? ''),
    sipNameOptions,
  );
}
