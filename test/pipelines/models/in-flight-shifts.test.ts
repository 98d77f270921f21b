// The delivery model's in-flight conformal shifts: fitted on the calibration window's landmark
// rows only, scored after conditioning on R > age like the product, with the start rows' shifts
// left exactly as they were.
import { describe, expect, it } from 'vitest';
import {
  conditionOnSurvival,
  quantileAt,
  quantileDistribution,
} from '../../../pipelines/forecast/quantile-distribution.ts';
import type { Task } from '../../../pipelines/models/backtest/tasks.ts';
import {
  fitQuantileModel,
  predictQuantiles,
  type QuantileModel,
} from '../../../pipelines/models/fit/quantile-model.ts';
import { taskMatrix } from '../../../pipelines/models/fit/task-matrix.ts';
import { serializeGbdt } from '../../../pipelines/models/learn/gbdt-serialize.ts';
import {
  productModelFrom,
  type ProductModelParams,
} from '../../../pipelines/models/product-model.ts';
import { rngFor } from '../../../pipelines/random/prng.ts';

const levels = [0.1, 0.5, 0.8, 0.9];
const range = (from: number, to: number) =>
  Int32Array.from({ length: to - from }, (_, i) => from + i);
// Task positions: 0-1599 fit (odd ones landmark rows), 1600-1999 calibration (start rows), 2000-2599 the calibration
// window's landmark rows, 2600-2999 landmark rows of other milestones (never calibrate).
const split = { fit: range(0, 1600), calibration: range(1600, 2000) };
const window = range(2000, 2600);
const others = range(2600, 3000);

/**
 * y = x + noise; a landmark row is a milestone seen again at an age it outlived (log age < y),
 * with the age as a feature the start rows do not have (0 there).
 */
function task(n = 3000): { task: Task; age: Float64Array } {
  const rng = rngFor(11, 1);
  const x = Float64Array.from({ length: n }, () => rng.uniform(0, 1));
  const y = Float64Array.from(x, (v) => v + 0.5 * rng.normal());
  // Odd fitting rows are landmark rows too: the model learns from the age, as the product's.
  const landmark = (i: number) => i >= 2000 || (i < 1600 && i % 2 === 1);
  const age = Float64Array.from(y, (v, i) =>
    landmark(i) ? Math.exp(v - rng.uniform(0.05, 1)) : 0,
  );
  const group = Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 'b' : 'a'));
  const t: Task = {
    source: 't',
    kind: 'quantile',
    target: 'y',
    rows: range(0, n),
    y,
    time: Float64Array.from({ length: n }, (_, i) => i),
    knownAt: Float64Array.from({ length: n }, (_, i) => i),
    numeric: new Map([
      ['x', x],
      ['age_ratio', age],
    ]),
    categorical: new Map(),
    referenceGroup: group,
  };
  return { task: t, age };
}

const fit = (t: Task, age: Float64Array, rows = window, minRows = 300) =>
  fitQuantileModel(t, split, {
    levels,
    cohortMinRows: minRows,
    inFlightCalibration: { rows, age: Float64Array.from(rows, (p) => age[p] ?? 0) },
  });

/** Share of `rows` whose quantile at each level, conditioned on R > age, covers y. */
function conditionedCoverage(model: QuantileModel, t: Task, age: Float64Array, rows: Int32Array) {
  const flags = new Array<boolean>(rows.length).fill(true);
  const cohorts = Array.from(rows, (p) => t.referenceGroup[p] ?? '');
  const q = predictQuantiles(model, taskMatrix(t, rows), cohorts, flags);
  const hits = levels.map(() => 0);
  rows.forEach((p, i) => {
    const d = quantileDistribution(
      levels,
      q.map((c) => c[i] ?? 0),
    );
    const c = conditionOnSurvival(d, age[p] ?? 0);
    levels.forEach((u, k) => (hits[k]! += (t.y[p] ?? 0) <= quantileAt(c, u) ? 1 : 0));
  });
  return hits.map((h) => h / rows.length);
}

describe('in-flight conformal shifts', () => {
  const { task: t, age } = task();
  const model = fit(t, age);

  it('leave the start rows shifts exactly as without them', () => {
    const plain = fitQuantileModel(t, split, { levels, cohortMinRows: 300 });
    expect(plain.inFlightCorrections).toBeUndefined();
    expect(model.corrections).toEqual(plain.corrections);
    expect(model.inFlightCorrections).toHaveLength(levels.length);
    // Rows at their start still get the start shifts.
    const rows = range(2000, 2010);
    const X = taskMatrix(t, rows);
    expect(predictQuantiles(model, X)).toEqual(predictQuantiles(plain, X));
  });

  it('cover the window at each level after conditioning on the age', () => {
    // Group a's rows take group a's shifts, fitted on exactly those rows.
    const rowsA = window.filter((p) => t.referenceGroup[p] === 'a');
    const coverage = conditionedCoverage(model, t, age, rowsA);
    levels.forEach((q, k) => {
      expect(coverage[k]).toBeGreaterThanOrEqual(q - 0.005);
      expect(coverage[k]).toBeLessThan(q + 0.01);
    });
    // The start shifts, conditioned the same way, do not (the correction does something).
    const startOnly = { ...model, inFlightCorrections: undefined };
    const before = conditionedCoverage(startOnly, t, age, rowsA);
    const gap = (c: number[]) => Math.max(...c.map((v, k) => Math.abs(v - (levels[k] ?? 0))));
    expect(gap(before)).toBeGreaterThan(0.03);
  });

  it('are fitted on the window landmark rows only', () => {
    // Other milestones' landmark rows change: the shifts do not.
    const y = Float64Array.from(t.y);
    for (const p of others) y[p] = (y[p] ?? 0) + 3;
    expect(fit({ ...t, y }, age).inFlightCorrections).toEqual(model.inFlightCorrections);
    // The window's outcomes change: the shifts follow.
    const y2 = Float64Array.from(t.y);
    for (const p of window) y2[p] = (y2[p] ?? 0) + 0.3;
    const moved = fit({ ...t, y: y2 }, age).inFlightCorrections;
    expect(moved?.[1]?.global.shift).toBeGreaterThan(
      (model.inFlightCorrections?.[1]?.global.shift ?? 0) + 0.1,
    );
  });

  it('have a cohort of their own only from the minimum count', () => {
    // 450 rows in group a, 150 in group b: b takes the in-flight global shift.
    const c = model.inFlightCorrections?.[1];
    expect(Object.keys(c?.cohorts ?? {})).toEqual(['a']);
    expect(c?.global.count).toBe(600);
  });

  it('fall back to the start shifts below the minimum count (and in models stored before)', () => {
    const few = fit(t, age, range(2000, 2299));
    expect(few.inFlightCorrections).toBeUndefined();
    const X = taskMatrix(t, window);
    const flags = new Array<boolean>(window.length).fill(true);
    expect(predictQuantiles(few, X, undefined, flags)).toEqual(predictQuantiles(few, X));
  });

  it('are stored with the model, and a model stored before them still loads', () => {
    const stand = { model: serializeGbdt(model.models[0]!), calibration: null };
    const params: ProductModelParams = {
      format: 'milepost-product-model',
      asOf: '2026-01-01',
      numeric: ['x', 'age_ratio'],
      categorical: [],
      attributes: [],
      delivery: {
        levels,
        models: model.models.map(serializeGbdt),
        corrections: model.corrections,
        inFlightCorrections: model.inFlightCorrections!,
      },
      late: stand,
      dispute: stand,
    };
    const stored = JSON.parse(JSON.stringify(params)) as ProductModelParams;
    expect(productModelFrom(stored).delivery.inFlightCorrections).toEqual(
      model.inFlightCorrections,
    );
    const { inFlightCorrections: _, ...before } = stored.delivery;
    const old = productModelFrom({ ...stored, delivery: before }).delivery;
    expect(old.inFlightCorrections).toBeUndefined();
    const X = taskMatrix(t, window);
    const flags = new Array<boolean>(window.length).fill(true);
    expect(predictQuantiles(old, X, undefined, flags)).toEqual(predictQuantiles(old, X));
    expect(predictQuantiles(productModelFrom(stored).delivery, X, undefined, flags)).not.toEqual(
      predictQuantiles(old, X),
    );
  });
});
