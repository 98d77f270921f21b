import { loadDemo } from '../../demo/index.ts';
import { openWarehouse, type Warehouse } from '../../warehouse/warehouse.ts';
import { milestoneTable, type MilestoneTable } from '../features/milestone-table.ts';
import { withHistoryFeatures } from '../features/with-history.ts';
import {
  delayedIssuesSource,
  importRealSource,
  realSources,
  type IssueSnapshot,
} from './real-sources.ts';
import { runBinaryTask, runQuantileTask, type TaskResult } from './run-task.ts';
import { delayedIssueTasks, demoTasks, projectTasks, sipTasks } from './source-tasks.ts';
import type { Task } from './tasks.ts';
import { rollingOrigins, timeOrderedSplit } from './time-split.ts';

export const backtestSources = ['sip', 'delayed-issues', 'adb', 'nyc', 'demo'] as const;
export type BacktestSource = (typeof backtestSources)[number];

export interface BacktestOptions {
  snapshot?: IssueSnapshot;
  /** Only this tracker of the delayed-issues data (default: the five concatenated). */
  tracker?: string;
  /** Rolling-origin folds after the 70/30 holdout (0 = holdout only). */
  folds?: number;
  dataDir?: string;
  demoMilestones?: number;
  onStep?: (message: string) => void;
}

const demoAsOf = '2026-10-31';
const sipHistory = [
  'project',
  'assignee',
  'attr_raisedBy',
  'attr_authorisedBy',
  'attr_projectBreakdown',
  'attr_subCategory',
];

async function sourceWarehouse(
  source: BacktestSource,
  options: BacktestOptions,
): Promise<[Warehouse, string]> {
  if (source === 'demo') {
    const warehouse = await openWarehouse(':memory:');
    await loadDemo(warehouse, {
      seed: 42,
      asOf: demoAsOf,
      milestones: options.demoMilestones ?? 25_000,
    });
    return [warehouse, demoAsOf];
  }
  const spec =
    source === 'delayed-issues'
      ? delayedIssuesSource(options.snapshot ?? 'due', options.tracker)
      : realSources[source];
  if (!spec) throw new Error(`unknown source ${source}`);
  const io = options.dataDir ? { dataDir: options.dataDir } : {};
  return [await importRealSource(spec, io), spec.asOf];
}

function tasksFor(
  source: BacktestSource,
  table: MilestoneTable,
  asOf: string,
  label: string,
): Task[] {
  switch (source) {
    case 'sip':
      // History features and k = 5 chosen on an inner split of the training window only
      // (docs/forecast-accuracy.md); the test window was scored once with them.
      return sipTasks(table).map((t) => withHistoryFeatures(t, sipHistory, 5));
    case 'delayed-issues':
      return delayedIssueTasks(table, label);
    case 'adb':
    case 'nyc':
      return projectTasks(table, source);
    case 'demo':
      return demoTasks(table, asOf);
  }
}

/** The source's name in results: delayed-issues carries its snapshot (and tracker). */
export function sourceLabel(source: BacktestSource, options: BacktestOptions): string {
  if (source !== 'delayed-issues') return source;
  return ['delayed-issues', options.tracker, options.snapshot ?? 'due'].filter(Boolean).join('-');
}

/**
 * Imports a source through the real importer, cuts its tasks and scores every model on the
 * 70/30 time-ordered holdout and on `folds` rolling origins.
 */
export async function backtestSource(
  source: BacktestSource,
  options: BacktestOptions = {},
): Promise<TaskResult> {
  const step = options.onStep ?? (() => {});
  const label = sourceLabel(source, options);
  step(`${label}: importing`);
  const [warehouse, asOf] = await sourceWarehouse(source, options);
  try {
    const table = await warehouse.withConnection((conn) => milestoneTable(conn, { asOf }));
    const out: TaskResult = { scores: [], calibration: [] };
    for (const task of tasksFor(source, table, asOf, label)) {
      const splits: [string, ReturnType<typeof timeOrderedSplit>][] = [
        ['holdout-70/30', timeOrderedSplit(task.time)],
      ];
      rollingOrigins(task.time, options.folds ?? 0).forEach((s, k) =>
        splits.push([`origin-${k + 1}`, s]),
      );
      for (const [name, split] of splits) {
        step(
          `${label}: ${task.target}, ${name} (${split.fit.length + split.calibration.length} train, ${split.test.length} test)`,
        );
        const run = task.kind === 'quantile' ? runQuantileTask : runBinaryTask;
        const r = run(task, split, name);
        out.scores.push(...r.scores);
        // Calibration points of the holdout only: the curves the dashboard draws.
        if (name.startsWith('holdout')) out.calibration.push(...r.calibration);
      }
    }
    return out;
  } finally {
    await warehouse.close();
  }
}
