import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVitest } from 'vitest/node';
import { ConformanceReporter, ProgressReporter } from '../../reporters/index.ts';
import {
  type BaselineResult,
  exitCodeFor,
  formatBaseline,
  loadBaseline,
  REPORT_FORMATS,
  type ReportFormat,
  writeBaseline,
  writeFileAtomic,
} from '../report/index.ts';
import type { Report } from '../deviations/index.ts';
import {
  awsAnnouncement,
  ENV,
  exportRunSettings,
  OPS_GROUP_NAMES,
  PROFILES,
  runSettingsFromEnv,
} from '../settings/index.ts';
import { type StartedTarget, startTarget } from '../targets/index.ts';
import { type CommandDefinition, helpText, parseCommandArgs } from './command-args.ts';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, UsageError } from './exit-codes.ts';
import { parseFormatList } from './format-list.ts';
import {
  checkedOps,
  checkedProfile,
  checkedSeed,
  checkedTargetName,
  positiveMilliseconds,
  positiveWholeNumber,
} from './run-flags.ts';
import { parseShard, type Shard, shardOutDir, shardText } from './shard-option.ts';
import { selectionText, TARGET_OPTIONS, targetFromFlags, targetHelp } from './target-options.ts';
import { LeftoverSweep } from './leftover-sweep.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Suite workers by default: two request streams. Measured on the 2-core machine (`npm run bench`), a second
 * worker shortens the quick profile and a third does not (the emulator shares the cores).
 */
export const DEFAULT_CONCURRENCY = 2;

export const RUN_COMMAND = {
  name: 'run',
  usage: 'cognito-conformance run [--target embedded|endpoint|aws|container:<emulator>] [options]',
  options: {
    ...TARGET_OPTIONS,
    'target-name': { type: 'string' },
    profile: { type: 'string' },
    seed: { type: 'string' },
    ops: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    'report-only': { type: 'boolean' },
    shard: { type: 'string' },
    runs: { type: 'string' },
    'request-timeout': { type: 'string' },
    concurrency: { type: 'string' },
  },
  help: {
    ...targetHelp('embedded (default)'),
    'target-name':
      'what reports call the target, e.g. my-emulator-2.1 (default: the emulator where its answers show it)',
    profile: `${Object.keys(PROFILES).join(' | ')} (default quick)`,
    seed: 'replay a run exactly: the seed printed in an earlier report',
    ops:
      'comma-separated operations or resource groups to run, e.g. ListUserPools,app-clients (any case; a group ' +
      `runs its operations the suite judges; groups: ${OPS_GROUP_NAMES.join(', ')}; an unknown name is an error)`,
    format: `comma-separated outputs: ${REPORT_FORMATS.join(',')} (default json,md)`,
    out: 'directory for the report files (default reports)',
    baseline: 'reviewed file of accepted deviations; only others fail the run',
    'write-baseline': 'write the current deviations to this file as a baseline to review',
    'report-only': 'exit 0 whenever the run completes, whatever it found',
    shard:
      'run one part of the suite files, e.g. 1/2, with the same --seed on every shard; reports go to <out>/shard-1-of-2 unless --out is given (merge with `cognito-conformance merge`)',
    runs: 'runs per property, overriding the profile',
    'request-timeout': 'milliseconds one call may take before it is a transport failure (default 15000)',
    concurrency: `suite workers, each with its own connection and resources (default ${DEFAULT_CONCURRENCY}); the findings of a seed are the same at any concurrency`,
  },
} as const satisfies CommandDefinition<Record<string, { type: 'string' | 'boolean' }>>;

/** `run`: starts the target, runs the suites through vitest, writes the reports and decides the exit code. */
export async function runCommand(argv: readonly string[], log: (line: string) => void): Promise<number> {
  const { values } = parseCommandArgs(RUN_COMMAND, argv);
  if (values.help) {
    process.stdout.write(helpText(RUN_COMMAND));
    return EXIT_OK;
  }
  const formats = parseFormatList<ReportFormat>('run', values.format, REPORT_FORMATS, ['json', 'md']);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const selection = targetFromFlags('run', values);
  const outDir = resolve(values.out ?? (shard ? shardOutDir('reports', shard) : 'reports'));
  // Resolved once, here: the seed, run id and prefix the workers use are the ones printed and swept. The workers
  // run report-only: the run's exit code comes from the whole report and the baseline, decided below.
  const settings = runSettingsFromEnv({
    ...process.env,
    ...settingsEnv(values),
    [ENV.reportOnly]: '1',
    [ENV.reportDir]: outDir,
    [ENV.baseline]: '',
  });
  exportRunSettings(settings);
  const baseline = values.baseline ? await loadBaseline(values.baseline) : undefined;
  const concurrency =
    values.concurrency === undefined
      ? DEFAULT_CONCURRENCY
      : Number(positiveWholeNumber('run', '--concurrency', values.concurrency));

  // The header first: what is about to be judged, with what seed, before a container or AWS takes its time.
  log(
    `run: ${selectionText(selection)} · profile ${settings.profile} · seed ${settings.seed} · ` +
      `${settings.operations === undefined ? 'all operations' : settings.operations.join(', ')}` +
      (shard ? ` · shard ${shardText(shard)}` : ''),
  );
  const target = await startTarget(selection, {
    // Only real AWS announces its load (estimating it walks every spec).
    ...(selection.kind === 'aws' ? { announcement: awsAnnouncement(settings) } : {}),
    log,
    ...(values['target-name'] !== undefined
      ? { targetName: checkedTargetName('run', values['target-name']) }
      : {}),
  });
  process.env[ENV.startedTarget] = JSON.stringify(target.descriptor);
  log(
    `run: target ${target.descriptor.name} (${target.descriptor.kind}) · profile ${settings.profile} · ` +
      `seed ${settings.seed} · prefix ${settings.prefix}`,
  );
  let report: Report | undefined;
  let gate: BaselineResult | undefined;
  const sweep = new LeftoverSweep(target, settings.prefix, log);
  const interruption = watchForInterrupt(log);
  try {
    const vitest = await createVitest('test', {
      root: ROOT,
      config: join(ROOT, 'vitest.config.ts'),
      project: ['conformance'],
      watch: false,
      reporters: [
        new ProgressReporter(),
        new ConformanceReporter({
          outDir,
          formats,
          printTable: true,
          ...(baseline ? { baseline } : {}),
          ...(shard ? { shard: shardText(shard) } : {}),
          onReport: (finished, _files, result) => {
            report = finished;
            gate = result;
          },
          runWarnings: () => sweep.forReport(),
        }),
      ],
      ...(shard ? { shard: shardText(shard) } : {}),
      maxWorkers: concurrency,
    });
    // Vitest's own handlers exit the process 1 ms after a signal, before the report is written or the
    // run's resources are deleted; ours cancels the run and lets both happen.
    interruption.takeOverSignals(() => vitest.cancelCurrentRun('keyboard-input'));
    await vitest.start();
    await vitest.close();
    const harnessFailed =
      vitest.state.getCountOfFailedTests() > 0 || vitest.state.getUnhandledErrors().length > 0;
    if (interruption.interrupted) return EXIT_INTERRUPTED;
    if (!report) return nothingRecorded(shard, harnessFailed, log);
    const outcome = await finish(report, gate, values, outDir, log);
    if (harnessFailed) {
      log('run: some suites failed inside the harness (see above); the report covers what completed.');
      return values['report-only'] ? EXIT_OK : EXIT_FAILURE;
    }
    return values['report-only'] ? EXIT_OK : outcome;
  } finally {
    interruption.dispose();
    await cleanUp(target, sweep);
  }
}

async function finish(
  report: Report,
  gate: BaselineResult | undefined,
  values: { 'write-baseline'?: string | undefined },
  outDir: string,
  log: (line: string) => void,
): Promise<number> {
  // The gate's outcome, new deviations first, was printed above the table by the reporter.
  if (values['write-baseline']) {
    await writeFileAtomic(values['write-baseline'], formatBaseline(writeBaseline(report)));
    log(`wrote baseline ${values['write-baseline']} (review each reason before committing it)`);
  }
  log(`reports in ${outDir}`);
  return exitCodeFor(report, gate);
}

/**
 * After any run, even an interrupted one: delete whatever still carries the run prefix (unless the report's sweep
 * already did; a sweep that cannot finish is a warning, never a failure), then stop the target.
 */
async function cleanUp(target: StartedTarget, sweep: LeftoverSweep): Promise<void> {
  try {
    await sweep.atExit();
  } finally {
    await target.stop();
  }
}

function settingsEnv(values: Record<string, string | boolean | undefined>): Record<string, string> {
  const env: Record<string, string> = {};
  if (typeof values['profile'] === 'string') env[ENV.profile] = checkedProfile('run', values['profile']);
  if (typeof values['seed'] === 'string') env[ENV.seed] = checkedSeed('run', values['seed']);
  if (typeof values['ops'] === 'string') env[ENV.operations] = checkedOps('run', values['ops']).join(',');
  if (typeof values['runs'] === 'string')
    env[ENV.runs] = positiveWholeNumber('run', '--runs', values['runs']);
  if (typeof values['request-timeout'] === 'string')
    env[ENV.requestTimeoutMs] = positiveMilliseconds('run', '--request-timeout', values['request-timeout']);
  env[ENV.startedAt] = new Date().toISOString();
  return env;
}

/**
 * No suite recorded anything. For a shard that can be right (its files held no selected operation): the other
 * shards' reports cover the run. Otherwise it means nothing ran, which is a failure.
 */
function nothingRecorded(
  shard: Shard | undefined,
  harnessFailed: boolean,
  log: (line: string) => void,
): number {
  if (shard && !harnessFailed) {
    log(
      `run: shard ${shardText(shard)} ran no selected operation; no report written (merge the other shards' reports)`,
    );
    return EXIT_OK;
  }
  throw new UsageError('run: no conformance results were recorded; see the output above');
}

/**
 * First Ctrl-C (or SIGTERM) cancels the run: the test in flight finishes and cleans up, the report of
 * what completed is written, leftovers with the run prefix are deleted. A second signal exits at once.
 */
function watchForInterrupt(log: (line: string) => void) {
  let cancel: (() => void) | undefined;
  const state = { interrupted: false };
  const listener = () => {
    if (state.interrupted) process.exit(130);
    state.interrupted = true;
    log('interrupted: cancelling the run, then cleaning up (send the signal again to force)');
    cancel?.();
  };
  const install = () => {
    process.on('SIGINT', listener);
    process.on('SIGTERM', listener);
  };
  install();
  return {
    get interrupted() {
      return state.interrupted;
    },
    /** Removes every other SIGINT/SIGTERM handler (vitest's) and routes both signals to `onCancel`. */
    takeOverSignals(onCancel: () => void) {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(signal);
      install();
      cancel = onCancel;
      if (state.interrupted) onCancel();
    },
    dispose() {
      process.off('SIGINT', listener);
      process.off('SIGTERM', listener);
    },
  };
}
