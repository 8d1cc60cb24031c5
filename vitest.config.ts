import { defineConfig } from 'vitest/config';
import { ConformanceReporter } from './reporters/index.ts';

/**
 * Projects split by what a test needs:
 * - `conformance`: the suites themselves, against the target the global set-up starts (embedded
 *   cognito-local unless COGNITO_CONFORMANCE_TARGET says otherwise). Their findings reach the
 *   ConformanceReporter through task.meta, which writes reports/. One long-lived worker (`isolate: false`)
 *   runs every suite file, so the project is loaded and the validators compiled once per run; each test
 *   still gets its own resources (fixtures/conformance-test.ts).
 * - `unit`: nothing but Node (parsers, checks on recorded exchanges, report writers).
 * - `embedded`: a real cognito-local process. Forks, because cognito-local's API changes the working
 *   directory, which thread workers forbid.
 * - `browser`: a Chromium (found, or installed from Debian, by scripts/test-environment.sh).
 * - `containers`: a container engine (Podman's Docker-compatible socket, set up by scripts/container-engine.sh).
 */
// Node 20 is this project's pinned runtime; the SDK's reminder about Node 22 would repeat in every worker.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

export default defineConfig({
  test: {
    reporters: ['default', new ConformanceReporter({ printTable: false })],
    projects: [
      {
        extends: true,
        test: {
          name: 'conformance',
          include: ['suites/**/*.suite.ts'],
          globalSetup: ['fixtures/global-target-setup.ts'],
          pool: 'forks',
          isolate: false,
          testTimeout: 300_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'specs/**/*.test.ts',
            'reporters/**/*.test.ts',
            'test/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: [
            '**/*.embedded.test.ts',
            '**/*.browser.test.ts',
            '**/*.container.test.ts',
            'node_modules/**',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'embedded',
          include: ['**/*.embedded.test.ts'],
          exclude: ['node_modules/**'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['**/*.browser.test.ts'],
          exclude: ['node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'containers',
          include: ['**/*.container.test.ts'],
          exclude: ['node_modules/**'],
          pool: 'forks',
          // One file at a time: their leftover checks must not see another file's containers.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
