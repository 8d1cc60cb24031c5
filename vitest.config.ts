import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** The SDK whose version a run tests, as `sdk-diff` names it (`ENV.sdkDir` in src/settings/run-settings.ts). */
const SDK_DIR_ENV = 'COGNITO_CONFORMANCE_SDK_DIR';
const SDK_PACKAGE = '@aws-sdk/client-cognito-identity-provider';

/**
 * When `COGNITO_CONFORMANCE_SDK_DIR` names an installed copy of the Cognito SDK (`sdk-diff` installs one per
 * version), the alias that makes every `import … from '@aws-sdk/client-cognito-identity-provider'` of the suite
 * load that copy's entry file instead of the project's pinned one. Exact match only, so the project's
 * `…/package.json` and subpath imports are untouched. The entry is an absolute path inside a `node_modules` (where
 * npm installs the copy), so vitest still externalises it and Node loads it natively: its own dependencies
 * (`@smithy/*`, `@aws-sdk/core`) resolve from beside it, in the copy's `node_modules`. None when the variable is
 * unset or empty.
 * @throws Error naming the variable when the directory holds no readable `package.json` of that package.
 */
export function sdkAliases(env: NodeJS.ProcessEnv = process.env): { find: RegExp; replacement: string }[] {
  const dir = env[SDK_DIR_ENV];
  if (dir === undefined || dir === '') return [];
  let manifest: PackageManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest;
  } catch (error) {
    throw new Error(
      `${SDK_DIR_ENV}: no package.json of ${SDK_PACKAGE} in ${dir} (${(error as Error).message})`,
    );
  }
  if (manifest.name !== SDK_PACKAGE)
    throw new Error(`${SDK_DIR_ENV}: ${dir} holds ${String(manifest.name)}, not ${SDK_PACKAGE}`);
  return [
    { find: /^@aws-sdk\/client-cognito-identity-provider$/, replacement: join(dir, entryOf(manifest)) },
  ];
}

interface PackageManifest {
  readonly name?: unknown;
  readonly main?: unknown;
  readonly module?: unknown;
  readonly exports?: unknown;
}

/** The file Node would load for the package's root when imported: `exports['.']`, else `main`, else `module`. */
function entryOf(manifest: PackageManifest): string {
  const exported = exportTarget(
    typeof manifest.exports === 'object' && manifest.exports !== null && '.' in manifest.exports
      ? (manifest.exports as Record<string, unknown>)['.']
      : manifest.exports,
  );
  for (const entry of [exported, manifest.main, manifest.module])
    if (typeof entry === 'string' && entry !== '') return entry;
  return 'index.js';
}

/** A conditional export, resolved with the conditions `node`, `import`, `require`, then `default`. */
function exportTarget(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (typeof target !== 'object' || target === null) return undefined;
  for (const condition of ['node', 'import', 'require', 'default']) {
    const found = exportTarget((target as Record<string, unknown>)[condition]);
    if (found !== undefined) return found;
  }
  return undefined;
}

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
  resolve: { alias: sdkAliases() },
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
