import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportDiff } from '../report/index.ts';
import type { ReportDeviation } from '../deviations/index.ts';
import { UsageError } from './exit-codes.ts';
import { main } from './main.ts';
import { newErrorDeviations, sdkDiffCommand, type SdkDiffSteps } from './sdk-diff-command.ts';
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
  vi.unstubAllEnvs();
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
    [['--ops', 'Nope'], 'sdk-diff: --ops: unknown operation Nope; use one of AddCustomAttributes'],
    [['--seed', '2147483648'], 'sdk-diff: --seed takes a whole number from -2147483648 to 2147483647'],
    [['--profile', 'fast'], 'sdk-diff: --profile fast: unknown profile; use quick or thorough'],
    [['--runs', '0'], 'sdk-diff: --runs takes a positive whole number, got 0'],
    [['--concurrency', 'two'], 'sdk-diff: --concurrency takes a positive whole number, got two'],
    [['--target', 'mainframe'], 'sdk-diff: target mainframe: unknown target; use embedded'],
    [['--endpoint', 'nota-url'], 'sdk-diff: --endpoint nota-url: not a URL'],
    [
      ['--target', 'aws'],
      'sdk-diff: aws target: refusing to run against real AWS without an explicit opt-in. Pass --allow-aws ' +
        '(or set COGNITO_CONFORMANCE_ALLOW_AWS=1).',
    ],
    [['--target', 'aws', '--endpoint', 'http://127.0.0.1:9'], 'sdk-diff: aws target: refusing to run'],
  ])('checks the flags it passes on to run before anything starts: %j', async (args, message) => {
    vi.stubEnv('COGNITO_CONFORMANCE_ALLOW_AWS', undefined);
    await expect(sdkDiff('--from', '3.600.0', '--to', '3.1169.0', ...args)).rejects.toThrow(message);
    await expectNothingWritten();
  });

  it('refuses the aws target chosen through the environment without the opt-in, as run does', () => {
    expect(() =>
      sdkDiffPlan({ from: '3.600.0', to: '3.1169.0' }, { COGNITO_CONFORMANCE_TARGET: 'aws' }),
    ).toThrow(
      new UsageError(
        'sdk-diff: aws target: refusing to run against real AWS without an explicit opt-in. Pass --allow-aws ' +
          '(or set COGNITO_CONFORMANCE_ALLOW_AWS=1).',
      ),
    );
    const allowed = sdkDiffPlan(
      { from: '3.600.0', to: '3.1169.0', target: 'aws', 'allow-aws': true, region: 'eu-west-1' },
      {},
    );
    expect(allowed.target).toMatchObject({ kind: 'aws', region: 'eu-west-1', allowAws: true });
    expect(allowed.runArgs).toEqual(
      expect.arrayContaining(['--target', 'aws', '--region', 'eu-west-1', '--allow-aws']),
    );
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

/** Steps that fail the test when any is taken: the command must stop before them. */
const NO_STEPS: SdkDiffSteps = {
  install: () => Promise.reject(new Error('install must not start')),
  runCli: () => Promise.reject(new Error('no run may start')),
  diff: () => Promise.reject(new Error('the diff must not start')),
};

describe('sdk-diff directories', () => {
  let place: string;
  let file: string;
  beforeAll(async () => {
    place = await mkdtemp(join(tmpdir(), 'cc-sdk-diff-dirs-'));
    file = join(place, 'a-file');
    await writeFile(file, 'not a directory\n');
  });
  afterAll(async () => {
    await rm(place, { recursive: true, force: true });
  });

  function withDirs(...dirs: string[]): Promise<number> {
    return sdkDiffCommand(['--from', '3.600.0', '--to', '3.1169.0', ...dirs], () => {}, NO_STEPS);
  }

  it('refuses a --cache-dir that is a file, or under one, naming the flag and the path, before installing', async () => {
    await expect(withDirs('--cache-dir', file, '--out', join(place, 'out'))).rejects.toThrow(
      new UsageError(
        `sdk-diff: --cache-dir ${file}: it is a file, not a directory; give a directory, or a path that does not exist yet`,
      ),
    );
    await expect(withDirs('--cache-dir', join(file, 'sdk'), '--out', join(place, 'out'))).rejects.toThrow(
      new UsageError(
        `sdk-diff: --cache-dir ${join(file, 'sdk')}: ${file} is a file, not a directory; give a directory, or a path ` +
          'that does not exist yet',
      ),
    );
    expect((await readdir(place)).sort()).toEqual(['a-file']);
  });

  it('refuses an --out that is a file, or holds a file where a version writes its report, before installing', async () => {
    await expect(withDirs('--cache-dir', join(place, 'cache'), '--out', file)).rejects.toThrow(
      new UsageError(
        `sdk-diff: --out ${file}: it is a file, not a directory; give a directory, or a path that does not exist yet`,
      ),
    );
    const out = join(place, 'out-with-a-file');
    await mkdir(out);
    await writeFile(join(out, '3.1169.0'), '');
    await expect(withDirs('--cache-dir', join(place, 'cache'), '--out', out)).rejects.toThrow(
      new UsageError(
        `sdk-diff: --out ${out}: ${join(out, '3.1169.0')} is a file, not a directory; give a directory, or a ` +
          'path that does not exist yet',
      ),
    );
    expect((await readdir(place)).sort()).toEqual(['a-file', 'out-with-a-file']);
  });

  it('takes directories that do not exist yet, and existing ones', async () => {
    const seen: string[] = [];
    const steps: SdkDiffSteps = {
      ...NO_STEPS,
      install: (_versions, cacheDir) => {
        seen.push(cacheDir);
        return Promise.reject(new Error('stop here'));
      },
    };
    const args = ['--from', '3.600.0', '--to', '3.1169.0', '--cache-dir', join(place, 'new', 'cache')];
    await expect(sdkDiffCommand([...args, '--out', place], () => {}, steps)).rejects.toThrow('stop here');
    expect(seen).toEqual([join(place, 'new', 'cache')]);
  });

  it('is exit 2 with that one line on standard error, through the CLI', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const code = await main(['sdk-diff', '--from', '3.600.0', '--to', '3.1169.0', '--cache-dir', file]);
    expect(code).toBe(2);
    expect(written).toEqual([
      `sdk-diff: --cache-dir ${file}: it is a file, not a directory; give a directory, or a path that does not exist yet\n`,
    ]);
  });
});

/** A deviation of the diff, as much of it as the outcome line reads. */
function deviation(severity: ReportDeviation['severity'], kind: string, path: string): ReportDeviation {
  return {
    severity,
    check: 'sdk-parse',
    kind,
    path,
    message: `${kind} at ${path}`,
  } as unknown as ReportDeviation;
}

function diffWith(operations: ReportDiff['operations']): ReportDiff {
  return {
    base: { target: 'cognito-local', sdk: '3.600.0', startedAt: '' },
    head: { target: 'cognito-local', sdk: '3.1169.0', startedAt: '' },
    operations,
  };
}

const REGRESSED = diffWith([
  {
    operation: 'CreateUserPool',
    verdict: { base: 'conformant', head: 'deviating' },
    new: [deviation('warning', 'converted', '/UserPool/Name'), deviation('error', 'unreadable', '')],
    fixed: [deviation('error', 'unreadable', '/UserPool/Policies')],
    changed: [],
  },
  {
    operation: 'DescribeUserPool',
    verdict: { base: 'deviating', head: 'deviating' },
    new: [],
    fixed: [],
    changed: [
      {
        before: deviation('warning', 'enum-value', '/UserPool/Status'),
        after: deviation('error', 'enum-value', '/UserPool/Status'),
        fields: ['severity'],
      },
      {
        before: deviation('error', 'converted', '/UserPool/Id'),
        after: deviation('error', 'converted', '/UserPool/Id'),
        fields: ['message'],
      },
    ],
  },
] as unknown as ReportDiff['operations']);

describe('sdk-diff steps', () => {
  let out: string;
  let lines: string[];
  let started: string[];
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'cc-sdk-diff-steps-'));
    lines = [];
    started = [];
  });
  afterEach(async () => {
    await rm(out, { recursive: true, force: true });
  });

  /** Steps that record what starts, run nothing, and diff as `diff` would, into `--out`, with `diff`. */
  function steps(
    diff: ReportDiff,
    code: 0 | 1,
    during: Partial<Record<string, () => void>> = {},
  ): SdkDiffSteps {
    return {
      install: (versions) => {
        started.push(`install ${versions.join(' ')}`);
        during['install']?.();
        return Promise.resolve();
      },
      runCli: (args, env) => {
        const version = args[args.indexOf('--out') + 1]?.split('/').at(-1) ?? '';
        started.push(`run ${version}`);
        expect(env['COGNITO_CONFORMANCE_SDK_DIR']).toMatch(new RegExp(`/node_modules/sdk-${version}$`));
        during[`run ${version}`]?.();
        return Promise.resolve(0);
      },
      diff: async (_argv, log) => {
        started.push('diff');
        await writeFile(join(out, 'diff.json'), JSON.stringify({ ...diff, exitCode: code }));
        log(`wrote ${join(out, 'diff.json')}`);
        during['diff']?.();
        return code;
      },
    };
  }

  function sdkDiffWith(stepsToTake: SdkDiffSteps): Promise<number> {
    return sdkDiffCommand(
      [
        '--from',
        '3.600.0',
        '--to',
        '3.1169.0',
        '--seed',
        '7',
        '--cache-dir',
        join(out, 'cache'),
        '--out',
        out,
      ],
      (line) => lines.push(line),
      stepsToTake,
    );
  }

  it('ends exit 1 with a line saying how many new error deviations the --to run has, and the first', async () => {
    expect(await sdkDiffWith(steps(REGRESSED, 1))).toBe(1);
    expect(started).toEqual(['install 3.600.0 3.1169.0', 'run 3.600.0', 'run 3.1169.0', 'diff']);
    expect(lines.at(-1)).toBe(
      'sdk-diff: exit 1: 2 new error deviations with 3.1169.0 (first: CreateUserPool sdk-parse unreadable (whole body))',
    );
  });

  it('ends exit 0 with a line saying there is no new error deviation', async () => {
    expect(await sdkDiffWith(steps(diffWith([]), 0))).toBe(0);
    expect(lines.at(-1)).toBe('sdk-diff: no new error deviation with 3.1169.0');
  });

  it('counts what diff counts: new errors and deviations that became errors, in the order of the diff', () => {
    expect(newErrorDeviations(REGRESSED)).toEqual([
      'CreateUserPool sdk-parse unreadable (whole body)',
      'DescribeUserPool sdk-parse enum-value /UserPool/Status',
    ]);
    expect(newErrorDeviations(diffWith([]))).toEqual([]);
  });

  /** Signals this process as Ctrl-C would reach sdk-diff: through the handlers it added, not vitest's. */
  function ctrlC(): () => void {
    const before = new Set(process.listeners('SIGINT'));
    return () => {
      const added = process.listeners('SIGINT').filter((listener) => !before.has(listener));
      expect(added).toHaveLength(1);
      for (const listener of added) (listener as (signal: NodeJS.Signals) => void)('SIGINT');
    };
  }

  it('is exit 130 when Ctrl-C comes during the diff, whatever the diff found', async () => {
    const press = ctrlC();
    expect(await sdkDiffWith(steps(REGRESSED, 1, { diff: press }))).toBe(130);
    expect(lines.at(-1)).toBe('sdk-diff: interrupted during the diff (exit 130)');
    const press0 = ctrlC();
    expect(await sdkDiffWith(steps(diffWith([]), 0, { diff: press0 }))).toBe(130);
  });

  it('starts nothing more after Ctrl-C, even when the step it came in ends well', async () => {
    const press = ctrlC();
    expect(await sdkDiffWith(steps(diffWith([]), 0, { 'run 3.600.0': press }))).toBe(130);
    expect(started).toEqual(['install 3.600.0 3.1169.0', 'run 3.600.0']);
    expect(lines.at(-1)).toBe('sdk-diff: interrupted before the run with 3.1169.0; no diff (exit 130)');

    started = [];
    const pressAgain = ctrlC();
    expect(await sdkDiffWith(steps(diffWith([]), 0, { install: pressAgain }))).toBe(130);
    expect(started).toEqual(['install 3.600.0 3.1169.0']);
    expect(lines.at(-1)).toBe('sdk-diff: interrupted while installing; no run and no diff (exit 130)');
  });

  it('leaves the signals to the process again when it ends', async () => {
    const before = process.listeners('SIGINT').length;
    await sdkDiffWith(steps(diffWith([]), 0));
    expect(process.listeners('SIGINT')).toHaveLength(before);
  });
});
