// The jobs of the product model's fit pool (fit/product-fits.ts), as this thread and its worker
// both claim them: the risk classifiers first (the longest jobs), then the delivery quantile
// levels. The worker starts before the classifiers' rows are binned: it takes levels until
// they arrive (through `receive`), then the next unclaimed classifier. Each job runs the code
// of fitBinaryModels / fitGbdtMany, so a model is the same whichever thread fitted it.
import { fitOne, type FitTask } from '../learn/gbdt-fit-worker-task.ts';
import type { ClaimEntry } from '../learn/gbdt-fit-many.ts';
import type { GbdtModel } from '../learn/gbdt-model.ts';
import type { BinaryModel } from './binary-model.ts';
import { fitSentJob, type SentJob } from './binary-models.ts';

/** Job k < classifiers a classifier, then the quantile levels in the order of their fits. */
export interface PoolTask {
  readonly classifiers: number;
  /** The classifiers' binned rows: null in the worker until this thread sends them. */
  readonly sent: readonly SentJob[] | null;
  readonly quantile: Omit<FitTask, 'claims'>;
  /**
   * Shared: [0] = the next classifier to claim; [1 + k] = 1 once job k is claimed by the worker;
   * [1 + jobs] = the next level to claim.
   */
  readonly claims: Int32Array;
}

interface ClassifierDone {
  readonly classifier: BinaryModel;
}
interface LevelDone {
  readonly model: GbdtModel;
  readonly prediction: Float64Array | null;
}
export type PoolDone = ClassifierDone | LevelDone;

export interface PoolOutput {
  readonly indices: number[];
  readonly done: PoolDone[];
}

export const POOL_ENTRY: ClaimEntry = { module: import.meta.url, name: 'fitPoolClaimed' };

/** The claims array of a pool of `jobs` jobs. */
export const poolClaims = (jobs: number) => new Int32Array(new SharedArrayBuffer(4 * (jobs + 2)));

/** The jobs this thread claims (the worker's entry as well: `receive` brings `sent`). */
export function fitPoolClaimed(
  task: PoolTask,
  inWorker: boolean,
  receive?: () => unknown,
): PoolOutput {
  const out = { indices: [] as number[], done: [] as PoolDone[] };
  let sent = task.sent;
  for (;;) {
    sent ??= (receive?.() as readonly SentJob[] | undefined) ?? null;
    const k = nextJob(task, sent !== null);
    if (k < 0) break;
    if (inWorker) Atomics.store(task.claims, 1 + k, 1);
    out.indices.push(k);
    out.done.push(runPoolJob({ ...task, sent }, k));
  }
  return out;
}

/** The next unclaimed classifier (once their rows are here), else level; -1 when none is left. */
function nextJob(task: PoolTask, classifiersHere: boolean): number {
  const levels = task.quantile.fits.length;
  if (classifiersHere && Atomics.load(task.claims, 0) < task.classifiers) {
    const k = Atomics.add(task.claims, 0, 1);
    if (k < task.classifiers) return k;
  }
  const j = Atomics.add(task.claims, 1 + task.classifiers + levels, 1);
  return j < levels ? task.classifiers + j : -1;
}

/** Job k of the pool (the classifiers' rows must be here for k < task.classifiers). */
export function runPoolJob(task: PoolTask, k: number): PoolDone {
  if (k < task.classifiers) return { classifier: fitSentJob(task.sent![k]!) };
  return fitOne(task.quantile, task.quantile.fits[k - task.classifiers]!);
}
