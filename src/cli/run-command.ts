import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { ConformanceReporter } from '../../reporters/conformance-reporter.ts';
import { STARTED_TARGET_ENV } from '../../fixtures/global-target-setup.ts';
import { ProgressReporter } from '../../reporters/progress-reporter.ts';
import { applyBaseline, exitCodeFor, formatBaseline, loadBaseline, writeBaseline, type Baseline, type BaselineResult } from '../report/baseline.ts';
import type { Report } from '../report/report-model.ts';
import { appendStepSummary } from '../report/github-step-summary.ts';
import { reportToMarkdown } from '../report/markdown-report.ts';
import { REPORT_FORMATS, writeFileAtomic, type ReportFormat } from '../report/write-report-files.ts';
import { ENV, PROFILES, runSettingsFromEnv } from '../run/run-settings.ts';
import { cleanupByPrefix } from '../resources/cleanup-by-prefix.ts';
import { startTarget } from '../targets/start-target.ts';
import { parseTargetSelection } from '../targets/target-selection.ts';
import type { StartedTarget } from '../targets/target.ts';
import { helpText, parseCommandArgs, type CommandDefinition } from './command-args.ts';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, UsageError } from './exit-codes.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const RUN_COMMAND = {
  name: 'run',
  usage: 'cognito-conformance run [--target embedded|endpoint|aws|container:<emulator>] [options]',
  options: {
    target: { type: 'string' },
    endpoint: { type: 'string' },
    region: { type: 'string' },
    image: { type: 'string' },
    'allow-aws': { type: 'boolean' },
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
  },
  help: {
    target: 'embedded (default), endpoint, aws, container:cognito-local|moto|localstack',
    endpoint: 'URL of a running awsJson1.1 Cognito endpoint (implies --target endpoint)',
    region: 'region to sign requests for (default us-east-1)',
    image: 'container image to launch instead of the pinned default',
    'allow-aws': 'required to run against real AWS (or COGNITO_CONFORMANCE_ALLOW_AWS=1)',
    profile: `${Object.keys(PROFILES).join(' | ')} (default quick)`,
    seed: 'replay a run exactly: the seed printed in an earlier report',
    ops: 'comma-separated operations to run, e.g. CreateUserPool,ListUserPools',
    format: `comma-separated outputs: ${REPORT_FORMATS.join(',')} (default json,md)`,
    out: 'directory for the report files (default reports)',
    baseline: 'reviewed file of accepted deviations; only others fail the run',
    'write-baseline': 'write the current deviations to this file as a baseline to review',
    'report-only': 'exit 0 whenever the run completes, whatever it found',
    shard: 'run one part of the operations, e.g. 1/2 (merge with `cognito-conformance merge`)',
    runs: 'runs per property, overriding the profile',
  },
} as const satisfies CommandDefinition<Record<string, { type: 'string' | 'boolean' }>>;

/** `run`: starts the target, runs the suites through vitest, writes the reports and decides the exit code. */
export async function runCommand(argv: readonly string[], log: (line: string) => void): Promise<number> {
  const { values } = parseCommandArgs(RUN_COMMAND, argv);
  if (values.help) {
    process.stdout.write(helpText(RUN_COMMAND));
    return EXIT_OK;
  }
  const formats = parseFormats(values.format);
  const selection = parseTargetSelection({
    ...(values.target ? { target: values.target } : {}),
    ...(values.endpoint ? { endpoint: values.endpoint } : {}),
    ...(values.region ? { region: values.region } : {}),
    ...(values.image ? { image: values.image } : {}),
    allowAws: values['allow-aws'] === true || process.env[ENV.allowAws] === '1',
  });
  const env = settingsEnv(values);
  Object.assign(process.env, env);
  const settings = runSettingsFromEnv();
  const baseline = values.baseline ? await loadBaseline(values.baseline) : undefined;
  const outDir = resolve(values.out ?? 'reports');

  const target = await startTarget(selection, settings, log);
  process.env[STARTED_TARGET_ENV] = JSON.stringify(target.descriptor);
  let report: Report | undefined;
  const interruption = watchForInterrupt(log);
  try {
    const vitest = await startVitest('test', [], {
      root: ROOT,
      config: join(ROOT, 'vitest.config.ts'),
      project: ['conformance'],
      watch: false,
      reporters: [
        new ProgressReporter(),
        new ConformanceReporter({ outDir, formats, printTable: true, onReport: (finished) => void (report = finished) }),
      ],
      ...(values.shard ? { shard: values.shard } : {}),
    });
    interruption.onInterrupt(() => vitest.cancelCurrentRun('keyboard-input'));
    await vitest.close();
    const harnessFailed = vitest.state.getCountOfFailedTests() > 0 || vitest.state.getUnhandledErrors().length > 0;
    if (interruption.interrupted) return EXIT_INTERRUPTED;
    if (!report) throw new UsageError('run: no conformance results were recorded; see the output above');
    const outcome = await finish(report, baseline, values, outDir, log);
    if (harnessFailed) {
      log('run: some suites failed inside the harness (see above); the report covers what completed.');
      return values['report-only'] ? EXIT_OK : EXIT_FAILURE;
    }
    return values['report-only'] ? EXIT_OK : outcome;
  } finally {
    interruption.dispose();
    await cleanUp(target, settings.prefix, log);
  }
}

async function finish(
  report: Report,
  baselineFile: Baseline | undefined,
  values: { 'write-baseline'?: string | undefined },
  outDir: string,
  log: (line: string) => void,
): Promise<number> {
  await appendStepSummary(reportToMarkdown(report));
  let result: BaselineResult | undefined;
  if (baselineFile) {
    result = applyBaseline(report, baselineFile, new Date());
    log(
      `baseline: ${result.accepted.length} accepted, ${result.newDeviations.length} new, ` +
        `${result.expired.length} expired, ${result.fixed.length} fixed (no longer seen)`,
    );
  }
  if (values['write-baseline']) {
    await writeFileAtomic(values['write-baseline'], formatBaseline(writeBaseline(report)));
    log(`wrote baseline ${values['write-baseline']} (review each reason before committing it)`);
  }
  log(`reports in ${outDir}`);
  return exitCodeFor(report, result);
}

/** After any run, even an interrupted one: delete whatever still carries the run prefix, then stop the target. */
async function cleanUp(target: StartedTarget, prefix: string, log: (line: string) => void): Promise<void> {
  try {
    if (target.descriptor.kind !== 'embedded') {
      const removed = await cleanupByPrefix(target.descriptor, prefix);
      if (removed.length > 0) log(`cleanup: deleted ${removed.length} leftover pool(s) with prefix ${prefix}`);
    }
  } finally {
    await target.stop();
  }
}

function settingsEnv(values: Record<string, string | boolean | undefined>): Record<string, string> {
  const env: Record<string, string> = {};
  if (typeof values['profile'] === 'string') env[ENV.profile] = values['profile'];
  if (typeof values['seed'] === 'string') env[ENV.seed] = values['seed'];
  if (typeof values['ops'] === 'string') env[ENV.operations] = values['ops'];
  if (typeof values['runs'] === 'string') env[ENV.runs] = values['runs'];
  env[ENV.startedAt] = new Date().toISOString();
  return env;
}

function parseFormats(text: string | undefined): ReportFormat[] {
  if (text === undefined) return ['json', 'md'];
  const formats = text.split(',').map((format) => format.trim());
  const unknown = formats.filter((format) => !(REPORT_FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0) throw new UsageError(`run: unknown --format ${unknown.join(',')}; use ${REPORT_FORMATS.join(',')}`);
  return formats as ReportFormat[];
}

/** First Ctrl-C cancels the run (cleanup still runs); a second one is left to Node's default. */
function watchForInterrupt(log: (line: string) => void) {
  let handler: (() => void) | undefined;
  const state = { interrupted: false };
  const listener = () => {
    state.interrupted = true;
    log('interrupted: cancelling the run, then cleaning up (Ctrl-C again to force)');
    process.off('SIGINT', listener);
    process.off('SIGTERM', listener);
    handler?.();
  };
  process.on('SIGINT', listener);
  process.on('SIGTERM', listener);
  return {
    get interrupted() {
      return state.interrupted;
    },
    onInterrupt(callback: () => void) {
      handler = callback;
      if (state.interrupted) callback();
    },
    dispose() {
      process.off('SIGINT', listener);
      process.off('SIGTERM', listener);
    },
  };
}
