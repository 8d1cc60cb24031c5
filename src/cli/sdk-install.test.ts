import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChildSignals } from './child-signals.ts';
import { installSdkVersions, type NpmInstall, type NpmOutcome, sdkDirFor } from './sdk-install.ts';
import { SDK_PACKAGE } from './sdk-version.ts';

/**
 * What the cache counts as installed: a version whose copy Node cannot load (a dependency npm never finished
 * placing, or one deleted since) is installed again, and one npm cannot repair is an error that names the cache.
 * The copies are stand-ins with the SDK's name (an entry that requires one dependency); npm is replaced.
 */
const DEPENDENCY = '@smithy/smithy-client';
const VERSIONS = ['3.600.0', '3.1169.0'];

let cacheDir: string;
let lines: string[];
let signals: ChildSignals;
let npmCalls: (readonly string[])[];

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'cc-sdk-install-'));
  lines = [];
  npmCalls = [];
  signals = new ChildSignals();
  for (const version of VERSIONS) await placeCopy(version);
  await placeDependency();
});
afterEach(async () => {
  signals.dispose();
  await rm(cacheDir, { recursive: true, force: true });
});

/** A stand-in copy of the SDK at `version`, as npm places it under its alias. */
async function placeCopy(version: string): Promise<void> {
  const dir = sdkDirFor(cacheDir, version);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({
      name: SDK_PACKAGE,
      version,
      main: './index.js',
      dependencies: { [DEPENDENCY]: '1.0.0' },
    }),
  );
  await writeFile(join(dir, 'index.js'), `module.exports = require('${DEPENDENCY}');\n`);
}

async function placeDependency(): Promise<void> {
  const dir = join(cacheDir, 'node_modules', DEPENDENCY);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: DEPENDENCY, version: '1.0.0' }));
  await writeFile(join(dir, 'index.js'), 'module.exports = {};\n');
}

/** npm, replaced: records what it was asked to install, does `repair`, and ends as `outcome` says. */
function npm(repair: () => Promise<void>, outcome: Partial<NpmOutcome> = {}): NpmInstall {
  return async (_cacheDir, versions) => {
    npmCalls.push(versions);
    await repair();
    return { code: 0, signal: null, stdout: 'changed 1 package in 1s\n', stderr: '', ...outcome };
  };
}

const install = (npmInstall: NpmInstall) =>
  installSdkVersions(VERSIONS, cacheDir, signals, (line) => lines.push(line), npmInstall);

describe('installSdkVersions', () => {
  it('runs no npm when every version is there and loads', async () => {
    await install(npm(() => Promise.reject(new Error('npm must not run'))));
    expect(npmCalls).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('installs again a version that is there but broken (a dependency gone), naming it and why', async () => {
    await rm(join(cacheDir, 'node_modules', DEPENDENCY), { recursive: true });
    await install(npm(placeDependency));
    expect(npmCalls).toEqual([expect.arrayContaining(VERSIONS)]);
    expect(lines[0]).toBe(
      `sdk-diff: ${SDK_PACKAGE} 3.600.0 in ${sdkDirFor(cacheDir, '3.600.0')} is broken ` +
        `(${DEPENDENCY}, a dependency of ${SDK_PACKAGE}, is missing); installing it again`,
    );
    expect(lines[1]).toContain(`${SDK_PACKAGE} 3.1169.0 in ${sdkDirFor(cacheDir, '3.1169.0')} is broken`);
    expect(lines.at(-1)).toMatch(/^sdk-diff: installed in \d+\.\d s \(npm: changed 1 package in 1s\)$/);
  });

  it('says to delete the cache when npm succeeds and a version is still broken (it does not load)', async () => {
    // A half-written package (its entry missing), which npm takes for installed: all there, but Node cannot load it.
    await rm(join(cacheDir, 'node_modules', DEPENDENCY, 'index.js'));
    await expect(install(npm(() => Promise.resolve()))).rejects.toThrow(
      new Error(
        `${SDK_PACKAGE} 3.600.0 (Cannot find module '${DEPENDENCY}') and ${SDK_PACKAGE} 3.1169.0 (Cannot find ` +
          `module '${DEPENDENCY}') in ${cacheDir}: still broken after npm installed them again, so the cache is ` +
          `damaged (npm puts back a missing package, not a half-written one). Delete the cache directory ` +
          `(rm -rf ${cacheDir}) and run sdk-diff again; it installs the versions anew.`,
      ),
    );
    expect(npmCalls).toHaveLength(1);
    expect(lines[0]).toContain(`is broken (Cannot find module '${DEPENDENCY}'); installing it again`);
  });

  it('finds a dependency missing deeper in the tree, which the SDK loads only when a call needs it', async () => {
    const lazy = '@aws-sdk/nested-clients';
    const needing = join(cacheDir, 'node_modules', DEPENDENCY);
    await writeFile(
      join(needing, 'package.json'),
      JSON.stringify({ name: DEPENDENCY, version: '1.0.0', dependencies: { [lazy]: '1.0.0' } }),
    );
    await install(
      npm(async () => {
        await mkdir(join(needing, 'node_modules', lazy), { recursive: true });
        await writeFile(join(needing, 'node_modules', lazy, 'package.json'), JSON.stringify({ name: lazy }));
      }),
    );
    expect(lines[0]).toBe(
      `sdk-diff: ${SDK_PACKAGE} 3.600.0 in ${sdkDirFor(cacheDir, '3.600.0')} is broken ` +
        `(${lazy}, a dependency of ${DEPENDENCY}, is missing); installing it again`,
    );
    expect(npmCalls).toHaveLength(1);
  });

  it('does not take a dependency from above the cache (the project around it) for the one npm installed', async () => {
    // The default cache lies inside the project's node_modules, where Node would find the project's own version.
    const project = cacheDir;
    cacheDir = join(project, 'node_modules', '.cache', 'sdk');
    try {
      for (const version of VERSIONS) await placeCopy(version);
      await expect(install(npm(() => Promise.resolve()))).rejects.toThrow(
        `${SDK_PACKAGE} 3.600.0 (${DEPENDENCY}, a dependency of ${SDK_PACKAGE}, is missing) and`,
      );
    } finally {
      cacheDir = project;
    }
  });

  it('names the broken version when npm fails to install it again', async () => {
    await rm(join(cacheDir, 'node_modules', DEPENDENCY), { recursive: true });
    await expect(
      install(npm(() => Promise.resolve(), { code: 1, stderr: 'npm error network ETIMEDOUT\n' })),
    ).rejects.toThrow(
      `npm could not install ${SDK_PACKAGE} 3.600.0 and 3.1169.0 into ${cacheDir} (npm exited 1)`,
    );
  });

  it('installs a missing version, naming the versions already held so npm keeps them', async () => {
    await rm(sdkDirFor(cacheDir, '3.1169.0'), { recursive: true });
    await install(npm(() => placeCopy('3.1169.0')));
    expect(npmCalls).toEqual([['3.600.0', '3.1169.0']]);
    expect(lines[0]).toBe(`sdk-diff: installing ${SDK_PACKAGE} 3.1169.0 into ${cacheDir} (npm)`);
  });
});
