import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ENV, PROFILES } from '../settings/index.ts';
import type { TargetSelection } from '../targets/index.ts';
import { ChildSignals } from './child-signals.ts';
import { type CommandDefinition, helpText, parseCommandArgs } from './command-args.ts';
import { diffCommand } from './diff-command.ts';
import { EXIT_INTERRUPTED, EXIT_OK } from './exit-codes.ts';
import { runOwnCli } from './run-child.ts';
import { DEFAULT_SDK_DIFF_OUT, type SdkDiffPlan, sdkDiffPlan } from './sdk-diff-plan.ts';
import { installSdkVersions, sdkDirFor } from './sdk-install.ts';
import { SDK_PACKAGE } from './sdk-version.ts';
import { TARGET_OPTIONS, targetHelp } from './target-options.ts';

export const SDK_DIFF_COMMAND = {
  name: 'sdk-diff',
  usage:
    'cognito-conformance sdk-diff --from <version> --to <version> [--target …|--endpoint url] [--seed n] [--ops …] [--out dir] [--cache-dir dir]',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    'cache-dir': { type: 'string' },
    ...TARGET_OPTIONS,
    'target-name': { type: 'string' },
    profile: { type: 'string' },
    seed: { type: 'string' },
    ops: { type: 'string' },
    runs: { type: 'string' },
    'request-timeout': { type: 'string' },
    concurrency: { type: 'string' },
  },
  help: {
    from: `the ${SDK_PACKAGE} version to compare from, exact (e.g. 3.600.0)`,
    to: 'the version to compare to, exact (e.g. 3.1169.0); exit 1 when its run has a new error deviation',
    out: `directory for <version>/report.json of each run and diff.md, diff.json (default ${DEFAULT_SDK_DIFF_OUT})`,
    'cache-dir':
      'where both versions are installed with npm and kept (default node_modules/.cache/cognito-conformance/sdk of this project)',
    ...targetHelp('embedded (default: a fresh cognito-local for each run)'),
    'target-name': 'what both reports call the target (as run --target-name)',
    profile: `${Object.keys(PROFILES).join(' | ')} (default quick), the same for both runs`,
    seed: 'the seed of both runs (default: one drawn and printed, or COGNITO_CONFORMANCE_SEED)',
    ops: 'comma-separated operations both runs judge, e.g. DescribeUserPool (default all)',
    runs: 'runs per property, overriding the profile',
    'request-timeout': 'milliseconds one call may take before it is a transport failure (default 15000)',
    concurrency: 'suite workers of each run (as run --concurrency)',
  },
} as const satisfies CommandDefinition<Record<string, { type: 'string' | 'boolean' }>>;

/**
 * `sdk-diff`: checks an upgrade of the Cognito SDK before it is made. Installs both versions side by side in a
 * cache, runs the suite with each (`run` in a child process with `COGNITO_CONFORMANCE_SDK_DIR`, same seed,
 * profile and target), then diffs the two reports as `diff` does: the diff on standard output and in
 * `<out>/diff.md` and `diff.json`, the runs' own output on standard error. Exit 1 when the `--to` run has a new
 * `error` deviation, 0 otherwise; 2 for a usage error, a failed install or a failed run (a run's own code), 130
 * when interrupted.
 */
export async function sdkDiffCommand(argv: readonly string[], log: (line: string) => void): Promise<number> {
  const { values } = parseCommandArgs(SDK_DIFF_COMMAND, argv);
  if (values.help) {
    process.stdout.write(helpText(SDK_DIFF_COMMAND));
    return EXIT_OK;
  }
  const plan = sdkDiffPlan(values);
  log(
    `sdk-diff: ${SDK_PACKAGE} ${plan.from} → ${plan.to} · ${targetText(plan.target)} · seed ${plan.seed}` +
      `${plan.seedSource === 'drawn' ? ' (drawn; --seed repeats it)' : ''} · out ${plan.outDir}`,
  );
  const signals = new ChildSignals();
  try {
    await installSdkVersions([plan.from, plan.to], plan.cacheDir, signals, log);
    if (signals.interrupted) return EXIT_INTERRUPTED;
    for (const [index, version] of [plan.from, plan.to].entries()) {
      const code = await runWithSdk(plan, version, index, signals, log);
      if (code !== EXIT_OK) return code;
    }
    log(`sdk-diff: diff of ${plan.from} → ${plan.to}`);
    return await diffCommand(
      [reportPath(plan, plan.from), reportPath(plan, plan.to), '--out', plan.outDir],
      log,
    );
  } finally {
    signals.dispose();
  }
}

/** One run of the suite with one SDK version, its output under a heading; its exit code. */
async function runWithSdk(
  plan: SdkDiffPlan,
  version: string,
  index: number,
  signals: ChildSignals,
  log: (line: string) => void,
): Promise<number> {
  const outDir = join(plan.outDir, version);
  // A report left by an earlier sdk-diff must never stand in for one this run did not write.
  await rm(join(outDir, 'report.json'), { force: true });
  log(`── sdk-diff ${index + 1}/2: ${SDK_PACKAGE} ${version} ──`);
  const started = performance.now();
  const code = await runOwnCli(
    ['run', ...plan.runArgs, '--out', outDir],
    { [ENV.sdkDir]: sdkDirFor(plan.cacheDir, version) },
    signals,
  );
  const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (code === EXIT_INTERRUPTED) log(`sdk-diff: interrupted during the run with ${version}; no diff`);
  else if (code !== EXIT_OK)
    log(`sdk-diff: the run with ${version} failed (exit ${code}, after ${took}); no diff`);
  else log(`sdk-diff: run with ${version} done in ${took}`);
  return code;
}

function reportPath(plan: SdkDiffPlan, version: string): string {
  return join(plan.outDir, version, 'report.json');
}

function targetText(target: TargetSelection): string {
  switch (target.kind) {
    case 'embedded':
      return 'a fresh embedded cognito-local per run';
    case 'endpoint':
      return `endpoint ${target.endpoint}`;
    case 'aws':
      return `aws ${target.region}`;
    case 'container':
      return `a fresh container:${target.emulator} per run`;
  }
}
