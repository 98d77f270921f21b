// Worker entry of `fitGbdtMany`. Plain JavaScript, so it starts the same way under
// `node --import tsx`, under vitest and from `pipelines/milepost.mjs` (as the portfolio worker
// does): it registers tsx itself, fits the fits it claims with the single-thread code, posts
// them (or the error) on its port and then raises the flag the parent thread may wait on. The
// flag goes up even when loading fails, so the parent never waits for a worker that died.
import { workerData } from 'node:worker_threads';

const { port, flag, task } = workerData;
try {
  const { register } = await import('tsx/esm/api');
  register();
  const { fitClaimed } = await import('./gbdt-fit-worker-task.ts');
  port.postMessage(fitClaimed(task, true));
} catch (error) {
  port.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
