import { describe, expect, it } from 'vitest';
import {
  applyBins,
  binFeatures,
  fitBins,
} from '../../../../pipelines/models/learn/bin-features.ts';
import {
  categoricalFeature,
  categoricalFromStrings,
  featureMatrix,
  numericFeature,
  sliceRows,
  takeRows,
} from '../../../../pipelines/models/learn/feature-matrix.ts';
import { rngFor } from '../../../../pipelines/random/prng.ts';

describe('featureMatrix', () => {
  it('checks lengths, names and codes', () => {
    expect(() => featureMatrix([numericFeature('a', [1, 2]), numericFeature('b', [1])])).toThrow(
      /b: 1 rows/,
    );
    expect(() => featureMatrix([numericFeature('a', [1]), numericFeature('a', [2])])).toThrow(
      /Duplicate/,
    );
    expect(() => categoricalFeature('c', [0, 2], ['x', 'y'])).toThrow(/code 2/);
    expect(() =>
      featureMatrix([numericFeature('a', [1])], { weights: Float64Array.of(Number.NaN) }),
    ).toThrow();
  });

  it('encodes strings with sorted levels, null as missing', () => {
    const f = categoricalFromStrings('kind', ['kol', null, 'agency', 'kol']);
    expect(f.levels).toEqual(['agency', 'kol']);
    expect([...f.codes]).toEqual([1, -1, 0, 1]);
  });

  it('slices without copying and takes rows in the given order', () => {
    const values = Float64Array.of(1, 2, 3, 4);
    const m = featureMatrix([numericFeature('a', values)], {
      weights: Float64Array.of(1, 1, 2, 2),
    });
    const tail = sliceRows(m, 2, 4);
    expect(tail.rows).toBe(2);
    expect(tail.weights).toEqual(Float64Array.of(2, 2));
    const taken = takeRows(m, [3, 0]);
    expect(taken.features[0]).toMatchObject({ values: Float64Array.of(4, 1) });
    expect(taken.weights).toEqual(Float64Array.of(2, 1));
  });
});

describe('bins', () => {
  const rng = rngFor(51, 0);
  const n = 20_000;
  const skewed = Float64Array.from({ length: n }, () =>
    rng.chance(0.1) ? Number.NaN : Math.exp(rng.normal()),
  );
  const small = Float64Array.from({ length: n }, () => rng.int(0, 4));
  const m = featureMatrix([numericFeature('skewed', skewed), numericFeature('small', small)]);
  const { mapper, binned } = binFeatures(m, { maxBins: 64 });

  it('puts about equal counts in each quantile bin and NaN in the missing bin', () => {
    const counts = new Array(binned.nBins[0]!).fill(0);
    for (const b of binned.bins[0]!) counts[b]++;
    const missing = counts.pop();
    expect(binned.nBins[0]).toBe(65);
    expect(missing).toBe(skewed.filter(Number.isNaN).length);
    for (const c of counts)
      expect(Math.abs(c - (n - missing) / 64)).toBeLessThan(0.25 * ((n - missing) / 64));
  });

  it('gives each of a few distinct values its own bin, x <= edge[t] exactly when bin <= t', () => {
    expect(binned.nBins[1]).toBe(6); // 5 values + missing
    for (let r = 0; r < n; r++) expect(binned.bins[1]![r]).toBe(small[r]);
    const edges = mapper.features[0]!.kind === 'numeric' ? mapper.features[0]!.edges : [];
    for (let r = 0; r < 2000; r++) {
      const x = skewed[r]!;
      if (Number.isNaN(x)) continue;
      const t = 10;
      expect(binned.bins[0]![r]! <= t).toBe(x <= edges[t]!);
    }
  });

  it('bins new data identically through the JSON mapper, columns matched by name', () => {
    const stored = JSON.parse(JSON.stringify(mapper));
    const reordered = featureMatrix([
      numericFeature('small', small),
      numericFeature('skewed', skewed),
    ]);
    const again = applyBins(reordered, stored);
    expect(again.bins).toEqual(binned.bins);
    expect(() => applyBins(featureMatrix([numericFeature('small', small)]), stored)).toThrow(
      /skewed/,
    );
  });

  it('pools rare levels and levels seen only later into "other"', () => {
    const codes = Int32Array.from({ length: 1000 }, (_, i) => (i < 600 ? 0 : i < 995 ? 1 : 2));
    const cat = featureMatrix([categoricalFeature('kind', codes, ['a', 'b', 'rare', 'never'])]);
    const fitted = fitBins(cat, { minCategoryCount: 10 });
    expect(fitted.features[0]).toEqual({
      kind: 'categorical',
      name: 'kind',
      levels: ['a', 'b'],
      other: true,
    });
    const later = featureMatrix([categoricalFromStrings('kind', ['b', 'new', null, 'rare', 'a'])]);
    expect([...applyBins(later, fitted).bins[0]!]).toEqual([1, 2, 3, 2, 0]);
  });
});
