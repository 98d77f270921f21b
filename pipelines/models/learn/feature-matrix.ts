// A column-major dataset for the learners. Columns are typed arrays so that a million rows cost
// tens of megabytes rather than a million JS objects; NaN marks a missing number and a negative
// code a missing category. Row order is kept as given: callers pass time-ordered data and the
// learners never shuffle it (validation tails must stay tails).

export interface NumericFeature {
  readonly kind: 'numeric';
  readonly name: string;
  /** NaN = missing. */
  readonly values: Float64Array;
}

export interface CategoricalFeature {
  readonly kind: 'categorical';
  readonly name: string;
  /** Index into `levels`; any negative code = missing. */
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

export type Feature = NumericFeature | CategoricalFeature;

export interface FeatureMatrix {
  readonly rows: number;
  readonly features: readonly Feature[];
  /** Optional non-negative sample weights (e.g. inverse-probability-of-censoring weights). */
  readonly weights?: Float64Array;
}

export function numericFeature(
  name: string,
  values: Float64Array | readonly number[],
): NumericFeature {
  return { kind: 'numeric', name, values: Float64Array.from(values) };
}

export function categoricalFeature(
  name: string,
  codes: Int32Array | readonly number[],
  levels: readonly string[],
): CategoricalFeature {
  const typed = Int32Array.from(codes);
  for (const code of typed) {
    if (code >= levels.length) {
      throw new RangeError(`${name}: code ${code} has no level (${levels.length} levels)`);
    }
  }
  return { kind: 'categorical', name, codes: typed, levels: [...levels] };
}

/** Encodes strings as codes; levels are sorted so the encoding does not depend on row order. */
export function categoricalFromStrings(
  name: string,
  values: readonly (string | null | undefined)[],
): CategoricalFeature {
  const levels = [...new Set(values.filter((v): v is string => v != null))].sort();
  const index = new Map(levels.map((level, i) => [level, i]));
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    codes[i] = v == null ? -1 : (index.get(v) as number);
  });
  return { kind: 'categorical', name, codes, levels };
}

export function featureLength(feature: Feature): number {
  return feature.kind === 'numeric' ? feature.values.length : feature.codes.length;
}

/** Builds a matrix and checks that every column (and the weights) has the same length. */
export function featureMatrix(
  features: readonly Feature[],
  options: { weights?: Float64Array } = {},
): FeatureMatrix {
  const rows =
    features.length > 0 ? featureLength(features[0] as Feature) : (options.weights?.length ?? 0);
  const names = new Set<string>();
  for (const feature of features) {
    if (featureLength(feature) !== rows) {
      throw new RangeError(`${feature.name}: ${featureLength(feature)} rows, expected ${rows}`);
    }
    if (names.has(feature.name)) throw new Error(`Duplicate feature name: ${feature.name}`);
    names.add(feature.name);
  }
  const weights = options.weights;
  if (weights) checkWeights(weights, rows);
  return weights ? { rows, features, weights } : { rows, features };
}

export function checkWeights(weights: Float64Array, rows: number): void {
  if (weights.length !== rows)
    throw new RangeError(`weights: ${weights.length} rows, expected ${rows}`);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (!(w >= 0) || !Number.isFinite(w))
      throw new RangeError(`weights[${i}] = ${w} is not a finite weight >= 0`);
  }
}

export function featureNames(matrix: FeatureMatrix): string[] {
  return matrix.features.map((f) => f.name);
}

/** The same matrix with other weights (or none). */
export function withWeights(
  matrix: FeatureMatrix,
  weights: Float64Array | undefined,
): FeatureMatrix {
  return featureMatrix(matrix.features, weights ? { weights } : {});
}

/** Rows [start, end) as views: no copy, so a time-ordered tail costs nothing to split off. */
export function sliceRows(matrix: FeatureMatrix, start: number, end: number): FeatureMatrix {
  const features = matrix.features.map((f): Feature =>
    f.kind === 'numeric'
      ? { ...f, values: f.values.subarray(start, end) }
      : { ...f, codes: f.codes.subarray(start, end) },
  );
  const rows = Math.max(0, Math.min(end, matrix.rows) - Math.max(0, start));
  const weights = matrix.weights?.subarray(start, end);
  return weights ? { rows, features, weights } : { rows, features };
}

/** Copies the listed rows, in the listed order. */
export function takeRows(matrix: FeatureMatrix, rows: ArrayLike<number>): FeatureMatrix {
  const pick = <T extends Float64Array | Int32Array>(src: T, out: T): T => {
    for (let i = 0; i < rows.length; i++) out[i] = src[rows[i] as number] as number;
    return out;
  };
  const features = matrix.features.map((f): Feature =>
    f.kind === 'numeric'
      ? { ...f, values: pick(f.values, new Float64Array(rows.length)) }
      : { ...f, codes: pick(f.codes, new Int32Array(rows.length)) },
  );
  const weights = matrix.weights ? pick(matrix.weights, new Float64Array(rows.length)) : undefined;
  return weights ? { rows: rows.length, features, weights } : { rows: rows.length, features };
}
