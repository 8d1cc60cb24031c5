import type { Reporter, TestCase } from 'vitest/node';
import type {} from '../fixtures/index.ts';
import { deviationIdentity } from '../src/deviations/index.ts';

/**
 * One line per finished test on an interactive terminal: operation, check, runs so far and deviations so
 * far. Silent in CI or when output is piped, where a log of progress lines is noise. Deviations are counted as
 * the report counts them, once per identity (`deviationIdentity`), so the last line agrees with the summary.
 */
export class ProgressReporter implements Reporter {
  private runs = 0;
  private readonly seen = new Set<string>();

  constructor(private readonly enabled = Boolean(process.stdout.isTTY) && !process.env['CI']) {}

  /** Fires when one test has finished, with its meta already sent from the worker. */
  onTestCaseResult(testCase: TestCase): void {
    if (!this.enabled) return;
    for (const record of testCase.meta().conformance ?? []) {
      const runs = record.checks.reduce((sum, check) => sum + check.runs, 0);
      this.runs += runs;
      for (const deviation of record.deviations)
        this.seen.add(deviationIdentity({ ...deviation, operation: record.operation }));
      // An operation the target does not implement is one deviation in the report (built there, not recorded).
      if (record.unsupported !== undefined)
        this.seen.add(
          deviationIdentity({
            operation: record.operation,
            check: 'positive',
            kind: 'unsupported',
            path: '',
          }),
        );
      const checks =
        record.checks.map((check) => check.check).join(', ') ||
        record.unsupported ||
        record.inconclusive ||
        '—';
      process.stdout.write(
        `${record.operation.padEnd(24)} ${checks.padEnd(44)} runs ${String(this.runs).padStart(5)}  deviations so far ${this.seen.size}\n`,
      );
    }
  }
}
