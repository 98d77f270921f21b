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
}

export interface TaskSpec {
  source: string;
  kind: 'quantile' | 'binary';
  target: string;
  /** The target per table row (NaN = row not usable). */
  y: Float64Array;
  /** Prediction time per row (day number); default the table's time. */
  time?: Float64Array;
  /** Which features to use; default every feature of the table. */
  keep?: (name: string) => boolean;
  /** Feature names that would leak the outcome. */
  drop?: readonly string[];
  referenceGroup?: string[];
}

const dayOf = (iso: string | null) => (iso ? Date.parse(`${iso}T00:00:00Z`) / 86_400_000 : NaN);

/** Cuts a task: usable rows sorted by time (ties: brand, then id, as the table was ordered). */
export function makeTask(table: MilestoneTable, spec: TaskSpec): Task {
  const time = spec.time ?? table.time;
  const usable = Int32Array.from(time.keys()).filter(
    (i) => Number.isFinite(spec.y[i]) && Number.isFinite(time[i]),
  );
  const rows = usable.sort((a, b) => (time[a] ?? 0) - (time[b] ?? 0) || a - b);
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
