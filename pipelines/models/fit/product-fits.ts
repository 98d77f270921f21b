// The product model's seven fits (the delivery quantile levels and the risk classifiers). On
// large data (every fit on more than LARGE_DATA_ROWS rows) they run in ONE pool of two threads
// (runClaimedOnTwoThreads, jobs in fit/product-pool.ts): this thread bins the delivery rows and
// starts the worker on the levels, bins the classifiers' rows meanwhile and sends them over; then
// both take the next unfitted job, the classifiers (the longest jobs) first. Each job runs the
// same code as fitQuantileModel / fitBinaryModels, so the models are the same; otherwise the
// quantiles and then the classifiers are fitted by those two as before.
import { availableParallelism } from 'node:os';
import type { Task } from '../backtest/tasks.ts';
import { runClaimedOnTwoThreads } from '../learn/gbdt-fit-many.ts';
import type { GbdtModel } from '../learn/gbdt-model.ts';
import { binaryDatasets, type BinaryDatasets, type BinaryModel } from './binary-model.ts';
import { fitBinaryModels, ownMapper, sentJobs, type BinaryJob } from './binary-models.ts';
import { LARGE_DATA_ROWS } from './model-settings.ts';
import {
  fitPoolClaimed,
  poolClaims,
  POOL_ENTRY,
  runPoolJob,
  type PoolDone,
  type PoolTask,
} from './product-pool.ts';
import {
  finishQuantileModel,
  fitQuantileModel,
  largeQuantileFit,
  prepareQuantileFit,
  type QuantileFitOptions,
  type QuantileModel,
  type QuantilePrep,
} from './quantile-model.ts';

export interface QuantileJob {
  readonly task: Task;
  readonly split: { fit: Int32Array; calibration: Int32Array };
  readonly options: QuantileFitOptions;
}

/**
 * fitQuantileModel(delivery) and fitBinaryModels(risks), in one pool of two threads on large
 * data; `step` names each phase (bench and server logs).
 */
export function fitProductModels(
  delivery: QuantileJob,
  risks: readonly BinaryJob[],
  step: (name: string) => void,
): { delivery: QuantileModel; risks: BinaryModel[] } {
  const milestones = `${delivery.task.rows.length} milestones`;
  if (!pooled(delivery, risks)) {
    step(`delivery quantiles (${milestones})`);
    const q = fitQuantileModel(delivery.task, delivery.split, delivery.options);
    step('P(late) and P(dispute)');
    return { delivery: q, risks: fitBinaryModels(risks) };
  }
  return fitPooled(delivery, risks, step, milestones);
}

function fitPooled(
  delivery: QuantileJob,
  risks: readonly BinaryJob[],
  step: (name: string) => void,
  milestones: string,
): { delivery: QuantileModel; risks: BinaryModel[] } {
  step(`binning (${milestones})`);
  const prep = prepareQuantileFit(delivery.task, delivery.split, delivery.options);
  const quantile = { data: prep.train, target: prep.yTrain, fits: prep.fits, predictOn: prep.cal };
  const jobs = risks.length + prep.fits.length;
  const task: PoolTask = {
    classifiers: risks.length,
    sent: null,
    quantile,
    claims: poolClaims(jobs),
  };
  const datasets: BinaryDatasets[] = [];
  let here = task;
  step(`${jobs} fits on two threads`);
  // The worker starts on the levels while this thread bins the classifiers' rows.
  const parts = runClaimedOnTwoThreads(
    task,
    jobs,
    POOL_ENTRY,
    fitPoolClaimed,
    (missing) => ({ indices: missing, done: missing.map((k) => runPoolJob(here, k)) }),
    (send) => {
      datasets.push(...risks.map((j) => binaryDatasets(j.task, j.split)));
      here = { ...task, sent: sentJobs(risks, datasets) };
      send(here.sent);
      return here;
    },
  );
  step('calibration');
  const done = new Array<PoolDone>(jobs);
  for (const part of parts) part.indices.forEach((k, i) => (done[k] = part.done[i]!));
  return finish(delivery, prep, datasets, done);
}

/** The models in job order: the delivery model (calibrated here) and the classifiers. */
function finish(
  delivery: QuantileJob,
  prep: QuantilePrep,
  datasets: readonly BinaryDatasets[],
  done: readonly PoolDone[],
): { delivery: QuantileModel; risks: BinaryModel[] } {
  const levels = done.slice(datasets.length) as Extract<PoolDone, { model: unknown }>[];
  // A worker's model carries a copy of the mapper: give it the dataset's own object back.
  const own = (m: GbdtModel) =>
    m.mapper === prep.train.mapper ? m : { ...m, mapper: prep.train.mapper };
  const fitted = {
    models: levels.map((d) => own(d.model)),
    predictions: levels.map((d) => d.prediction!),
  };
  return {
    delivery: finishQuantileModel(delivery.task, delivery.split, delivery.options, prep, fitted),
    risks: datasets.map((data, k) =>
      ownMapper((done[k] as Extract<PoolDone, { classifier: unknown }>).classifier, data),
    ),
  };
}

/** Large data everywhere and two cores: one pool for every fit. */
function pooled(delivery: QuantileJob, risks: readonly BinaryJob[]): boolean {
  return (
    largeQuantileFit(delivery.split.fit.length) &&
    risks.every((j) => j.split.fit.length > LARGE_DATA_ROWS) &&
    availableParallelism() >= 2
  );
}
