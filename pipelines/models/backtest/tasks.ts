import type { MilestoneTable } from '../features/milestone-table.ts';
import { dayNumbersOf } from '../features/day-numbers.ts';
import { pickCodes, pickLabels, type CategoricalColumn } from '../features/model-table.ts';
import { pickValues } from '../fit/task-matrix.ts';

/** A scoring problem cut from a model table: rows kept, target, features and reference groups. */
export interface Task {
  source: string;
  kind: 'quantile' | 'binary';
  target: string;
  /** Row indices into the table, already in time order. */
  rows: Int32Array;
  y: Float64Array;
  time: Float64Array;
  /** When each row's outcome became known (for as-of history features). */
  knownAt: Float64Array;
  numeric: Map<string, Float64Array>;
  categorical: Map<string, CategoricalColumn>;
  referenceGroup: string[];
  /**
   * Cohort key per row for the conformal shifts (Mondrian conformal), when it is not the
   * reference group: e.g. SiP tasks by estimate size, whose residual tails differ.
   */
  conformalGroup?: string[];
}

/** The conformal cohort of each of `rows`: the task's conformal group, else its reference group. */
export function conformalCohorts(task: Task, rows: ArrayLike<number>): string[] {
  const keys = task.conformalGroup ?? task.referenceGroup;
  return Array.from(rows, (r) => keys[r] ?? '');
}

export interface TaskSpec {
  source: string;
  kind: 'quantile' | 'binary';
  target: string;
  /** The target per table row (NaN = row not usable). */
  y: Float64Array;
  /** Prediction time per row (day number); default the table's time. */
  time?: Float64Array;
  /** Order of rows with the same time (default: the table's order, brand then id). */
  tieBreak?: Float64Array;
  /** Which features to use; default every feature of the table. */
  keep?: (name: string) => boolean;
  /** Feature names that would leak the outcome. */
  drop?: readonly string[];
  referenceGroup?: string[];
  /** Conformal cohort key per table row (default: the reference group). */
  conformalGroup?: string[];
}

/** Rows with a finite target and time, in index order. */
function usableRows(y: Float64Array, time: Float64Array): Int32Array {
  const out = new Int32Array(time.length);
  let n = 0;
  for (let i = 0; i < time.length; i++) {
    if (Number.isFinite(y[i]) && Number.isFinite(time[i])) out[n++] = i;
  }
  return out.slice(0, n);
}

/**
 * `rows` (ascending) sorted by time, ties by row index: a stable counting sort when the times
 * are whole days in a modest range, else a comparison sort (the same order).
 */
function byTime(rows: Int32Array, time: Float64Array): Int32Array {
  if (rows.length === 0) return rows;
  let lo = Infinity;
  let hi = -Infinity;
  let whole = true;
  for (const r of rows) {
    const t = time[r]!;
    whole &&= Number.isInteger(t);
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  if (!whole || hi - lo > 4 * rows.length + 100_000)
    return rows.sort((a, b) => time[a]! - time[b]! || a - b);
  const start = new Int32Array(hi - lo + 2);
  for (const r of rows) start[time[r]! - lo + 1]! += 1;
  for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
  const out = new Int32Array(rows.length);
  for (const r of rows) out[start[time[r]! - lo]!++] = r;
  return out;
}

/** Rows sorted by time, then `tie`, then index. */
function byTimeAndTie(rows: Int32Array, time: Float64Array, tie: Float64Array): Int32Array {
  return rows.sort(
    (a, b) => (time[a] ?? 0) - (time[b] ?? 0) || (tie[a] ?? 0) - (tie[b] ?? 0) || a - b,
  );
}

/** The categorical columns of the table that `keep` names, at `rows`. */
function pickCategorical(
  table: MilestoneTable,
  rows: Int32Array,
  keep: (name: string) => boolean,
): Map<string, CategoricalColumn> {
  const out = new Map<string, CategoricalColumn>();
  for (const [k, v] of table.features.categorical) if (keep(k)) out.set(k, pickCodes(v, rows));
  return out;
}

/** Cuts a task: usable rows sorted by time (ties: `tieBreak`, else brand then id). */
export function makeTask(table: MilestoneTable, spec: TaskSpec): Task {
  const time = spec.time ?? table.time;
  const usable = usableRows(spec.y, time);
  const rows = spec.tieBreak ? byTimeAndTie(usable, time, spec.tieBreak) : byTime(usable, time);
  const drop = new Set(spec.drop ?? []);
  const keep = (name: string) => !drop.has(name) && (spec.keep ? spec.keep(name) : true);
  const numeric = new Map<string, Float64Array>();
  for (const [k, v] of table.features.numeric) if (keep(k)) numeric.set(k, pickValues(v, rows));
  return {
    source: spec.source,
    kind: spec.kind,
    target: spec.target,
    rows,
    y: pickValues(spec.y, rows),
    time: pickValues(time, rows),
    knownAt: dayNumbersOf(table.meta.approved, rows),
    numeric,
    categorical: pickCategorical(table, rows, keep),
    referenceGroup: pickLabels(spec.referenceGroup ?? table.referenceGroup, rows),
    ...(spec.conformalGroup ? { conformalGroup: pickLabels(spec.conformalGroup, rows) } : {}),
  };
}

/** A numeric attribute column of the table (NaN where absent). */
export function attributeNumbers(table: MilestoneTable, key: string): Float64Array {
  return table.features.numeric.get(`attr_${key}`) ?? new Float64Array(table.n).fill(NaN);
}

/** A categorical attribute as strings (for reference groups). */
export function attributeLabels(table: MilestoneTable, key: string): string[] {
  const col = table.features.categorical.get(`attr_${key}`);
  if (!col) return new Array<string>(table.n).fill('');
  return Array.from(col.codes, (c) => col.levels[c] ?? '');
}

/** The task without the named features (an attribute may be named without its `attr_` prefix). */
export function withoutFeatures(task: Task, names: readonly string[]): Task {
  const gone = (k: string) => names.includes(k) || names.includes(k.replace(/^attr_/, ''));
  const numeric = new Map([...task.numeric].filter(([k]) => !gone(k)));
  const categorical = new Map([...task.categorical].filter(([k]) => !gone(k)));
  return { ...task, numeric, categorical };
}

/**
 * The first `share` of a task's rows in time order (the training part of the 70/30 holdout):
 * model choices are scored on splits of this part only, never on the test window.
 */
export function trainingPart(task: Task, share = 0.7): Task {
  const n = Math.floor(task.rows.length * share);
  const cut = <T extends { slice(a: number, b: number): T }>(a: T) => a.slice(0, n);
  const numeric = new Map([...task.numeric].map(([k, v]) => [k, cut(v)]));
  const categorical = new Map(
    [...task.categorical].map(([k, v]) => [k, { codes: cut(v.codes), levels: v.levels }]),
  );
  return {
    ...task,
    rows: cut(task.rows),
    y: cut(task.y),
    time: cut(task.time),
    knownAt: cut(task.knownAt),
    numeric,
    categorical,
    referenceGroup: task.referenceGroup.slice(0, n),
    ...(task.conformalGroup ? { conformalGroup: task.conformalGroup.slice(0, n) } : {}),
  };
}
