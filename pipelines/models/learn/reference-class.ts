// The reference-class baseline (docs/domain.md): empirical quantiles of a target (e.g. the
// duration ratio) among similar past milestones. A group with fewer than `minCount` rows is not
// trusted on its own and falls back to its parent group (e.g. milestone type -> type x partner
// kind -> all), then to all rows. Unweighted quantiles interpolate (type 7); with weights (IPCW,
// so open milestones count) they are weighted lower quantiles.
import { quantileSorted, weightedQuantile } from './quantile.ts';

type Values = ArrayLike<number>;

export interface ReferenceEntry {
  readonly count: number;
  /** One value per requested quantile. */
  readonly values: readonly number[];
}

export interface ReferenceClassModel {
  readonly quantiles: readonly number[];
  readonly minCount: number;
  readonly global: ReferenceEntry;
  /** Only parents and groups with at least minCount rows are kept. */
  readonly parents: Readonly<Record<string, ReferenceEntry>>;
  readonly groups: Readonly<Record<string, ReferenceEntry>>;
}

export interface ReferenceClassOptions {
  readonly quantiles: readonly number[];
  /** Parent key per row (e.g. the coarser cohort), for the first fallback. */
  readonly parents?: readonly (string | null)[];
  /** Default 30. */
  readonly minCount?: number;
  readonly weights?: Values;
}

export type ReferenceLevel = 'group' | 'parent' | 'global';

/** Fits quantiles per group key; rows with a non-finite target are ignored. */
export function fitReferenceClass(
  target: Values,
  groups: readonly (string | null)[],
  options: ReferenceClassOptions,
): ReferenceClassModel {
  if (groups.length !== target.length) throw new RangeError('one group key per row');
  const minCount = options.minCount ?? 30;
  const rows = Array.from({ length: target.length }, (_, i) => i).filter((i) =>
    Number.isFinite(target[i] as number),
  );
  const entry = (subset: readonly number[]): ReferenceEntry => summarise(target, subset, options);
  const byKey = (keys: readonly (string | null)[] | undefined): Record<string, ReferenceEntry> => {
    const out: Record<string, ReferenceEntry> = {};
    if (!keys) return out;
    for (const [key, subset] of groupRows(rows, keys))
      if (subset.length >= minCount) out[key] = entry(subset);
    return out;
  };
  return {
    quantiles: [...options.quantiles],
    minCount,
    global: entry(rows),
    parents: byKey(options.parents),
    groups: byKey(groups),
  };
}

function groupRows(
  rows: readonly number[],
  keys: readonly (string | null)[],
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const i of rows) {
    const key = keys[i];
    if (key == null) continue;
    const list = out.get(key);
    if (list) list.push(i);
    else out.set(key, [i]);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

function summarise(
  target: Values,
  rows: readonly number[],
  options: ReferenceClassOptions,
): ReferenceEntry {
  const w = options.weights;
  if (w) {
    const v = rows.map((i) => target[i] as number);
    const wv = rows.map((i) => w[i] as number);
    return { count: rows.length, values: options.quantiles.map((q) => weightedQuantile(v, wv, q)) };
  }
  const sorted = Float64Array.from(rows, (i) => target[i] as number).sort();
  return { count: rows.length, values: options.quantiles.map((q) => quantileSorted(sorted, q)) };
}

/** The quantiles for a group, from the most specific level that has enough rows. */
export function referenceQuantiles(
  model: ReferenceClassModel,
  group: string | null,
  parent?: string | null,
): ReferenceEntry & { readonly level: ReferenceLevel } {
  const own = group != null ? model.groups[group] : undefined;
  if (own) return { ...own, level: 'group' };
  const up = parent != null ? model.parents[parent] : undefined;
  if (up) return { ...up, level: 'parent' };
  return { ...model.global, level: 'global' };
}
