import type { Task } from '../backtest/tasks.ts';
import { historyEncoding } from './history-encoding.ts';

/**
 * Adds, for each named categorical feature, the as-of mean outcome of earlier rows of the same
 * level (`hist_<name>`) and how many there were (`hist_<name>_n`): a partner's or project's own
 * track record on this very target, shrunk toward the overall record when it is thin.
 */
export function withHistoryFeatures(task: Task, names: readonly string[], k = 10): Task {
  const numeric = new Map(task.numeric);
  for (const name of names) {
    const col = task.categorical.get(name);
    if (!col) continue;
    const { mean, count } = historyEncoding(task.time, task.knownAt, task.y, col.codes, { k });
    numeric.set(`hist_${name}`, mean);
    numeric.set(`hist_${name}_n`, count);
  }
  return { ...task, numeric };
}
