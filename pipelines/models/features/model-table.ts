import { pickValues } from '../fit/task-matrix.ts';

/**
 * What every model in this folder learns from: one row per milestone (or task), features as
 * typed columns, the prediction time, and the outcomes (NaN where not known yet).
 */
export interface CategoricalColumn {
  codes: Int32Array;
  levels: string[];
}

export interface FeatureColumns {
  numeric: Map<string, Float64Array>;
  categorical: Map<string, CategoricalColumn>;
}

export interface ModelTable {
  n: number;
  ids: string[];
  /** Prediction time in days since 1970-01-01 (the split key). */
  time: Float64Array;
  features: FeatureColumns;
  /** log(actual / planned duration), NaN while open. */
  logRatio: Float64Array;
  /** 1 late, 0 on time, NaN unknown. */
  late: Float64Array;
  /** 1 disputed, 0 not, NaN unknown. */
  disputed: Float64Array;
  /** Planned duration in days (the scale the ratio multiplies). */
  plannedDays: Float64Array;
  /** Open milestones: days run so far as a log-ratio bound (censoring point), else NaN. */
  censoredAt: Float64Array;
  /** Group key for the reference-class baseline (e.g. milestone type). */
  referenceGroup: string[];
}

/** Codes a text column: levels in order of first appearance, null as its own level '(none)'. */
export function encodeCategorical(values: readonly (string | null)[]): CategoricalColumn {
  const index = new Map<string, number>();
  const levels: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? '(none)';
    let code = index.get(v);
    if (code === undefined) {
      code = levels.length;
      index.set(v, code);
      levels.push(v);
    }
    codes[i] = code;
  }
  return { codes, levels };
}

/** Re-codes a text column against known levels (unseen values get -1, read as missing). */
export function encodeWithLevels(
  values: readonly (string | null)[],
  levels: readonly string[],
): CategoricalColumn {
  const index = new Map(levels.map((l, i) => [l, i]));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) codes[i] = index.get(values[i] ?? '(none)') ?? -1;
  return { codes, levels: [...levels] };
}

/** The codes of a categorical column at `rows` (-1 where absent). */
export function pickCodes(col: CategoricalColumn, rows: Int32Array): CategoricalColumn {
  const codes = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) codes[i] = col.codes[rows[i]!] ?? -1;
  return { codes, levels: col.levels };
}

/** The items of `values` at `rows`, as they are. */
export function pickItems<T>(values: readonly T[], rows: Int32Array): T[] {
  const out = new Array<T>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]!]!;
  return out;
}

/** The labels of `values` at `rows` ('' where absent). */
export function pickLabels(
  values: readonly (string | null | undefined)[],
  rows: Int32Array,
): string[] {
  const out = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]!] ?? '';
  return out;
}

/** The rows of a table selected by index, as a new table (used for time-ordered splits). */
export function takeRows(t: ModelTable, rows: Int32Array): ModelTable {
  const pick = (a: Float64Array) => pickValues(a, rows);
  const numeric = new Map([...t.features.numeric].map(([k, v]) => [k, pick(v)]));
  const categorical = new Map([...t.features.categorical].map(([k, v]) => [k, pickCodes(v, rows)]));
  return {
    n: rows.length,
    ids: pickLabels(t.ids, rows),
    time: pick(t.time),
    features: { numeric, categorical },
    logRatio: pick(t.logRatio),
    late: pick(t.late),
    disputed: pick(t.disputed),
    plannedDays: pick(t.plannedDays),
    censoredAt: pick(t.censoredAt),
    referenceGroup: pickLabels(t.referenceGroup, rows),
  };
}
