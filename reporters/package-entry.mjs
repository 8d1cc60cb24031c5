// `cognito-conformance/reporter`: the vitest reporters for another project's vitest.config.ts. The reporters
// are TypeScript run through tsx's loader (no build step), registered here before they load.
import { register } from 'tsx/esm/api';

register();
const reporters = await import('./index.ts');

/** Turns `task.meta.conformance` records into report files (see reporters/conformance-reporter.ts). */
export const ConformanceReporter = reporters.ConformanceReporter;
/** Progress lines on a terminal (see reporters/progress-reporter.ts). */
export const ProgressReporter = reporters.ProgressReporter;
