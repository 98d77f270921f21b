import { defineConfig } from 'vitest/config';

// Pin the time zone for the forked workers too (they inherit this process's environment);
// `npm test` also sets TZ=UTC on the command line.
process.env.TZ = 'UTC';

// Browser (Chromium) and notebook (nbconvert + tslab) tests start external processes: they get
// their own project with a longer timeout and run one file at a time.
const SLOW_TESTS = ['test/e2e/**/*.test.ts', 'test/notebooks/**/*.test.ts'];

export default defineConfig({
  test: {
    // No root `include`: projects that `extends: true` would concatenate it with their own.
    env: { TZ: 'UTC' },
    // DuckDB's native addon is safer in child processes than in worker threads.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: SLOW_TESTS,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: SLOW_TESTS,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
