import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from './exit-codes.ts';
import { main } from './main.ts';
import { sdkDiffCommand } from './sdk-diff-command.ts';
import { sdkDiffPlan } from './sdk-diff-plan.ts';
import { DEFAULT_SDK_CACHE_DIR } from './sdk-install.ts';
import { checkedSdkVersion } from './sdk-version.ts';

/**
 * `sdk-diff`'s arguments: every mistake is a usage error with one clear message, raised before anything is
 * installed or started (the cache and out directories given stay untouched).
 */
let dir: string;
let cacheDir: string;
let outDir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-sdk-diff-args-'));
  cacheDir = join(dir, 'cache');
  outDir = join(dir, 'out');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The command with a cache and out directory of this test's own, so a mistake never reaches the real cache. */
function sdkDiff(...args: string[]): Promise<number> {
  return sdkDiffCommand([...args, '--cache-dir', cacheDir, '--out', outDir], () => {});
}

async function expectNothingWritten(): Promise<void> {
  expect(await readdir(dir)).toEqual([]);
}

describe('sdk-diff arguments', () => {
  it.each([
    ['3.600', '--from'],
    ['latest', '--from'],
    ['^3.600.0', '--from'],
    ['v3.600.0', '--from'],
    ['3.600.0+build.1', '--from'],
    ['03.600.0', '--from'],
  ])('refuses --from %s: an exact version is required', async (version, flag) => {
    await expect(sdkDiff('--from', version, '--to', '3.1169.0')).rejects.toThrow(
      new UsageError(
        `sdk-diff: ${flag} takes an exact version of @aws-sdk/client-cognito-identity-provider, such as 3.600.0 or ` +
          `3.700.0-rc.1 (no range, tag or leading v), got ${JSON.stringify(version)}\n` +
          `Run 'cognito-conformance sdk-diff --help' for usage.`,
      ),
    );
    await expectNothingWritten();
  });

  it('refuses a bad --to the same way, naming --to', async () => {
    await expect(sdkDiff('--from', '3.600.0', '--to', '3.x')).rejects.toThrow(
      /^sdk-diff: --to takes an exact version of .* got "3\.x"/,
    );
  });

  it.each([
    [['--to', '3.1169.0'], 'sdk-diff: missing --from: give the two SDK versions to compare'],
    [['--from', '3.600.0'], 'sdk-diff: missing --to: give the two SDK versions to compare'],
    [[], 'sdk-diff: missing --from and --to: give the two SDK versions to compare'],
  ])('refuses %j: both versions are required', async (args, message) => {
    await expect(sdkDiff(...args)).rejects.toThrow(UsageError);
    await expect(sdkDiff(...args)).rejects.toThrow(message);
    await expectNothingWritten();
  });

  it('refuses the same version twice', async () => {
    await expect(sdkDiff('--from', '3.600.0', '--to', '3.600.0')).rejects.toThrow(
      new UsageError('sdk-diff: --from and --to are both 3.600.0; give two different versions'),
    );
  });

  it('refuses an unknown flag with the closest one as a hint', async () => {
    await expect(sdkDiff('--from', '3.600.0', '--to', '3.1169.0', '--sed', '5')).rejects.toThrow(
      new UsageError(
        "sdk-diff: unknown flag --sed (did you mean --seed?)\nRun 'cognito-conformance sdk-diff --help' for the flags it takes.",
      ),
    );
    await expect(sdkDiff('--from', '3.600.0', '--to', '3.1169.0', '--baseline', 'b.json')).rejects.toThrow(
      /^sdk-diff: unknown flag --baseline/,
    );
    await expectNothingWritten();
  });

  it.each([
    [['--ops', 'Nope'], 'sdk-diff: --ops: unknown operation Nope; use one of AdminInitiateAuth'],
    [['--seed', '2147483648'], 'sdk-diff: --seed takes a whole number from -2147483648 to 2147483647'],
    [['--profile', 'fast'], 'sdk-diff: --profile fast: unknown profile; use quick or thorough'],
    [['--runs', '0'], 'sdk-diff: --runs takes a positive whole number, got 0'],
    [['--concurrency', 'two'], 'sdk-diff: --concurrency takes a positive whole number, got two'],
    [['--target', 'mainframe'], 'sdk-diff: target mainframe: unknown target; use embedded'],
    [['--endpoint', 'nota-url'], 'sdk-diff: --endpoint nota-url: not a URL'],
  ])('checks the flags it passes on to run before anything starts: %j', async (args, message) => {
    await expect(sdkDiff('--from', '3.600.0', '--to', '3.1169.0', ...args)).rejects.toThrow(message);
    await expectNothingWritten();
  });

  it('is a command of the CLI: a usage error is exit 2 with the message on standard error', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const code = await main(['sdk-diff', '--from', 'latest', '--to', '3.1169.0', '--cache-dir', cacheDir]);
    expect(code).toBe(2);
    expect(written.join('')).toMatch(/^sdk-diff: --from takes an exact version/);
    await expectNothingWritten();
  });
});

describe('sdkDiffPlan', () => {
  it('gives both runs one seed, the target flags as given and --report-only; defaults out and cache', () => {
    const plan = sdkDiffPlan(
      {
        from: '3.600.0',
        to: '3.1169.0',
        endpoint: 'http://127.0.0.1:9229',
        ops: 'describeuserpool,listuserpools',
        seed: '-5',
      },
      {},
    );
    expect(plan).toMatchObject({
      from: '3.600.0',
      to: '3.1169.0',
      seed: '-5',
      seedSource: 'flag',
      outDir: resolve('reports', 'sdk-diff'),
      cacheDir: DEFAULT_SDK_CACHE_DIR,
      target: { kind: 'endpoint', endpoint: 'http://127.0.0.1:9229' },
    });
    expect(plan.runArgs).toEqual([
      '--endpoint',
      'http://127.0.0.1:9229',
      '--ops',
      'DescribeUserPool,ListUserPools',
      '--seed',
      '-5',
      '--report-only',
    ]);
    expect(DEFAULT_SDK_CACHE_DIR).toMatch(/\/node_modules\/\.cache\/cognito-conformance\/sdk$/);
  });

  it('draws one seed when none is given, and takes COGNITO_CONFORMANCE_SEED as run would', () => {
    const drawn = sdkDiffPlan({ from: '3.600.0', to: '3.1169.0' }, {});
    expect(drawn.seedSource).toBe('drawn');
    expect(drawn.runArgs).toEqual(['--seed', drawn.seed, '--report-only']);
    expect(Number(drawn.seed)).toBeGreaterThanOrEqual(0);
    const fromEnv = sdkDiffPlan({ from: '3.600.0', to: '3.1169.0' }, { COGNITO_CONFORMANCE_SEED: '42' });
    expect([fromEnv.seed, fromEnv.seedSource]).toEqual(['42', 'environment']);
    expect(() => sdkDiffPlan({ from: '3.600.0', to: '3.1169.0' }, { COGNITO_CONFORMANCE_SEED: 'x' })).toThrow(
      new UsageError(
        'sdk-diff: COGNITO_CONFORMANCE_SEED takes a whole number from -2147483648 to 2147483647, got x',
      ),
    );
  });

  it('accepts prerelease versions', () => {
    expect(checkedSdkVersion('sdk-diff', '--to', '3.700.0-rc.1')).toBe('3.700.0-rc.1');
    expect(checkedSdkVersion('sdk-diff', '--to', '3.0.0-beta')).toBe('3.0.0-beta');
  });
});
