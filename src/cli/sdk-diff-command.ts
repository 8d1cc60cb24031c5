import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { identityText } from '../deviations/index.ts';
import type { ReportDiff } from '../report/index.ts';
import { ENV, PROFILES } from '../settings/index.ts';
import type { TargetSelection } from '../targets/index.ts';
import { ChildSignals } from './child-signals.ts';
import { type CommandDefinition, helpText, parseCommandArgs } from './command-args.ts';
import { diffCommand } from './diff-command.ts';
import { EXIT_INTERRUPTED, EXIT_OK } from './exit-codes.ts';
import { runOwnCli } from './run-child.ts';
import {
  checkPlanDirectories,
  DEFAULT_SDK_DIFF_OUT,
  type SdkDiffPlan,
  sdkDiffPlan,
} from './sdk-diff-plan.ts';
import { installSdkVersions, sdkDirFor } from './sdk-install.ts';
import { SDK_PACKAGE } from './sdk-version.ts';
import { selectionText, TARGET_OPTIONS, targetHelp } from './target-options.ts';

/**
 * The definition of `sdk-diff` for the CLI's argument parser (`parseCommandArgs`) and `--help` (`helpText`):
 * its usage line, its flags (all strings but `--allow-aws`) and one help line per flag. `--from`, `--to`, `--out`
 * and `--cache-dir` are its own; the others are `run`'s ({@link TARGET_OPTIONS} and the run-shaping flags), which
 * it checks as `run` does ({@link sdkDiffPlan}) and passes on to both runs. Drives {@link sdkDiffCommand}.
 */
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
    ops: 'comma-separated operations or resource groups both runs judge, as run --ops takes them, e.g. DescribeUserPool,app-clients (default all)',
    runs: 'runs per property, overriding the profile',
    'request-timeout': 'milliseconds one call may take before it is a transport failure (default 15000)',
    concurrency: 'suite workers of each run (as run --concurrency)',
  },
} as const satisfies CommandDefinition<Record<string, { type: 'string' | 'boolean' }>>;

/**
 * The steps of `sdk-diff` that reach outside this process: installing the versions, running the CLI in a child,
 * diffing the reports. Tests replace them; by default {@link installSdkVersions}, {@link runOwnCli} and
 * {@link diffCommand}.
 */
export interface SdkDiffSteps {
  readonly install: typeof installSdkVersions;
  readonly runCli: typeof runOwnCli;
  readonly diff: typeof diffCommand;
}

const STEPS: SdkDiffSteps = { install: installSdkVersions, runCli: runOwnCli, diff: diffCommand };

/**
 * `sdk-diff`: checks an upgrade of the Cognito SDK before it is made. Checks every flag and directory first, then
 * installs both versions side by side in a cache (again, when a cached copy is broken), runs the suite with
 * each (`run` in a child process with `COGNITO_CONFORMANCE_SDK_DIR`, same seed, profile and target), then diffs
 * the two reports as `diff` does: the diff on standard output and in `<out>/diff.md` and `diff.json`, the runs'
 * own output on standard error, and last on standard error one `sdk-diff:` line that says why it exits as it
 * does. Exit 1 when the `--to` run has a new `error` deviation, 0 otherwise; 2 for a usage error, a failed
 * install or a failed run (a run's own code); 130 when interrupted at any point (nothing more starts).
 */
export async function sdkDiffCommand(
  argv: readonly string[],
  log: (line: string) => void,
  steps: SdkDiffSteps = STEPS,
): Promise<number> {
  const { values } = parseCommandArgs(SDK_DIFF_COMMAND, argv);
  if (values.help) {
    process.stdout.write(helpText(SDK_DIFF_COMMAND));
    return EXIT_OK;
  }
  const plan = sdkDiffPlan(values);
  await checkPlanDirectories(plan);
  log(
    `sdk-diff: ${SDK_PACKAGE} ${plan.from} → ${plan.to} · ${targetText(plan.target)} · seed ${plan.seed}` +
      `${plan.seedSource === 'drawn' ? ' (drawn; --seed repeats it)' : ''} · out ${plan.outDir}`,
  );
  const signals = new ChildSignals();
  try {
    return await sdkDiffSteps(plan, signals, steps, log);
  } catch (error) {
    // A step that fails because of the interrupt (npm or a run stopped half-way) is the interrupt.
    if (!signals.interrupted) throw error;
    log(`sdk-diff: interrupted (${(error as Error).message}) (exit ${EXIT_INTERRUPTED})`);
    return EXIT_INTERRUPTED;
  } finally {
    signals.dispose();
  }
}

/** Install, both runs, the diff; nothing starts after an interrupt. The exit code, after its last line. */
async function sdkDiffSteps(
  plan: SdkDiffPlan,
  signals: ChildSignals,
  steps: SdkDiffSteps,
  log: (line: string) => void,
): Promise<number> {
  const interrupted = (when: string): number => {
    log(`sdk-diff: interrupted ${when} (exit ${EXIT_INTERRUPTED})`);
    return EXIT_INTERRUPTED;
  };
  await steps.install([plan.from, plan.to], plan.cacheDir, signals, log);
  if (signals.interrupted) return interrupted('while installing; no run and no diff');
  for (const [index, version] of [plan.from, plan.to].entries()) {
    if (signals.interrupted) return interrupted(`before the run with ${version}; no diff`);
    const code = await runWithSdk(plan, version, index, signals, steps, log);
    if (code !== EXIT_OK) return code;
  }
  if (signals.interrupted) return interrupted('after the runs; no diff');
  log(`sdk-diff: diff of ${plan.from} → ${plan.to}`);
  const code = await steps.diff(
    [reportPath(plan, plan.from), reportPath(plan, plan.to), '--out', plan.outDir],
    log,
  );
  if (signals.interrupted) return interrupted('during the diff');
  log(await outcomeLine(plan, code));
  return code;
}

/**
 * The last line of a diff that ran: why the exit code is what it is. For exit 1, how many deviations of the `--to`
 * run are new errors (or became errors), and the first one's identity, from the `diff.json` just written.
 */
async function outcomeLine(plan: SdkDiffPlan, code: number): Promise<string> {
  if (code === EXIT_OK) return `sdk-diff: no new error deviation with ${plan.to}`;
  let regressions: string[];
  try {
    const diff = JSON.parse(await readFile(join(plan.outDir, 'diff.json'), 'utf8')) as ReportDiff;
    regressions = newErrorDeviations(diff);
  } catch {
    regressions = [];
  }
  const first = regressions[0];
  return first === undefined
    ? `sdk-diff: exit ${code}: new error deviations with ${plan.to} (see the diff above)`
    : `sdk-diff: exit ${code}: ${regressions.length} new error deviation${regressions.length === 1 ? '' : 's'} ` +
        `with ${plan.to} (first: ${first})`;
}

/**
 * The identities (`<Operation> <check> <kind> <path>`) of what makes a diff exit 1, in the diff's order: each new
 * deviation of severity `error`, and each matched one that became an `error` (as `diffExitCode` counts them).
 */
export function newErrorDeviations(diff: ReportDiff): string[] {
  return diff.operations.flatMap((op) =>
    [
      ...op.new.filter((deviation) => deviation.severity === 'error'),
      ...op.changed
        .filter((change) => change.after.severity === 'error' && change.before.severity !== 'error')
        .map((change) => change.after),
    ].map((deviation) => identityText({ operation: op.operation, ...deviation })),
  );
}

/** One run of the suite with one SDK version, its output under a heading; its exit code. */
async function runWithSdk(
  plan: SdkDiffPlan,
  version: string,
  index: number,
  signals: ChildSignals,
  steps: SdkDiffSteps,
  log: (line: string) => void,
): Promise<number> {
  const outDir = join(plan.outDir, version);
  // A report left by an earlier sdk-diff must never stand in for one this run did not write.
  await rm(join(outDir, 'report.json'), { force: true });
  log(`── sdk-diff ${index + 1}/2: ${SDK_PACKAGE} ${version} ──`);
  const started = performance.now();
  const code = await steps.runCli(
    ['run', ...plan.runArgs, '--out', outDir],
    { [ENV.sdkDir]: sdkDirFor(plan.cacheDir, version) },
    signals,
  );
  const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (code === EXIT_INTERRUPTED)
    log(`sdk-diff: interrupted during the run with ${version}; no diff (exit ${EXIT_INTERRUPTED})`);
  else if (code !== EXIT_OK)
    log(`sdk-diff: the run with ${version} failed (exit ${code}, after ${took}); no diff`);
  else log(`sdk-diff: run with ${version} done in ${took}`);
  return code;
}

function reportPath(plan: SdkDiffPlan, version: string): string {
  return join(plan.outDir, version, 'report.json');
}

/** The target of both runs in words: a started one is started afresh for each run. */
function targetText(target: TargetSelection): string {
  return target.kind === 'embedded' || target.kind === 'container'
    ? `a fresh ${selectionText(target)} per run`
    : selectionText(target);
}
