// Prints `tests: N passed, N failed, N skipped` as the last line of a Vitest run: a closing line that
// any CI reader understands (Vitest's own summary is not one).
//
// It counts individual tests. A test file that failed to load, a failing beforeAll/afterAll outside
// any failed test, and each unhandled error count as one failure each, so the line never says
// "0 failed" for a run that failed. Tests that never finished (an interrupted run) count as skipped.
import type { Reporter, TestModule, TestRunEndReason, Vitest } from 'vitest/node';

type UnhandledErrors = Parameters<NonNullable<Reporter['onTestRunEnd']>>[1];

export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export function countTests(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: UnhandledErrors,
  reason: TestRunEndReason,
): TestCounts {
  const counts: TestCounts = { passed: 0, failed: 0, skipped: 0 };
  for (const testModule of testModules) {
    let failedHere = 0;
    for (const test of testModule.children.allTests()) {
      const { state } = test.result();
      if (state === 'passed') counts.passed += 1;
      else if (state === 'failed') failedHere += 1;
      else counts.skipped += 1;
    }
    counts.failed += failedHere;
    if (failedHere === 0 && moduleFailed(testModule)) counts.failed += 1;
  }
  counts.failed += unhandledErrors.length;
  if (reason !== 'passed' && counts.failed === 0) counts.failed = 1;
  return counts;
}

function moduleFailed(testModule: TestModule): boolean {
  if (testModule.state() === 'failed' || testModule.errors().length > 0) return true;
  for (const suite of testModule.children.allSuites()) {
    if (suite.state() === 'failed' || suite.errors().length > 0) return true;
  }
  return false;
}

export function formatClosingLine({ passed, failed, skipped }: TestCounts): string {
  return `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
}

export default class ClosingLineReporter implements Reporter {
  private vitest: Vitest | undefined;
  private closingLine: string | undefined;
  private outputAfterClosingLine = false;
  private guarding = false;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  // The last hook of a run. Reporters run in the order they are listed and the built-in ones print
  // their summary synchronously, so listing this one last puts the line after that summary.
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: UnhandledErrors,
    reason: TestRunEndReason,
  ): void {
    this.closingLine = formatClosingLine(countTests(testModules, unhandledErrors, reason));
    this.outputAfterClosingLine = false;
    process.stdout.write(`${this.closingLine}\n`);
    if (!this.vitest?.config.watch) this.keepLast();
  }

  // Vitest can still print after the last hook (e.g. "No test files found", a teardown timeout
  // or a hanging-process warning). If anything was written after the closing line, print the
  // line once more as the process exits so that it stays the last one.
  private keepLast(): void {
    if (this.guarding) return;
    this.guarding = true;
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
      stream.write = ((...args: unknown[]) => {
        this.outputAfterClosingLine = true;
        return write(...args);
      }) as typeof stream.write;
    }
    process.once('exit', () => {
      if (this.outputAfterClosingLine && this.closingLine) {
        process.stdout.write(`${this.closingLine}\n`);
      }
    });
  }
}
