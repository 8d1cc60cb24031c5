import { ConformanceReporter } from './conformance-reporter.ts';

/**
 * The reporter the project's own vitest.config.ts names by path (`['./reporters/config-reporter.ts', options]`),
 * so that loading the config does not bundle the whole report pipeline: vitest imports this module only when a
 * run uses the config's reporters (plain `vitest`), not under the CLI, which passes its own.
 */
export default ConformanceReporter;
