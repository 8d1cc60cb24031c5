import { execFile, spawn } from 'node:child_process';
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

/** How long Node may take to load one installed copy (about 0.3 s here) before the copy counts as broken. */
const LOAD_TIMEOUT_MS = 60_000;

/**
 * Loads the package directory in `process.argv[1]` as a run loads it (its `main`, then its dependencies from
 * beside it); on failure, writes the first line of the error's message to standard error and exits 1.
 */
const LOAD_SCRIPT =
  'try { require(process.argv[1]); } catch (error) { ' +
  "process.stderr.write(String(error instanceof Error ? error.message : error).split('\\n')[0]); " +
  'process.exit(1); }';

/**
 * The directory a version lives in within a cache: the npm alias `sdk-<version>` in its `node_modules`, beside
 * the dependencies npm placed for it (which Node finds from there).
 */
export function sdkDirFor(cacheDir: string, version: string): string {
  return join(cacheDir, 'node_modules', `sdk-${version}`);
}

/**
 * Makes every version of {@link SDK_PACKAGE} in `versions` available side by side in `cacheDir` (each in
 * {@link sdkDirFor}), with npm package aliases (`sdk-<version>@npm:<package>@<version>`), each whole. A version
 * whose `package.json` is already there with that version is held; a held one is checked ({@link copyProblem}:
 * every package it depends on is in the cache, and Node loads it), and one that is broken (npm was interrupted, a
 * dependency was deleted) is installed again. When any is missing or broken, one `npm install --no-save` names
 * them and every version the cache already holds, because npm removes from the tree whatever the command and
 * `package.json` do not name: earlier versions stay for the next `sdk-diff`. Install scripts are off (the SDK has
 * none). Not safe to run twice at once on one cache. When `signals` reports an interrupt, npm is stopped and this
 * returns without checking the result.
 * @param npmInstall runs npm (tests replace it).
 * @throws Error naming the versions and quoting the last lines of npm's standard error when npm cannot run or
 * fails (an unknown version, no registry); when a version is still missing after npm succeeded; or, naming the
 * cache and saying to delete it, when a version is still broken after npm installed it (npm puts back a missing
 * package, not a half-written one).
 */
export async function installSdkVersions(
  versions: readonly string[],
  cacheDir: string,
  signals: ChildSignals,
  log: (line: string) => void,
  npmInstall: NpmInstall = runNpm,
): Promise<void> {
  const started = performance.now();
  const missing: string[] = [];
  const held: string[] = [];
  for (const version of versions) ((await holdsVersion(cacheDir, version)) ? held : missing).push(version);
  const problems = await copyProblems(cacheDir, held);
  if (signals.interrupted) return;
  const broken = held.filter((version) => problems.has(version));
  if (missing.length === 0 && broken.length === 0) return;

  for (const version of broken)
    log(
      `sdk-diff: ${SDK_PACKAGE} ${version} in ${sdkDirFor(cacheDir, version)} is broken ` +
        `(${problems.get(version)}); installing it again`,
    );
  if (missing.length > 0)
    log(`sdk-diff: installing ${SDK_PACKAGE} ${missing.join(', ')} into ${cacheDir} (npm)`);
  await preparedCache(cacheDir);
  const npm = await npmInstall(
    cacheDir,
    [...new Set([...(await heldVersions(cacheDir)), ...missing])],
    signals,
  );
  if (signals.interrupted) return;
  const installed = [...broken, ...missing];
  if (npm.code !== 0) throw new Error(npmFailure(installed, cacheDir, npm));
  for (const version of missing) {
    if (!(await holdsVersion(cacheDir, version)))
      throw new Error(
        `npm finished, but ${sdkDirFor(cacheDir, version)} does not hold ${SDK_PACKAGE} ${version}`,
      );
  }
  const still = await copyProblems(cacheDir, installed);
  if (signals.interrupted) return;
  if (still.size > 0) throw new Error(damagedCache(cacheDir, still));
  const summary = npm.stdout.trim().split('\n').at(-1) ?? '';
  log(`sdk-diff: installed in ${seconds(performance.now() - started)}${summary ? ` (npm: ${summary})` : ''}`);
}

/** Runs `npm install` in `cacheDir` naming `versions` (each under its alias), and says how it ended. */
export type NpmInstall = (
  cacheDir: string,
  versions: readonly string[],
  signals: ChildSignals,
) => Promise<NpmOutcome>;

/** The versions among `versions` whose copy in the cache is broken, each with what is wrong. */
async function copyProblems(cacheDir: string, versions: readonly string[]): Promise<Map<string, string>> {
  const problems = await Promise.all(
    versions.map(async (version) => [version, await copyProblem(cacheDir, version)] as const),
  );
  return new Map(problems.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
}

/**
 * What is wrong with the copy of `version` in the cache, or `undefined` when it is whole: first, a package of its
 * dependency tree that is not in the cache ({@link missingDependency}, which also finds what the SDK loads only
 * when a call needs it); then, why Node cannot load it ({@link loadProblem}, which also finds a package npm left
 * half-written).
 */
async function copyProblem(cacheDir: string, version: string): Promise<string | undefined> {
  const dir = sdkDirFor(cacheDir, version);
  return (await missingDependency(cacheDir, dir)) ?? (await loadProblem(dir));
}

/** The fields of a `package.json` the checks of a copy read. */
interface Manifest {
  readonly name?: unknown;
  readonly version?: unknown;
  readonly dependencies?: Readonly<Record<string, string>>;
}

/**
 * The first package of the dependency tree of the package in `dir` (its `dependencies`, theirs, and so on) that
 * the cache does not hold where Node looks for it (the `node_modules` of the package that needs it, then of each
 * directory above, up to the cache's own), as `<name>, a dependency of <package>, is missing`; `undefined` when
 * none is. The look-up stops at the cache: a package Node would find above it (by default the cache is inside
 * the project's `node_modules`) is not the version npm installed for this copy.
 */
async function missingDependency(cacheDir: string, dir: string): Promise<string | undefined> {
  const seen = new Set<string>();
  const queue = [dir];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next)) continue;
    seen.add(next);
    const manifest = await readManifest(next);
    for (const name of Object.keys(manifest?.dependencies ?? {})) {
      const found = await dependencyDir(cacheDir, next, name);
      if (found === undefined) return `${name}, a dependency of ${String(manifest?.name)}, is missing`;
      queue.push(found);
    }
  }
  return undefined;
}

/** Where Node finds package `name` required from the package in `from`, looking no higher than `cacheDir`. */
async function dependencyDir(cacheDir: string, from: string, name: string): Promise<string | undefined> {
  for (let base = from; ; base = dirname(base)) {
    const candidate = join(base, 'node_modules', name);
    if ((await readManifest(candidate))?.name === name) return candidate;
    if (base === cacheDir || !base.startsWith(cacheDir) || dirname(base) === base) return undefined;
  }
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * Why Node cannot load the package in `dir` (the first line of its error, such as `Cannot find module
 * '@smithy/smithy-client'`), or `undefined` when it loads. Loaded in a child Node of its own, so nothing of the copy
 * stays in this process.
 */
function loadProblem(dir: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-e', LOAD_SCRIPT, dir],
      { timeout: LOAD_TIMEOUT_MS, killSignal: 'SIGKILL' },
      (error, _stdout, stderr) => {
        if (error === null) return resolve(undefined);
        const said = stderr.trim().split('\n').at(-1)?.trim();
        resolve(
          said || (error.killed ? `Node did not load it within ${seconds(LOAD_TIMEOUT_MS)}` : error.message),
        );
      },
    );
  });
}

/** The message of versions that npm installed again and that are still broken. */
function damagedCache(cacheDir: string, problems: ReadonlyMap<string, string>): string {
  const each = [...problems].map(([version, problem]) => `${SDK_PACKAGE} ${version} (${problem})`);
  return (
    `${each.join(' and ')} in ${cacheDir}: still broken after npm installed ` +
    `${problems.size === 1 ? 'it' : 'them'} again, so the cache is damaged (npm puts back a missing package, not ` +
    `a half-written one). Delete the cache directory (rm -rf ${cacheDir}) and run sdk-diff again; it installs ` +
    `the versions anew.`
  );
}

/** Whether the cache already has `version` under its alias (its `package.json`, with that name and version). */
async function holdsVersion(cacheDir: string, version: string): Promise<boolean> {
  const manifest = await readManifest(sdkDirFor(cacheDir, version));
  return manifest?.name === SDK_PACKAGE && manifest.version === version;
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

/** How an npm install ended, with everything it printed. */
export interface NpmOutcome {
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
