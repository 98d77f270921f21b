// Worker entry of `fitGbdtMany` and `runClaimedOnTwoThreads`. Plain JavaScript, so it starts
// the same way under `node --import tsx`, under vitest and from `pipelines/milepost.mjs` (as the
// portfolio worker does): it registers tsx itself, runs the jobs it claims with the
// single-thread code (`entry`: module URL and export; by default fitClaimed, the gbdt fits;
// called as run(task, true, receive), receive() returning what the parent sent since, if any),
// posts them (or the error) on its port and then raises the flag the parent thread may wait
// on. The flag goes up even when loading fails, so the parent never waits for a worker that died.
import { receiveMessageOnPort, workerData } from 'node:worker_threads';

const { port, flag, task, entry } = workerData;
const { module, name } = entry ?? { module: './gbdt-fit-worker-task.ts', name: 'fitClaimed' };
try {
  const { register } = await import('tsx/esm/api');
  register();
  const run = (await import(new URL(module, import.meta.url).href))[name];
  port.postMessage(run(task, true, () => receiveMessageOnPort(port)?.message));
} catch (error) {
  port.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
