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
    if (f.kind === 'numeric') {
      const finite = f.values.filter(Number.isFinite);
      const mean = finite.reduce((s, v) => s + v, 0) / Math.max(1, finite.length);
      const sd =
        Math.sqrt(finite.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, finite.length)) ||
        1;
      const col = (X: FeatureMatrix) => X.features[k] as typeof f;
      makers.push((X) => col(X).values.map((v) => (Number.isFinite(v) ? (v - mean) / sd : 0)));
      if (finite.length < f.values.length)
        makers.push((X) => col(X).values.map((v) => (Number.isFinite(v) ? 0 : 1)));
    } else {
      const counts = new Map<number, number>();
      for (const c of f.codes) counts.set(c, (counts.get(c) ?? 0) + 1);
      const levels = [...counts]
        .filter(([c, n]) => c >= 0 && n >= 20)
        .map(([c]) => c)
        .slice(1);
      for (const level of levels) {
        makers.push((X) => {
          const g = X.features[k];
          return g?.kind === 'categorical'
            ? Float64Array.from(g.codes, (c) => (c === level ? 1 : 0))
            : new Float64Array(X.rows);
        });
      }
    }
  });
  return { columns: (X) => makers.map((m) => m(X)) };
}
