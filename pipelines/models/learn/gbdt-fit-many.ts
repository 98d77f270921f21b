// Several independent jobs shared between this thread and one worker thread: the fits of one
// binned dataset (fitGbdtMany, e.g. the delivery quantile levels) or any other claimable jobs
// (runClaimedOnTwoThreads: e.g. the two risk classifiers). The call stays synchronous: both
// threads take the next unclaimed job from a shared counter until none is left; then this
// thread blocks on a shared flag (Atomics.wait) only if the worker claimed any, and takes its
// results off the port (receiveMessageOnPort). The results are the same as run one after
// another here; jobs the worker claimed but did not deliver (it failed or stalled) run here.
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { GbdtDataset } from './gbdt-dataset.ts';
import type { GbdtFitOptions } from './gbdt-fit.ts';
import { fitClaimed } from './gbdt-fit-worker-task.ts';
import type { FitOutput, FitTask } from './gbdt-fit-worker-task.ts';
import type { GbdtModel } from './gbdt-model.ts';

const WORKER_ENTRY = new URL('./gbdt-fit-worker.mjs', import.meta.url);

/** The worker's claims are fitted here when it has not answered after this long (or 4x ours). */
const MIN_WAIT_MS = 120_000;

/**
 * fits.map((o) => fitGbdt(data, target, o)), on two threads when `parallel` and cores allow;
 * with `predictOn`, each model's `predict` on those rows too (computed where it was fitted).
 */
export function fitGbdtMany(
  data: GbdtDataset,
  target: Float64Array,
  fits: readonly GbdtFitOptions[],
  options: { parallel: boolean; predictOn?: GbdtDataset },
): { models: GbdtModel[]; predictions: Float64Array[] | null } {
  const predictOn = options.predictOn ?? null;
  const task = (): FitTask => ({
    data,
    target,
    fits,
    predictOn,
    claims: new Int32Array(new SharedArrayBuffer(4 * (fits.length + 1))),
  });
  if (!options.parallel || fits.length < 2 || availableParallelism() < 2)
    return ordered(fits.length, [fitClaimed(task(), false)]);
  const shared = task();
  const parts = runClaimedOnTwoThreads(shared, fits.length, FIT_ENTRY, fitClaimed, (missing) =>
    refit(shared, missing),
  );
  return ordered(fits.length, parts, data);
}

/** A worker's job runner: the module (a file URL) and its export, called as run(task, true). */
export interface ClaimEntry {
  readonly module: string;
  readonly name: string;
}

/** What one thread returns: the indices of the jobs it claimed, in the order it ran them. */
export interface Claimed {
  readonly indices: number[];
}

const FIT_ENTRY: ClaimEntry = {
  module: new URL('./gbdt-fit-worker-task.ts', import.meta.url).href,
  name: 'fitClaimed',
};

/**
 * Runs the `jobs` jobs of `task` on this thread (`run(task, false)`) and on a worker (the
 * export `entry` names, given a structured clone of `task`); both claim jobs through
 * `task.claims` ([0]: the next job; [1 + k] = 1 once the worker claimed job k). Returns each
 * thread's part, plus `runListed` of the jobs the worker claimed but did not deliver. With
 * `meanwhile`, this thread first runs it while the worker starts on `task` (it may `send` the
 * worker more data, which the worker's run takes through its `receive`) and then runs the task
 * it returns.
 */
export function runClaimedOnTwoThreads<
  T extends { readonly claims: Int32Array },
  O extends Claimed,
>(
  task: T,
  jobs: number,
  entry: ClaimEntry,
  run: (task: T, inWorker: boolean) => O,
  runListed: (indices: number[]) => O,
  meanwhile?: (send: (message: unknown) => void) => T,
): O[] {
  const away = startWorker(task, entry);
  const started = performance.now();
  const mine = run(meanwhile ? meanwhile(away.send) : task, false);
  const claimed = (k: number) => Atomics.load(task.claims, 1 + k) === 1;
  const workerClaimed = Array.from({ length: jobs }, (_, k) => claimed(k)).some(Boolean);
  const theirs = away.collect<O>(
    workerClaimed ? Math.max(MIN_WAIT_MS, 4 * (performance.now() - started)) : 0,
  );
  const parts = theirs ? [mine, theirs] : [mine];
  const all = Array.from({ length: jobs }, (_, k) => k);
  const missing = all.filter((k) => !parts.some((p) => p.indices.includes(k)));
  if (missing.length > 0) parts.push(runListed(missing));
  return parts;
}

/** Fits the listed indices here (the worker's undelivered claims). */
function refit(task: FitTask, indices: number[]): FitOutput {
  const claims = new Int32Array(new SharedArrayBuffer(4 * (indices.length + 1)));
  const out = fitClaimed({ ...task, fits: indices.map((k) => task.fits[k]!), claims }, false);
  return { ...out, indices: out.indices.map((i) => indices[i]!) };
}

/** Models (and predictions) back in the order of the fits; worker models get `data`'s mapper. */
function ordered(n: number, parts: FitOutput[], data?: GbdtDataset) {
  const models = new Array<GbdtModel>(n);
  const predictions = new Array<Float64Array>(n);
  let predicted = true;
  for (const part of parts) {
    part.indices.forEach((k, i) => {
      const m = part.models[i]!;
      // A worker's model carries a copy of the mapper: give it the dataset's own object back.
      models[k] = data && m.mapper !== data.mapper ? { ...m, mapper: data.mapper } : m;
      if (part.predictions) predictions[k] = part.predictions[i]!;
      else predicted = false;
    });
  }
  return { models, predictions: predicted ? predictions : null };
}

function startWorker(
  task: unknown,
  entry: ClaimEntry,
): {
  send: (message: unknown) => void;
  collect: <O extends Claimed>(waitMs: number) => O | null;
} {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_ENTRY, {
    workerData: { port: port2, flag, task, entry },
    transferList: [port2],
    execArgv: [],
  });
  worker.unref();
  worker.on('error', () => {}); // a failure shows as an error message on the port
  return {
    send: (message) => port1.postMessage(message),
    collect: <O extends Claimed>(waitMs: number) => {
      const until = performance.now() + waitMs;
      while (Atomics.load(flag, 0) === 0 && performance.now() < until)
        Atomics.wait(flag, 0, 0, Math.max(1, until - performance.now()));
      const reply = receiveMessageOnPort(port1)?.message as
        (Partial<O> & { error?: string }) | undefined;
      port1.close();
      void worker.terminate();
      return reply && Array.isArray(reply.indices) && reply.error === undefined
        ? (reply as O)
        : null;
    },
  };
}
