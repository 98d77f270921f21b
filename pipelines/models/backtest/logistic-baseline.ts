import type { FeatureMatrix } from '../learn/feature-matrix.ts';
import { fitLogistic, predictLogistic } from '../learn/logistic-irls.ts';
import { pickValues, taskMatrix } from '../fit/task-matrix.ts';
import type { Task } from './tasks.ts';

/**
 * The explainable linear baseline: L2-regularised logistic regression fitted by Newton/IRLS on
 * standardised numeric features (missing values at the mean, plus a missing flag) and one-hot
 * categories (levels with >= 20 training rows), fitted with learn/logistic-irls.ts. Returns a predictor for matrices of the same task.
 */
export function fitLogisticBaseline(
  task: Task,
  rows: Int32Array,
  l2 = 1e-4,
): (X: FeatureMatrix) => Float64Array {
  const train = taskMatrix(task, rows);
  const design = designOf(train);
  const y = pickValues(task.y, rows);
  const asMatrix = (X: FeatureMatrix): FeatureMatrix => {
    const features = design
      .columns(X)
      .map((values, j) => ({ kind: 'numeric' as const, name: `x${j}`, values }));
    return { rows: X.rows, features };
  };
  const model = fitLogistic(asMatrix(train), y, { l2 });
  return (X) => predictLogistic(model, asMatrix(X));
}

interface Design {
  columns(X: FeatureMatrix): Float64Array[];
}

function designOf(train: FeatureMatrix): Design {
  const makers: ((X: FeatureMatrix) => Float64Array)[] = [];
  train.features.forEach((f, k) => {
    if (f.kind === 'numeric') makers.push(...numericMakers(f.values, k));
    else {
      const counts = new Map<number, number>();
      for (const c of f.codes) counts.set(c, (counts.get(c) ?? 0) + 1);
      const levels = [...counts]
        .filter(([c, n]) => c >= 0 && n >= 20)
        .map(([c]) => c)
        .slice(1);
      for (const level of levels) makers.push((X) => indicator(X.features[k], level, X.rows));
    }
  });
  return { columns: (X) => makers.map((m) => m(X)) };
}

type Column = FeatureMatrix['features'][number] | undefined;

/** The standardised column (missing at 0) and, if the training rows miss any, a missing flag. */
function numericMakers(train: Float64Array, k: number): ((X: FeatureMatrix) => Float64Array)[] {
  let count = 0;
  let sum = 0;
  for (const v of train) {
    if (!Number.isFinite(v)) continue;
    count++;
    sum += v;
  }
  const mean = sum / Math.max(1, count);
  let ss = 0;
  for (const v of train) if (Number.isFinite(v)) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / Math.max(1, count)) || 1;
  const values = (X: FeatureMatrix) => (X.features[k] as Column & { values: Float64Array }).values;
  const map = (X: FeatureMatrix, f: (v: number) => number) => {
    const v = values(X);
    const out = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = f(v[i] as number);
    return out;
  };
  const standardised = (X: FeatureMatrix) =>
    map(X, (v) => (Number.isFinite(v) ? (v - mean) / sd : 0));
  const missing = (X: FeatureMatrix) => map(X, (v) => (Number.isFinite(v) ? 0 : 1));
  return count < train.length ? [standardised, missing] : [standardised];
}

/** 1 where the categorical column has `level`, else 0 (all 0 for a column of another kind). */
function indicator(g: Column, level: number, rows: number): Float64Array {
  const out = new Float64Array(rows);
  if (g?.kind !== 'categorical') return out;
  for (let i = 0; i < rows; i++) if (g.codes[i] === level) out[i] = 1;
  return out;
}
