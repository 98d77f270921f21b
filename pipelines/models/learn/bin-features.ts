// Discretises features into at most 256 bins each (one byte per value), which is what makes
// histogram boosting fast: a split search scans bins instead of sorted values.
//
// Bin layout, the same for every feature: value bins 0..k-1, then one missing bin (index k).
// - numeric: quantile edges from (a seeded sample of) the data, like scikit-learn's
//   HistGradientBoosting. Bin i holds values in (edges[i-1], edges[i]], so "bin <= t" is exactly
//   "x <= edges[t]". With few distinct values the edges are the midpoints between them.
// - categorical: frequent levels get a bin each (most frequent first); rare levels, and levels
//   first seen after fitting, share one "other" bin, so unseen levels never fail a prediction.
// The mapper is plain JSON data, stored with a model so new data is binned identically.
import { rngFor } from '../../random/prng.ts';
import type { Feature, FeatureMatrix } from './feature-matrix.ts';
import { quantileSorted } from './quantile.ts';

export interface NumericBins {
  readonly kind: 'numeric';
  readonly name: string;
  /** Strictly increasing finite upper edges; value bins = edges.length + 1. */
  readonly edges: readonly number[];
}

export interface CategoricalBins {
  readonly kind: 'categorical';
  readonly name: string;
  /** The level of each value bin, most frequent first. */
  readonly levels: readonly string[];
  /** Whether a pooled "other" bin follows the levels' bins. */
  readonly other: boolean;
}

export type FeatureBins = NumericBins | CategoricalBins;

export interface BinMapper {
  readonly features: readonly FeatureBins[];
}

export interface BinnedMatrix {
  readonly rows: number;
  readonly names: readonly string[];
  /** One column of bin indices per feature. */
  readonly bins: readonly Uint8Array[];
  /** Bins per feature, the missing bin (always the last) included. */
  readonly nBins: Int32Array;
  /** 1 where the feature is categorical. */
  readonly categorical: Uint8Array;
}

export interface BinOptions {
  /** Value bins per feature, at most 255 (one more byte value is the missing bin). Default 255. */
  maxBins?: number;
  /** Levels seen fewer times than this are pooled into "other". Default 10. */
  minCategoryCount?: number;
  /** Rows sampled to place numeric edges. Default 200 000 (as scikit-learn). */
  sampleSize?: number;
  seed?: number;
}

/** Bins of a feature, its missing bin included. */
export function binCount(bins: FeatureBins): number {
  return bins.kind === 'numeric'
    ? bins.edges.length + 2
    : bins.levels.length + (bins.other ? 2 : 1);
}

export function fitBins(matrix: FeatureMatrix, options: BinOptions = {}): BinMapper {
  const maxBins = options.maxBins ?? 255;
  if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > 255) {
    throw new RangeError(`maxBins must be an integer in [2, 255], got ${maxBins}`);
  }
  const sample = sampleRows(matrix.rows, options.sampleSize ?? 200_000, options.seed ?? 0);
  const minCount = options.minCategoryCount ?? 10;
  return {
    features: matrix.features.map((f) =>
      f.kind === 'numeric'
        ? numericBins(f.name, f.values, sample, maxBins)
        : categoricalBins(f.name, f.codes, f.levels, maxBins, minCount),
    ),
  };
}

export function binFeatures(
  matrix: FeatureMatrix,
  options: BinOptions = {},
): { mapper: BinMapper; binned: BinnedMatrix } {
  const mapper = fitBins(matrix, options);
  return { mapper, binned: applyBins(matrix, mapper) };
}

/** Bins a matrix with a fitted mapper; columns are matched by name, so order may differ. */
export function applyBins(matrix: FeatureMatrix, mapper: BinMapper): BinnedMatrix {
  const byName = new Map(matrix.features.map((f) => [f.name, f]));
  const bins = mapper.features.map((fb) => {
    const feature = byName.get(fb.name);
    if (!feature) throw new Error(`Feature ${fb.name} is missing from the matrix`);
    if (feature.kind !== fb.kind)
      throw new Error(`Feature ${fb.name} is ${feature.kind}, expected ${fb.kind}`);
    return binColumn(feature, fb, matrix.rows);
  });
  return {
    rows: matrix.rows,
    names: mapper.features.map((fb) => fb.name),
    bins,
    nBins: Int32Array.from(mapper.features, binCount),
    categorical: Uint8Array.from(mapper.features, (fb) => (fb.kind === 'categorical' ? 1 : 0)),
  };
}

function binColumn(feature: Feature, fb: FeatureBins, rows: number): Uint8Array {
  const out = new Uint8Array(rows);
  const missing = binCount(fb) - 1;
  if (feature.kind === 'numeric' && fb.kind === 'numeric') {
    const edges = Float64Array.from(fb.edges);
    const values = feature.values;
    for (let r = 0; r < rows; r++) {
      const x = values[r] as number;
      // Binary search for the first edge >= x; NaN fails every comparison, so test it first.
      if (x !== x) {
        out[r] = missing;
        continue;
      }
      let lo = 0;
      let hi = edges.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((edges[mid] as number) < x) lo = mid + 1;
        else hi = mid;
      }
      out[r] = lo;
    }
    return out;
  }
  if (feature.kind === 'categorical' && fb.kind === 'categorical') {
    const lookup = codeLookup(feature.levels, fb, missing);
    const codes = feature.codes;
    for (let r = 0; r < rows; r++) {
      const code = codes[r] as number;
      out[r] = code < 0 ? missing : (lookup[code] as number);
    }
  }
  return out;
}

/** Bin of each code of this matrix's levels; unseen levels go to "other" (or missing). */
function codeLookup(levels: readonly string[], fb: CategoricalBins, missing: number): Uint8Array {
  const binOf = new Map(fb.levels.map((level, bin) => [level, bin]));
  const fallback = fb.other ? fb.levels.length : missing;
  return Uint8Array.from(levels, (level) => binOf.get(level) ?? fallback);
}

function numericBins(
  name: string,
  values: Float64Array,
  sample: Int32Array | null,
  maxBins: number,
): NumericBins {
  const n = sample ? sample.length : values.length;
  const finite = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x = values[sample ? (sample[i] as number) : i] as number;
    // Infinities still get bins (the first or last) but never become edges: JSON cannot hold them.
    if (Number.isFinite(x)) finite[k++] = x;
  }
  const sorted = finite.subarray(0, k).sort();
  const distinct: number[] = [];
  for (let i = 0; i < k; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i] as number);
  const edges: number[] = [];
  if (distinct.length <= maxBins) {
    for (let i = 1; i < distinct.length; i++) {
      edges.push(((distinct[i - 1] as number) + (distinct[i] as number)) / 2);
    }
  } else {
    for (let b = 1; b < maxBins; b++) {
      const edge = quantileSorted(sorted, b / maxBins);
      if (edges.length === 0 || edge > (edges[edges.length - 1] as number)) edges.push(edge);
    }
  }
  return { kind: 'numeric', name, edges };
}

function categoricalBins(
  name: string,
  codes: Int32Array,
  levels: readonly string[],
  maxBins: number,
  minCount: number,
): CategoricalBins {
  const counts = new Float64Array(levels.length);
  for (let r = 0; r < codes.length; r++) {
    const code = codes[r] as number;
    if (code >= 0) counts[code] = (counts[code] as number) + 1;
  }
  const frequent = [...levels.keys()]
    .filter((code) => (counts[code] as number) >= Math.max(1, minCount))
    .sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
  // Levels below the threshold or beyond the bin budget share the "other" bin.
  const pooled = frequent.length < levels.length || frequent.length > maxBins;
  const kept = frequent.slice(0, pooled ? maxBins - 1 : maxBins);
  return {
    kind: 'categorical',
    name,
    levels: kept.map((code) => levels[code] as string),
    other: pooled,
  };
}

/** A seeded, ascending subset of about `size` rows, or null when all rows fit. */
function sampleRows(rows: number, size: number, seed: number): Int32Array | null {
  if (rows <= size) return null;
  const rng = rngFor(seed, 0x62696e73); // 'bins': a stream of its own
  const threshold = (size / rows) * 4294967296;
  const out = new Int32Array(rows);
  let k = 0;
  for (let r = 0; r < rows; r++) if (rng.nextUint32() < threshold) out[k++] = r;
  return out.slice(0, k);
}
