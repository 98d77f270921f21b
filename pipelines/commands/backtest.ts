import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import {
  calibrationMarkdown,
  originsMarkdown,
  scoresMarkdown,
} from '../models/backtest/report-markdown.ts';
import {
  backtestSource,
  backtestSources,
  sourceLabel,
  type BacktestSource,
} from '../models/backtest/run-source.ts';
import {
  saveBacktest,
  type CalibrationPoint,
  type ScoreRow,
} from '../models/backtest/score-rows.ts';
import type { IssueSnapshot } from '../models/backtest/real-sources.ts';
import { openWarehouse } from '../warehouse/warehouse.ts';
import { UsageError, type Command } from './command.ts';

const snapshots: IssueSnapshot[] = ['due', 'creation', 'discussion'];

function runsFor(source: string, snapshot: string | undefined, tracker: string | undefined) {
  const sources = source === 'all' ? [...backtestSources] : [source];
  for (const s of sources)
    if (!(backtestSources as readonly string[]).includes(s))
      throw new UsageError(`unknown source ${s}`);
  const snaps = snapshot === 'all' ? snapshots : [(snapshot ?? 'due') as IssueSnapshot];
  if (!snaps.every((s) => snapshots.includes(s)))
    throw new UsageError(`unknown snapshot ${snapshot}`);
  return sources.flatMap((s) =>
    s === 'delayed-issues'
      ? snaps.map((snap) => ({
          source: s as BacktestSource,
          options: { snapshot: snap, ...(tracker ? { tracker } : {}) },
        }))
      : [{ source: s as BacktestSource, options: {} }],
  );
}

type Labelled = { scores: ScoreRow[]; calibration: CalibrationPoint[]; label: string };

const backtestOptions = {
  source: { type: 'string' },
  snapshot: { type: 'string' },
  tracker: { type: 'string' },
  folds: { type: 'string', default: '3' },
  'no-save': { type: 'boolean', default: false },
  defaults: { type: 'boolean', default: false },
  selection: { type: 'boolean', default: false },
  names: { type: 'boolean', default: false },
  without: { type: 'string' },
  db: { type: 'string' },
} as const;

function variantOf(values: {
  defaults: boolean;
  selection: boolean;
  names: boolean;
  without?: string;
}) {
  return {
    defaults: values.defaults,
    selection: values.selection,
    names: values.names,
    ...(values.without ? { without: values.without.split(',').map((s) => s.trim()) } : {}),
  };
}

async function saveRuns(dbPath: string | undefined, all: Labelled[]): Promise<void> {
  const warehouse = await openWarehouse(dbPath ?? readConfig(process.env).dbPath);
  try {
    const runAt = new Date();
    for (const r of all) {
      const runId = `${r.label}-${runAt.toISOString()}`;
      await warehouse.withConnection((conn) =>
        saveBacktest(conn, { runId, runAt, scores: r.scores, calibration: r.calibration }),
      );
    }
    console.error(`Saved ${all.flatMap((r) => r.scores).length} scores to ${warehouse.path}.`);
  } finally {
    await warehouse.close();
  }
}

export const backtestCommand: Command = {
  name: 'backtest',
  summary: 'Score the models and both baselines on time-ordered splits of a data set',
  usage:
    'milepost backtest --source <sip|delayed-issues|adb|nyc|demo|all> [--snapshot due|creation|discussion|all] [--tracker NAME] [--folds N] [--defaults] [--without COL,...] [--selection] [--names] [--no-save] [--db PATH]',
  async run(args) {
    const { values } = parseArgs({ args, options: backtestOptions });
    if (!values.source) throw new UsageError('name a --source');
    const folds = Number(values.folds);
    if (!Number.isInteger(folds) || folds < 0 || folds > 10)
      throw new UsageError('--folds must be 0-10');
    const t0 = performance.now();
    const step = (m: string) =>
      console.error(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${m}`);
    const all: Labelled[] = [];
    for (const run of runsFor(values.source, values.snapshot, values.tracker)) {
      const options = { ...run.options, ...variantOf(values), folds, onStep: step };
      const r = await backtestSource(run.source, options);
      all.push({ ...r, label: sourceLabel(run.source, options) });
    }
    const scores = all.flatMap((r) => r.scores);
    console.log(scoresMarkdown(scores, (s) => s.startsWith('holdout')));
    console.log(originsMarkdown(scores));
    for (const r of all) console.log(calibrationMarkdown(r.label, r.calibration));
    if (!values['no-save']) await saveRuns(values.db, all);
    return 0;
  },
};
