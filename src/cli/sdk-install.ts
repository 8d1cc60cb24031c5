import { spawn } from 'node:child_process';
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildSignals } from './child-signals.ts';
import { SDK_PACKAGE } from './sdk-version.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where `sdk-diff` keeps the SDK versions it installs, between runs (unless `--cache-dir` says otherwise). */
export const DEFAULT_SDK_CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'cognito-conformance', 'sdk');

/** How much of npm's standard error an install failure quotes. */
const NPM_TAIL_LINES = 12;

/**
 * The directory a version lives in within a cache: the npm alias `sdk-<version>` in its `node_modules`, beside
 * the dependencies npm placed for it (which Node finds from there).
 */
export function sdkDirFor(cacheDir: string, version: string): string {
  return join(cacheDir, 'node_modules', `sdk-${version}`);
}

/**
 * Makes every version of {@link SDK_PACKAGE} in `versions` available side by side in `cacheDir` (each in
 * {@link sdkDirFor}), with npm package aliases (`sdk-<version>@npm:<package>@<version>`). A version whose
 * `package.json` is already there with that version is not installed again. When any is missing, one
 * `npm install --no-save` names the missing ones and every version the cache already holds, because npm removes
 * from the tree whatever the command and `package.json` do not name: earlier versions stay for the next
 * `sdk-diff`. Install scripts are off (the SDK has none). Not safe to run twice at once on one cache. When
 * `signals` reports an interrupt, npm is stopped and this returns without checking the result.
 * @throws Error naming the versions and quoting the last lines of npm's standard error when npm cannot run or
 * fails (an unknown version, no registry), or when a version is still missing after npm succeeded.
 */
export async function installSdkVersions(
  versions: readonly string[],
  cacheDir: string,
  signals: ChildSignals,
  log: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  const missing: string[] = [];
  for (const version of versions) if (!(await holdsVersion(cacheDir, version))) missing.push(version);
  if (missing.length === 0) return;

  log(`sdk-diff: installing ${SDK_PACKAGE} ${missing.join(', ')} into ${cacheDir} (npm)`);
  await preparedCache(cacheDir);
  const npm = await runNpm(cacheDir, [...new Set([...(await heldVersions(cacheDir)), ...missing])], signals);
  if (signals.interrupted) return;
  if (npm.code !== 0) throw new Error(npmFailure(missing, cacheDir, npm));
  for (const version of missing) {
    if (!(await holdsVersion(cacheDir, version)))
      throw new Error(
        `npm finished, but ${sdkDirFor(cacheDir, version)} does not hold ${SDK_PACKAGE} ${version}`,
      );
  }
  const summary = npm.stdout.trim().split('\n').at(-1) ?? '';
  log(`sdk-diff: installed in ${seconds(performance.now() - started)}${summary ? ` (npm: ${summary})` : ''}`);
}

/** Whether the cache already has `version` under its alias (its `package.json`, with that name and version). */
async function holdsVersion(cacheDir: string, version: string): Promise<boolean> {
  try {
    const text = await readFile(join(sdkDirFor(cacheDir, version), 'package.json'), 'utf8');
    const manifest = JSON.parse(text) as { name?: unknown; version?: unknown };
    return manifest.name === SDK_PACKAGE && manifest.version === version;
  } catch {
    return false;
  }
}

/** Every version the cache holds under its alias (`sdk-<version>` with that version in its `package.json`). */
async function heldVersions(cacheDir: string): Promise<string[]> {
  const names = await readdir(join(cacheDir, 'node_modules')).catch(() => [] as string[]);
  const versions = names.filter((name) => name.startsWith('sdk-')).map((name) => name.slice('sdk-'.length));
  const held: string[] = [];
  for (const version of versions) if (await holdsVersion(cacheDir, version)) held.push(version);
  return held;
}

/** The cache directory with a `package.json` of its own, so npm installs there and not in a parent project. */
async function preparedCache(cacheDir: string): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const manifest = join(cacheDir, 'package.json');
  try {
    await access(manifest);
  } catch {
    await writeFile(manifest, '{ "private": true }\n');
  }
}

interface NpmOutcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runNpm(cacheDir: string, versions: readonly string[], signals: ChildSignals): Promise<NpmOutcome> {
  const args = [
    'install',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    '--no-save',
    // Flags beat the npm_config_* variables an outer `npm run` or `npx` leaves in the environment.
    '--prefix',
    cacheDir,
    ...versions.map((version) => `sdk-${version}@npm:${SDK_PACKAGE}@${version}`),
  ];
  const child = spawn('npm', args, { cwd: cacheDir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  signals.track(child);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  return new Promise((resolve, reject) => {
    child.once('error', (error) =>
      reject(
        new Error(
          `cannot run npm to install ${SDK_PACKAGE} ${versions.join(', ')}: ${error.message} (npm must be on the PATH)`,
        ),
      ),
    );
    child.once('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
}

/**
 * The message of a failed install: the versions npm's output names as the cause (all that were missing when it
 * names none), how npm ended, and its last lines.
 */
function npmFailure(missing: readonly string[], cacheDir: string, npm: NpmOutcome): string {
  const named = missing.filter((version) => npm.stderr.includes(`${SDK_PACKAGE}@${version}`));
  const culprits = named.length > 0 ? named : missing;
  const tail = npm.stderr.trimEnd().split('\n').slice(-NPM_TAIL_LINES);
  return (
    `npm could not install ${SDK_PACKAGE} ${culprits.join(' and ')} into ${cacheDir} ` +
    `(npm ${npm.code === null ? `ended by ${npm.signal}` : `exited ${npm.code}`}); ` +
    `check that the version exists (npm view ${SDK_PACKAGE} versions) and that the registry is reachable. ` +
    `npm's last lines:\n${tail.map((line) => `  ${line}`).join('\n')}`
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
