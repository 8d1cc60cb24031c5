import { resolve } from 'node:path';
import {
  applyBaseline,
  consoleTable,
  exitCodeFor,
  gateNewText,
  gateSummaryText,
  loadBaseline,
  renderCompatibilityMatrix,
  mergeReports,
  REPORT_FORMATS,
  writeReportFiles,
  type ReportFormat,
} from '../report/index.ts';
import type { Report } from '../deviations/index.ts';
import { helpText, parseCommandArgs, type CommandDefinition } from './command-args.ts';
import { EXIT_DEVIATIONS, EXIT_OK, UsageError } from './exit-codes.ts';
import { parseFormatList } from './format-list.ts';
import { readReportFiles } from './read-report-file.ts';

export const MERGE_COMMAND = {
  name: 'merge',
  usage:
    'cognito-conformance merge <shard-1.json> <shard-2.json> … [--out dir] [--format json,md,junit,html] [--baseline file]',
  options: {
    out: { type: 'string' },
    format: { type: 'string' },
    baseline: { type: 'string' },
  },
  help: {
    out: 'directory for the merged report files (default reports)',
    format: `comma-separated outputs: ${REPORT_FORMATS.join(',')} (default json,md)`,
    baseline:
      'gate the merged report as `run --baseline` gates one run (the shards cannot tell which entries are fixed; the merge can); exit 1 on a new deviation',
  },
  allowPositionals: true,
} as const satisfies CommandDefinition<Record<string, { type: 'string' | 'boolean' }>>;

/**
 * `merge`: combines the reports of one run split with `run --shard i/n` (on one machine or several) into the
 * report the unsharded run would have written, in every format `run` writes. Refuses reports of different
 * runs (target, seed, profile, versions), which would merge into something no run produced. With `--baseline`,
 * the merged report is gated as one run's is (new deviations first, JUnit skips what is accepted) and the exit code
 * is the gate's; without it, 0.
 */
export async function mergeCommand(argv: readonly string[], log: (line: string) => void): Promise<number> {
  const { values, positionals } = parseCommandArgs(MERGE_COMMAND, argv);
  if (values.help) {
    process.stdout.write(helpText(MERGE_COMMAND));
    return EXIT_OK;
  }
  const formats = parseFormatList<ReportFormat>('merge', values.format, REPORT_FORMATS, ['json', 'md']);
  const merged = mergeShards(await readReportFiles('merge', positionals));
  const baseline = values.baseline === undefined ? undefined : await loadBaseline(values.baseline);
  const gate = baseline === undefined ? undefined : applyBaseline(merged, baseline, new Date());
  const files = await writeReportFiles(merged, {
    outDir: resolve(values.out ?? 'reports'),
    formats,
    html: (report) => renderCompatibilityMatrix([report]),
    ...(gate ? { baseline: gate } : {}),
  });
  const before = gate === undefined ? '' : `${gateNewText(merged, gate)}\n`;
  const after = gate === undefined ? '' : gateSummaryText(gate);
  process.stdout.write(`${before}${consoleTable(merged)}${after}`);
  for (const file of files) log(`wrote ${file}`);
  if (gate === undefined) return EXIT_OK;
  return exitCodeFor(merged, gate) === 0 ? EXIT_OK : EXIT_DEVIATIONS;
}

function mergeShards(reports: readonly Report[]): Report {
  try {
    return mergeReports(reports);
  } catch (error) {
    throw new UsageError(`merge: ${(error as Error).message.replace(/^mergeReports: /, '')}`);
  }
}
