import type { Reporter, TestCase } from 'vitest/node';
import type {} from '../fixtures/index.ts';

/**
 * One line per finished test on an interactive terminal: operation, check, runs so far and deviations so
 * far. Silent in CI or when output is piped, where a log of progress lines is noise.
 */
export class ProgressReporter implements Reporter {
  private runs = 0;
  private deviations = 0;

  constructor(private readonly enabled = Boolean(process.stdout.isTTY) && !process.env['CI']) {}

  /** Fires when one test has finished, with its meta already sent from the worker. */
  onTestCaseResult(testCase: TestCase): void {
    if (!this.enabled) return;
    for (const record of testCase.meta().conformance ?? []) {
      const runs = record.checks.reduce((sum, check) => sum + check.runs, 0);
      this.runs += runs;
      this.deviations += record.deviations.length;
      const checks =
        record.checks.map((check) => check.check).join(', ') ||
        record.unsupported ||
        record.inconclusive ||
        '—';
      process.stdout.write(
        `${record.operation.padEnd(24)} ${checks.padEnd(44)} runs ${String(this.runs).padStart(5)}  deviations so far ${this.deviations}\n`,
      );
    }
  }
}
