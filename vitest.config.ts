import { defineConfig } from 'vitest/config';

/**
 * Projects split by what a test needs:
 * - `conformance`: the suites themselves, against the target the global set-up starts (embedded cognito-local
 *   unless COGNITO_CONFORMANCE_TARGET says otherwise). Their findings reach the ConformanceReporter through
 *   task.meta, which writes reports/. Workers are long-lived (`isolate: false`), so each loads the project and
 *   compiles the validators once; each test still gets its own resources (fixtures/conformance-test.ts). Files
 *   run on `maxWorkers` workers at once; a scenario that lists every pool takes the target to itself
 *   (fixtures/run-turns.ts), so a seed gives the same findings at any concurrency.
 * - `unit`: nothing but Node (parsers, checks on recorded exchanges, report writers).
 * - `embedded`: a real cognito-local process. Forks, because cognito-local's API changes the working
 *   directory, which thread workers forbid.
 * - `browser`: a Chromium (found, or installed from Debian, by scripts/test-environment.sh).
 * - `containers`: a container engine (Podman's Docker-compatible socket, set up by scripts/container-engine.sh).
 */
// Node 20 is this project's pinned runtime; the SDK's reminder about Node 22 would repeat in every worker.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

const CONFORMANCE = {
  globalSetup: ['fixtures/global-target-setup.ts'],
  // Worker threads, not processes: each worker shares the process that runs vitest (the CLI's, under the CLI)
  // instead of starting a Node of its own. When this was chosen (2026-11-30, the bench's peak-memory sampler run
  // on both settings), the quick profile peaked about 100 MiB lower with threads and ran slightly faster. The
  // embedded target runs in a process of its own either way.
  pool: 'threads' as const,
  isolate: false,
  testTimeout: 300_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    // By path, not by import: importing it here would load the report pipeline with the config (about 150 MiB
    // more in the process that reads it, the CLI's included).
    reporters: ['default', ['./reporters/config-reporter.ts', { printTable: false }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'conformance',
          include: ['suites/**/*.suite.ts'],
          ...CONFORMANCE,
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
            'bench/**/*.test.ts',
            'fixtures/**/*.test.ts',
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
