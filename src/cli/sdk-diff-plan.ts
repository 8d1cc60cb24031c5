import { randomInt } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ENV } from '../settings/index.ts';
import type { TargetSelection } from '../targets/index.ts';
import { UsageError } from './exit-codes.ts';
import {
  checkedOps,
  checkedProfile,
  checkedSeed,
  checkedTargetName,
  positiveMilliseconds,
  positiveWholeNumber,
} from './run-flags.ts';
import { DEFAULT_SDK_CACHE_DIR } from './sdk-install.ts';
import { checkedSdkVersion } from './sdk-version.ts';
import { type TargetFlags, targetFromFlags } from './target-options.ts';

const COMMAND = 'sdk-diff';

/** Where `sdk-diff` writes both reports and the diff, unless `--out` says otherwise. */
export const DEFAULT_SDK_DIFF_OUT = join('reports', 'sdk-diff');

/** The parsed flags of `sdk-diff`: its own, and those of `run` it passes on to both runs. */
export interface SdkDiffFlags extends TargetFlags {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly 'cache-dir'?: string | undefined;
  readonly out?: string | undefined;
  readonly 'target-name'?: string | undefined;
  readonly profile?: string | undefined;
  readonly seed?: string | undefined;
  readonly ops?: string | undefined;
  readonly runs?: string | undefined;
  readonly 'request-timeout'?: string | undefined;
  readonly concurrency?: string | undefined;
}

/** Everything `sdk-diff` will do, decided before anything is installed or started. */
export interface SdkDiffPlan {
  readonly from: string;
  readonly to: string;
  /** Absolute: where the versions are installed. */
  readonly cacheDir: string;
  /** Absolute: `<out>/<version>/report.json` for each run, `<out>/diff.md` and `diff.json` for the diff. */
  readonly outDir: string;
  /** One seed for both runs, so both send the same generated requests. */
  readonly seed: string;
  /** Where {@link seed} came from: `--seed`, `COGNITO_CONFORMANCE_SEED`, or drawn here. */
  readonly seedSource: 'flag' | 'environment' | 'drawn';
  readonly target: TargetSelection;
  /** The `run` arguments both runs share (target flags as given, seed, `--report-only`); each adds its `--out`. */
  readonly runArgs: readonly string[];
}

/**
 * Checks the flags of `sdk-diff` and decides the two runs. A flag not given falls back to its environment
 * variable as in `run` (the runs read the same environment), except the seed, which is settled here once and
 * passed to both.
 * @throws UsageError, starting with `sdk-diff:`, for a missing or inexact version, the same version twice, or
 * a flag `run` would refuse (so nothing is installed or started for a run that cannot begin).
 */
export function sdkDiffPlan(flags: SdkDiffFlags, env: NodeJS.ProcessEnv = process.env): SdkDiffPlan {
  if (flags.from === undefined || flags.to === undefined) {
    const missing = [flags.from === undefined ? '--from' : '', flags.to === undefined ? '--to' : ''];
    throw new UsageError(
      `${COMMAND}: missing ${missing.filter(Boolean).join(' and ')}: give the two SDK versions to compare, ` +
        `e.g. --from 3.600.0 --to 3.1169.0\nRun 'cognito-conformance ${COMMAND} --help' for usage.`,
    );
  }
  const from = checkedSdkVersion(COMMAND, '--from', flags.from);
  const to = checkedSdkVersion(COMMAND, '--to', flags.to);
  if (from === to)
    throw new UsageError(`${COMMAND}: --from and --to are both ${from}; give two different versions`);
  const target = targetFromFlags(COMMAND, flags, env);
  const { seed, seedSource } = chosenSeed(flags.seed, env);
  const outDir = resolve(flags.out ?? DEFAULT_SDK_DIFF_OUT);
  return {
    from,
    to,
    cacheDir: flags['cache-dir'] === undefined ? DEFAULT_SDK_CACHE_DIR : resolve(flags['cache-dir']),
    outDir,
    seed,
    seedSource,
    target,
    runArgs: [...passedOn(flags), '--seed', seed, '--report-only'],
  };
}

/**
 * Checks that the directories of the plan can be what `sdk-diff` makes of them, before anything is installed or
 * started: `--cache-dir`, `--out` and `<out>/<version>` for each version must each be a directory or not exist
 * yet, under a directory this process can write in (a path npm or a run would fail on only after the install
 * or a run).
 * @throws UsageError, starting with `sdk-diff:`, naming the flag, its path and what is in the way.
 */
export async function checkPlanDirectories(plan: SdkDiffPlan): Promise<void> {
  await checkDirectory('--cache-dir', plan.cacheDir, plan.cacheDir);
  for (const version of [plan.from, plan.to])
    await checkDirectory('--out', plan.outDir, join(plan.outDir, version));
}

/**
 * Checks that `path` (given as `flag` `given`, or under it) is a directory or can be made one: the nearest of it
 * and its parents that exists must be a directory this process can write in.
 */
async function checkDirectory(flag: string, given: string, path: string): Promise<void> {
  const refuse = (problem: string): never => {
    throw new UsageError(`${COMMAND}: ${flag} ${given}: ${problem}`);
  };
  for (let current = path; ; current = dirname(current)) {
    let found: Stats;
    try {
      found = await stat(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Not there (ENOENT), or under something that is not a directory (ENOTDIR): look at the parent.
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(current) !== current) continue;
      return refuse(`cannot look at ${current} (${(error as Error).message})`);
    }
    const what = current === given ? 'it' : current;
    if (!found.isDirectory())
      return refuse(
        `${what} is ${found.isFile() ? 'a file, not a directory' : 'not a directory'}; ` +
          'give a directory, or a path that does not exist yet',
      );
    try {
      await access(current, constants.W_OK | constants.X_OK);
    } catch {
      return refuse(`${what} is a directory this user cannot write in`);
    }
    return;
  }
}

function chosenSeed(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
): Pick<SdkDiffPlan, 'seed' | 'seedSource'> {
  if (flag !== undefined) return { seed: checkedSeed(COMMAND, flag), seedSource: 'flag' };
  const fromEnv = env[ENV.seed];
  if (fromEnv === undefined || fromEnv === '')
    return { seed: String(randomInt(0, 2 ** 31 - 1)), seedSource: 'drawn' };
  try {
    return { seed: checkedSeed(COMMAND, fromEnv), seedSource: 'environment' };
  } catch {
    throw new UsageError(
      `${COMMAND}: ${ENV.seed} takes a whole number from -2147483648 to 2147483647, got ${fromEnv}`,
    );
  }
}

/** The flags of `run` the user gave, checked as `run` checks them, in `run`'s spelling. */
function passedOn(flags: SdkDiffFlags): string[] {
  const args: string[] = [];
  const add = (flag: string, value: string | undefined) => {
    if (value !== undefined) args.push(`--${flag}`, value);
  };
  add('target', flags.target);
  add('endpoint', flags.endpoint);
  add('region', flags.region);
  add('image', flags.image);
  if (flags['allow-aws'] === true) args.push('--allow-aws');
  if (flags['target-name'] !== undefined)
    add('target-name', checkedTargetName(COMMAND, flags['target-name']));
  if (flags.profile !== undefined) add('profile', checkedProfile(COMMAND, flags.profile));
  if (flags.ops !== undefined) add('ops', checkedOps(COMMAND, flags.ops).join(','));
  if (flags.runs !== undefined) add('runs', positiveWholeNumber(COMMAND, '--runs', flags.runs));
  if (flags['request-timeout'] !== undefined)
    add('request-timeout', positiveMilliseconds(COMMAND, '--request-timeout', flags['request-timeout']));
  if (flags.concurrency !== undefined)
    add('concurrency', positiveWholeNumber(COMMAND, '--concurrency', flags.concurrency));
  return args;
}
