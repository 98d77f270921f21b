import { describe, expect, it } from 'vitest';
import {
  featureMatrix,
  numericFeature,
} from '../../../../pipelines/models/learn/feature-matrix.ts';
import { gbdtDataset } from '../../../../pipelines/models/learn/gbdt-dataset.ts';
import {
  buildHistogram,
  histogramLayout,
  subtractHistogram,
} from '../../../../pipelines/models/learn/gbdt-histograms.ts';
import { findBestSplit } from '../../../../pipelines/models/learn/gbdt-split.ts';
import { rngFor } from '../../../../pipelines/random/prng.ts';
import { xorProblem } from './synthetic.ts';

/** Scratch accumulators for buildHistogram. */
const spares = (size: number) =>
  [new Float64Array(size), new Float64Array(size), new Float64Array(size)] as const;

const rules = {
  l2: 0,
  minSamplesLeaf: 1,
  minHessianLeaf: 0,
  minGainToSplit: 0,
  categoricalSmoothing: 0,
};

describe('histograms', () => {
  const { x } = xorProblem(2001, 41);
  const ds = gbdtDataset(x, { maxBins: 32 });
  const rng = rngFor(41, 1);
  const n = ds.rows;
  const idx = Uint32Array.from({ length: n }, (_, i) => i);
  const og = Float64Array.from({ length: n }, () => rng.normal());
  const oh = Float64Array.from({ length: n }, () => rng.uniform(0.1, 1));
  const all = Int32Array.from({ length: ds.featureCount }, (_, f) => f);

  it('counts every row once per feature, with exact gradient sums', () => {
    const layout = histogramLayout(ds.nBins, 3);
    const hist = new Float64Array(layout.size);
    buildHistogram(hist, spares(layout.size), layout, ds.packed, idx, og, oh, 0, n, all);
    for (let f = 0; f < ds.featureCount; f++) {
      let g = 0;
      let c = 0;
      for (let b = 0; b < ds.nBins[f]!; b++) {
        g += hist[layout.offsets[f]! + 3 * b]!;
        c += hist[layout.offsets[f]! + 3 * b + 2]!;
      }
      expect(c).toBe(n);
      expect(g).toBeCloseTo(
        og.reduce((s, v) => s + v, 0),
        9,
      );
    }
    // One bin checked by brute force.
    const f = 1;
    const bin = ds.packed[f]!;
    let expected = 0;
    for (let r = 0; r < n; r++) if (ds.packed[r * ds.featureCount + f] === bin) expected += oh[r]!;
    expect(hist[layout.offsets[f]! + 3 * bin + 1]).toBeCloseTo(expected, 9);
  });

  it('parent minus one child equals the other child (the subtraction trick)', () => {
    const layout = histogramLayout(ds.nBins, 2);
    const spare = spares(layout.size);
    const parent = new Float64Array(layout.size);
    const left = new Float64Array(layout.size);
    const right = new Float64Array(layout.size);
    const ones = new Float64Array(n).fill(1);
    buildHistogram(parent, spare, layout, ds.packed, idx, og, ones, 0, n, all);
    buildHistogram(left, spare, layout, ds.packed, idx, og, ones, 0, 700, all);
    buildHistogram(right, spare, layout, ds.packed, idx, og, ones, 700, n, all);
    subtractHistogram(parent, left, layout, all);
    parent.forEach((v, i) => expect(v).toBeCloseTo(right[i]!, 9));
  });
});

describe('findBestSplit', () => {
  it('finds the threshold between two clusters and sends missing values where they fit', () => {
    // Bins 0-1 have gradient -1 per row, bins 2-3 +1, the missing bin (4) +1 as well.
    const values = [0, 0, 1, 1, 2, 2, 3, 3, Number.NaN, Number.NaN];
    const m = featureMatrix([numericFeature('v', values)]);
    const ds = gbdtDataset(m);
    expect(ds.nBins[0]).toBe(5);
    const layout = histogramLayout(ds.nBins, 3);
    const hist = new Float64Array(layout.size);
    const g = Float64Array.from(values, (v) => (v < 2 ? -1 : 1));
    const h = new Float64Array(values.length).fill(1);
    const idx = Uint32Array.from(values.keys());
    buildHistogram(
      hist,
      spares(layout.size),
      layout,
      ds.packed,
      idx,
      g,
      h,
      0,
      values.length,
      Int32Array.of(0),
    );
    const split = findBestSplit(
      hist,
      layout,
      ds.categorical,
      Int32Array.of(0),
      { g: 2, h: 10, c: 10 },
      rules,
    );
    expect(split).toMatchObject({ feature: 0, threshold: 1, missingLeft: false });
    expect(split?.left).toEqual({ g: -4, h: 4, c: 4 });
    // 0.5 * (16/4 + 36/6 - 4/10)
    expect(split?.gain).toBeCloseTo(4.8, 12);
  });

  it('returns null when no split satisfies minSamplesLeaf', () => {
    const m = featureMatrix([numericFeature('v', [0, 1, 2, 3])]);
    const ds = gbdtDataset(m);
    const layout = histogramLayout(ds.nBins, 3);
    const hist = new Float64Array(layout.size);
    const g = Float64Array.of(-1, -1, 1, 1);
    const h = Float64Array.of(1, 1, 1, 1);
    buildHistogram(
      hist,
      spares(layout.size),
      layout,
      ds.packed,
      Uint32Array.of(0, 1, 2, 3),
      g,
      h,
      0,
      4,
      Int32Array.of(0),
    );
    const totals = { g: 0, h: 4, c: 4 };
    expect(
      findBestSplit(hist, layout, ds.categorical, Int32Array.of(0), totals, {
        ...rules,
        minSamplesLeaf: 3,
      }),
    ).toBeNull();
    expect(
      findBestSplit(hist, layout, ds.categorical, Int32Array.of(0), totals, rules)?.threshold,
    ).toBe(1);
  });
});
