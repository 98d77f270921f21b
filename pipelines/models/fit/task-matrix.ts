import type { Task } from '../backtest/tasks.ts';
import type { Feature, FeatureMatrix } from '../learn/feature-matrix.ts';

/** The task's features for the given rows (indices into the task), as a learner matrix. */
export function taskMatrix(
  task: Task,
  rows: ArrayLike<number>,
  weights?: Float64Array,
): FeatureMatrix {
  const features: Feature[] = [];
  for (const [name, col] of task.numeric) {
    const values = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = col[rows[i] as number] ?? NaN;
    features.push({ kind: 'numeric', name, values });
  }
  for (const [name, col] of task.categorical) {
    const codes = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) codes[i] = col.codes[rows[i] as number] ?? -1;
    features.push({ kind: 'categorical', name, codes, levels: col.levels });
  }
  return weights ? { rows: rows.length, features, weights } : { rows: rows.length, features };
}

/** The values of `y` at `rows`. */
export function pickValues(y: Float64Array, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = y[rows[i] as number] ?? NaN;
  return out;
}
