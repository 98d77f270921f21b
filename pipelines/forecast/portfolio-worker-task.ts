// Runs one contiguous chunk of a portfolio in a worker thread with the single-thread code, so
// every project draws from its own seeded streams exactly as it would on the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { PortfolioTask } from './simulate-portfolio-parallel.ts';
import { simulatePortfolio } from './simulate-portfolio.ts';

const task = workerData as PortfolioTask;
if (!parentPort) throw new Error('portfolio-worker-task.ts runs only inside a worker thread');
parentPort.postMessage(simulatePortfolio(task.projects, task.options));
