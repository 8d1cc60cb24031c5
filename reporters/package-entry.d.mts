// Types of `cognito-conformance/reporter` for another project's vitest.config.ts (the reporters themselves are
// TypeScript run through tsx, so the package ships no compiled declarations; this file states the public shape).
import type { Reporter, TestModule } from 'vitest/node';

/** The report formats `ConformanceReporter` can write. */
export type ReportFormat = 'json' | 'md' | 'junit' | 'html';

/** Options of {@link ConformanceReporter}. */
export interface ConformanceReporterOptions {
  /** Where report files go (default `reports`). */
  readonly outDir?: string;
  /** Which files to write (default JSON and Markdown). */
  readonly formats?: readonly ReportFormat[];
  /** Print the per-operation table when the run ends (default true). */
  readonly printTable?: boolean;
  /** Called with the finished report (`report.json`'s content) after the files are written. */
  readonly onReport?: (report: unknown, files: readonly string[]) => void | Promise<void>;
}

/** Turns the records suites put on `task.meta.conformance` into report files (JSON, Markdown, JUnit, HTML). */
export declare class ConformanceReporter implements Reporter {
  constructor(options?: ConformanceReporterOptions);
  onInit(): void;
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): Promise<void>;
}

/** Progress lines (operation, runs, deviations) on a terminal; quiet under CI or without a TTY. */
export declare class ProgressReporter implements Reporter {
  constructor(enabled?: boolean);
}
