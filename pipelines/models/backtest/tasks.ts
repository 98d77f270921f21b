import type { MilestoneTable } from '../features/milestone-table.ts';
import type { CategoricalColumn } from '../features/model-table.ts';

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

const dayOf = (iso: string | null) => (iso ? Date.parse(`${iso}T00:00:00Z`) / 86_400_000 : NaN);

/** Cuts a task: usable rows sorted by time (ties: `tieBreak`, else brand then id). */
export function makeTask(table: MilestoneTable, spec: TaskSpec): Task {
  const time = spec.time ?? table.time;
  const usable = Int32Array.from(time.keys()).filter(
    (i) => Number.isFinite(spec.y[i]) && Number.isFinite(time[i]),
  );
  const tie = spec.tieBreak ?? Float64Array.from(time.keys());
  const rows = usable.sort(
    (a, b) => (time[a] ?? 0) - (time[b] ?? 0) || (tie[a] ?? 0) - (tie[b] ?? 0) || a - b,
  );
  const drop = new Set(spec.drop ?? []);
  const keep = (name: string) => !drop.has(name) && (spec.keep ? spec.keep(name) : true);
  const pick = (a: Float64Array) => Float64Array.from(rows, (r) => a[r] ?? NaN);
  const numeric = new Map<string, Float64Array>();
  for (const [k, v] of table.features.numeric) if (keep(k)) numeric.set(k, pick(v));
  const categorical = new Map<string, CategoricalColumn>();
  for (const [k, v] of table.features.categorical) {
    if (keep(k))
      categorical.set(k, {
        codes: Int32Array.from(rows, (r) => v.codes[r] ?? -1),
        levels: v.levels,
      });
  }
  const groups = spec.referenceGroup ?? table.referenceGroup;
  const known = table.meta.approved.map(dayOf);
  return {
    source: spec.source,
    kind: spec.kind,
    target: spec.target,
    rows,
    y: pick(spec.y),
    time: pick(time),
    knownAt: Float64Array.from(rows, (r) => known[r] ?? NaN),
    numeric,
    categorical,
    referenceGroup: Array.from(rows, (r) => groups[r] ?? ''),
    ...(spec.conformalGroup
      ? { conformalGroup: Array.from(rows, (r) => spec.conformalGroup?.[r] ?? '') }
      : {}),
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
