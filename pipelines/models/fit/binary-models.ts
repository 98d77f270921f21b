// Several classifiers on their own rows (the product's P(late) and P(dispute)) fitted at the same
// time: on large data (every one with more than LARGE_DATA_ROWS fitting rows) this thread bins
// each task's rows, then it and one worker thread each take the next unfitted classifier
// (runClaimedOnTwoThreads). Each is fitted by the same fitBinaryOn as one after another here,
// so the models are the same; small data fits one after another as before.
import { availableParallelism } from 'node:os';
import type { Task } from '../backtest/tasks.ts';
import { runClaimedOnTwoThreads, type ClaimEntry } from '../learn/gbdt-fit-many.ts';
import {
  binaryDatasets,
  fitBinaryModel,
  fitBinaryOn,
  type BinaryDatasets,
  type BinaryFitOptions,
  type BinaryModel,
} from './binary-model.ts';
import { LARGE_DATA_ROWS } from './model-settings.ts';

export interface BinaryJob {
  readonly task: Task;
  readonly split: { fit: Int32Array; calibration: Int32Array };
  /** Plain-data options of fitBinaryModel (default: none). */
  readonly options?: SentOptions;
}

type SentOptions = Omit<BinaryFitOptions, 'datasets' | 'weights'>;

/** A job as a worker receives it: the binned rows without their (small-data) refit closure. */
export interface SentJob {
  readonly y: Float64Array;
  readonly split: BinaryJob['split'];
  readonly datasets: Omit<BinaryDatasets, 'all'>;
  readonly options: SentOptions;
}

export interface ClaimTask {
  readonly jobs: readonly SentJob[];
  /** Shared: [0] = the next job to claim; [1 + k] = 1 once job k is claimed by the worker. */
  readonly claims: Int32Array;
}

interface ClaimOutput {
  readonly indices: number[];
  readonly models: BinaryModel[];
}

export const BINARY_ENTRY: ClaimEntry = { module: import.meta.url, name: 'fitBinaryClaimed' };

/** jobs.map((j) => fitBinaryModel(j.task, j.split)), two at a time on large data. */
export function fitBinaryModels(
  jobs: readonly BinaryJob[],
  options: { parallel?: boolean } = {},
): BinaryModel[] {
  const large = jobs.every((j) => j.split.fit.length > LARGE_DATA_ROWS);
  if (!large || options.parallel === false || jobs.length < 2 || availableParallelism() < 2)
    return jobs.map((j) => fitBinaryModel(j.task, j.split, j.options));
  const datasets = jobs.map((j) => binaryDatasets(j.task, j.split));
  const task = binaryClaimTask(jobs, datasets);
  const parts = runClaimedOnTwoThreads(
    task,
    jobs.length,
    BINARY_ENTRY,
    fitBinaryClaimed,
    (missing) => ({ indices: missing, models: missing.map((k) => fitSentJob(task.jobs[k]!)) }),
  );
  const models = new Array<BinaryModel>(jobs.length);
  for (const part of parts)
    part.indices.forEach((k, i) => (models[k] = ownMapper(part.models[i]!, datasets[k]!)));
  return models;
}

/** A worker's model carries a copy of the mapper: give it the dataset's own object back. */
export function ownMapper(m: BinaryModel, data: BinaryDatasets): BinaryModel {
  return { ...m, model: { ...m.model, mapper: data.train.mapper } };
}

/** The jobs as both threads claim them (the worker gets a structured clone). */
export function binaryClaimTask(
  jobs: readonly BinaryJob[],
  datasets: readonly BinaryDatasets[],
): ClaimTask {
  return {
    jobs: sentJobs(jobs, datasets),
    claims: new Int32Array(new SharedArrayBuffer(4 * (jobs.length + 1))),
  };
}

/** The jobs with their binned rows, as a worker receives them. */
export function sentJobs(
  jobs: readonly BinaryJob[],
  datasets: readonly BinaryDatasets[],
): SentJob[] {
  return jobs.map((j, k) => ({
    y: j.task.y,
    split: j.split,
    datasets: sendable(datasets[k]!),
    options: j.options ?? {},
  }));
}

function sendable(data: BinaryDatasets): Omit<BinaryDatasets, 'all'> {
  const { all: _, ...rest } = data;
  return rest;
}

/** The classifiers this thread claims (the worker's entry as well). */
export function fitBinaryClaimed(task: ClaimTask, inWorker: boolean): ClaimOutput {
  const out: ClaimOutput = { indices: [], models: [] };
  for (;;) {
    const k = Atomics.add(task.claims, 0, 1);
    const job = task.jobs[k];
    if (!job) break;
    if (inWorker) Atomics.store(task.claims, 1 + k, 1);
    out.indices.push(k);
    out.models.push(fitSentJob(job));
  }
  return out;
}

/** One classifier of a claim task, as fitBinaryModel fits it on the same binned rows. */
export function fitSentJob(job: SentJob): BinaryModel {
  const data: BinaryDatasets = {
    ...job.datasets,
    all: () => {
      throw new Error('the large-data path does not refit on all rows');
    },
  };
  return fitBinaryOn(job.y, job.split, data, job.options);
}
