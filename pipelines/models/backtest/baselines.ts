import { fitReferenceClass, referenceQuantiles } from '../learn/reference-class.ts';

/**
 * The reference-class baseline: empirical quantiles of the training outcomes of the row's group
 * (e.g. milestone type), falling back to all training rows when a group has fewer than `minRows`.
 */
export function referenceClassQuantiles(
  trainY: Float64Array,
  trainGroups: readonly string[],
  testGroups: readonly string[],
  levels: readonly number[],
  minRows = 30,
): Float64Array[] {
  const model = fitReferenceClass(trainY, trainGroups, { quantiles: levels, minCount: minRows });
  const rows = testGroups.map((g) => referenceQuantiles(model, g).values);
  return levels.map((_, k) => Float64Array.from(rows, (v) => v[k] ?? NaN));
}

/** The reference-class probability: the training rate of the row's group, else the overall rate. */
export function referenceClassRate(
  trainY: Float64Array,
  trainGroups: readonly string[],
  testGroups: readonly string[],
  minRows = 30,
): Float64Array {
  const sums = new Map<string, { s: number; n: number }>();
  let s = 0;
  let n = 0;
  trainY.forEach((y, i) => {
    const g = trainGroups[i] ?? '';
    const cell = sums.get(g) ?? { s: 0, n: 0 };
    cell.s += y;
    cell.n += 1;
    sums.set(g, cell);
    s += y;
    n += 1;
  });
  const overall = n > 0 ? s / n : 0.5;
  return Float64Array.from(testGroups, (g) => {
    const cell = sums.get(g);
    return cell && cell.n >= minRows ? cell.s / cell.n : overall;
  });
}
