import type { MilestoneTable } from '../features/milestone-table.ts';
import { encodeCategorical } from '../features/model-table.ts';
import { attributeLabels, attributeNumbers, makeTask, type Task } from './tasks.ts';

// Per source: what is predicted, from what, sorted by which time column. Columns that are only
// known after the outcome (final cost, ratings, schedule changes) are dropped as leaks.

const isAttr = (name: string) => name.startsWith('attr_');
const dayOfIso = (s: string) => (s ? Date.parse(`${s.slice(0, 10)}T00:00:00Z`) / 86_400_000 : NaN);

/**
 * Conformal cohort of a SiP task by its estimate: up to 2 h, up to 8 h (a day), longer. The
 * model's residual tails differ by size (the long band's lower tail is not the pooled one), so
 * each band gets its own shift (Mondrian conformal); chosen on the training part only.
 */
export function estimateBand(hours: number): string {
  if (!(hours > 2)) return 'estimate<=2h';
  return hours <= 8 ? 'estimate<=8h' : 'estimate>8h';
}

/**
 * SiP: ln(actual / estimated hours) by task, in order of the date the estimate was made (ties
 * in TaskNumber order, the file's own order).
 */
export function sipTasks(table: MilestoneTable): Task[] {
  const est = attributeNumbers(table, 'hoursEstimate');
  const act = attributeNumbers(table, 'hoursActual');
  const y = Float64Array.from(est, (e, i) => {
    const a = act[i] ?? NaN;
    return e > 0 && a > 0 ? Math.log(a / e) : NaN;
  });
  const estimateOn = table.features.categorical.get('attr_estimateOn');
  const time = estimateOn
    ? Float64Array.from(estimateOn.codes, (c) => dayOfIso(estimateOn.levels[c] ?? ''))
    : table.time;
  table.features.categorical.set('project', encodeCategorical(table.meta.project));
  table.features.categorical.set('assignee', encodeCategorical(table.meta.partner));
  const task = makeTask(table, {
    source: 'sip',
    kind: 'quantile',
    target: 'ln(actual/estimated hours)',
    y,
    time,
    tieBreak: Float64Array.from(table.ids, Number),
    keep: (n) => isAttr(n) || n === 'project' || n === 'assignee',
    drop: ['attr_hoursActual', 'attr_statusCode', 'attr_estimateOn', 'attr_developerHoursActual'],
    referenceGroup: attributeLabels(table, 'category'),
    conformalGroup: Array.from(est, estimateBand),
  });
  return [task];
}

/** Delayed issues: P(resolved after the due date) from every column but the key, target and date. */
export function delayedIssueTasks(table: MilestoneTable, source: string): Task[] {
  return [
    makeTask(table, {
      source,
      kind: 'binary',
      target: 'late',
      y: table.late,
      keep: isAttr,
      drop: ['attr_delayDays'],
      referenceGroup: attributeLabels(table, 'issueType'),
    }),
  ];
}

const projectLeaks: Record<string, string[]> = {
  adb: [
    'totalCostFinal',
    'overallRating',
    'executingAgencyRating',
    'borrowerRating',
    'disbursedUsdM',
    'approvalDate',
  ],
  nyc: [
    'latestScheduleChangeDays',
    'totalScheduleChangeDays',
    'totalBudgetChange',
    'phase',
    'reportedAsOf',
  ],
};
const projectGroup: Record<string, string> = { adb: 'sector', nyc: 'category' };

/**
 * NYC projects are mostly unfinished: the outcome is the latest re-forecast duration against the
 * first report's (ln(current due - start) / (baseline due - start)), i.e. the slip so far.
 */
function reforecastRatio(table: MilestoneTable): Float64Array {
  return Float64Array.from(table.ids, (_, i) => {
    const start = dayOfIso(table.meta.plannedStart[i] ?? '');
    const planned = dayOfIso(table.meta.baselineDue[i] ?? '') - start;
    const current = dayOfIso(table.meta.currentDue[i] ?? '') - start;
    return planned > 0 && current > 0 ? Math.log(current / planned) : NaN;
  });
}

/** ADB and NYC: project duration ratio, from what is known when the project starts. */
export function projectTasks(table: MilestoneTable, source: 'adb' | 'nyc'): Task[] {
  const leaks = (projectLeaks[source] ?? []).map((k) => `attr_${k}`);
  return [
    makeTask(table, {
      source,
      kind: 'quantile',
      target: 'ln(actual/planned duration)',
      y: source === 'nyc' ? reforecastRatio(table) : table.logRatio,
      keep: (n) => isAttr(n) || ['planned_days', 'log_amount', 'holiday_days'].includes(n),
      drop: leaks,
      referenceGroup: attributeLabels(table, projectGroup[source] ?? ''),
    }),
  ];
}

/**
 * The demo warehouse: delivery ratio, P(late) and P(dispute) from the product's features. Only
 * milestones due at least `settleDays` before asOf are scored, so that outcomes still pending
 * (the slow ones) do not drop out of the recent end and flatter the scores.
 */
export function demoTasks(table: MilestoneTable, asOf: string, settleDays = 90): Task[] {
  const cutoff = dayOfIso(asOf) - settleDays;
  const settled = (y: Float64Array) =>
    Float64Array.from(y, (v, i) => (dayOfIso(table.meta.baselineDue[i] ?? '') < cutoff ? v : NaN));
  const common = { source: 'demo', keep: (n: string) => !isAttr(n) };
  return [
    makeTask(table, {
      ...common,
      kind: 'quantile',
      target: 'ln(actual/planned duration)',
      y: settled(table.logRatio),
    }),
    makeTask(table, { ...common, kind: 'binary', target: 'late', y: settled(table.late) }),
    makeTask(table, { ...common, kind: 'binary', target: 'disputed', y: settled(table.disputed) }),
  ];
}
