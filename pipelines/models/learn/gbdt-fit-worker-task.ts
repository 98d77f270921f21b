// The fitting loop of `fitGbdtMany`, run by the calling thread and by its worker alike: each
// takes the next unclaimed fit from a shared counter (so the two threads balance themselves)
// and fits it with the same fitGbdt, so each model is bit-identical wherever it was fitted.
import type { GbdtDataset } from './gbdt-dataset.ts';
import { fitGbdt } from './gbdt-fit.ts';
import type { GbdtFitOptions } from './gbdt-fit.ts';
import type { GbdtModel } from './gbdt-model.ts';
import { predict } from './gbdt-predict.ts';

export interface FitTask {
  readonly data: GbdtDataset;
  readonly target: Float64Array;
  readonly fits: readonly GbdtFitOptions[];
  /** Rows (binned like `data`) each fitted model also predicts (`predict`). */
  readonly predictOn: GbdtDataset | null;
  /** Shared: [0] = the next fit to claim; [1 + k] = 1 once fit k is claimed by the worker. */
  readonly claims: Int32Array;
}

/** The fits this thread claimed, by index. */
export interface FitOutput {
  readonly indices: number[];
  readonly models: GbdtModel[];
  readonly predictions: Float64Array[] | null;
}

export function fitClaimed(task: FitTask, inWorker: boolean): FitOutput {
  const out = {
    indices: [] as number[],
    models: [] as GbdtModel[],
    predictions: [] as Float64Array[],
  };
  const rows = task.predictOn;
  for (;;) {
    const k = Atomics.add(task.claims, 0, 1);
    const options = task.fits[k];
    if (!options) break;
    if (inWorker) Atomics.store(task.claims, 1 + k, 1);
    const { model, prediction } = fitOne(task, options);
    out.indices.push(k);
    out.models.push(model);
    if (prediction) out.predictions.push(prediction);
  }
  return { ...out, predictions: rows ? out.predictions : null };
}

/** One fit of a task, and its prediction of `predictOn` (null without those rows). */
export function fitOne(
  task: Pick<FitTask, 'data' | 'target' | 'predictOn'>,
  options: GbdtFitOptions,
): { model: GbdtModel; prediction: Float64Array | null } {
  const model = fitGbdt(task.data, task.target, options);
  return { model, prediction: task.predictOn ? predict(model, task.predictOn) : null };
}
