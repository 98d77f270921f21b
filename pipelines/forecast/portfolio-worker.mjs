// Worker entry of `simulatePortfolioParallel`. Plain JavaScript, so it starts the same way under
// `node --import tsx`, under vitest and from `pipelines/milepost.mjs`: it registers tsx itself
// (no loader flag is inherited: the parent starts it with `execArgv: []`) and then runs the
// TypeScript task, which answers with one message or fails with an error.
import { register } from 'tsx/esm/api';

register();
await import('./portfolio-worker-task.ts');
