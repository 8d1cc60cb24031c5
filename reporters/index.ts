/**
 * Stage 19, the vitest reporters: `task.meta` records in, report files out. Add `ConformanceReporter` to your
 * own vitest config (package export `cognito-conformance/reporter`).
 */
export { ConformanceReporter } from './conformance-reporter.ts';
export type { ConformanceReporterOptions } from './conformance-reporter.ts';
export { ProgressReporter } from './progress-reporter.ts';
