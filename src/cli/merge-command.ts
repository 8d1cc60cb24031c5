import { resolve } from 'node:path';
import {
  consoleTable,
  renderCompatibilityMatrix,
  mergeReports,
  REPORT_FORMATS,
  writeReportFiles,
  type ReportFormat,
} from '../report/index.ts';
import type { Report } from '../deviations/index.ts';
import { helpText, parseCommandArgs, type CommandDefinition } from './command-args.ts';
import { EXIT_OK, UsageError } from './exit-codes.ts';
import { parseFormatList } from './format-list.ts';
import { readReportFiles } from './read-report-file.ts';

export const MERGE_COMMAND = {
  name: 'merge',
  usage:
    'cognito-conformance merge <shard-1.json> <shard-2.json> … [--out dir] [--format json,md,junit,html]',
  options: {
    out: { type: 'string' },
    format: { type: 'string' },
  },
  help: {
    out: 'directory for the merged report files (default reports)',
    format: `comma-separated outputs: ${REPORT_FORMATS.join(',')} (default json,md)`,
  },
  allowPositionals: true,
} as const satisfies CommandDefinition<Record<string, { type: 'string' | 'boolean' }>>;

/**
 * `merge`: combines the reports of one run split with `run --shard i/n` (on one machine or several) into the
 * report the unsharded run would have written, in every format `run` writes. Refuses reports of different
 * runs (target, seed, profile, versions), which would merge into something no run produced.
 */
export async function mergeCommand(argv: readonly string[], log: (line: string) => void): Promise<number> {
  const { values, positionals } = parseCommandArgs(MERGE_COMMAND, argv);
  if (values.help) {
    process.stdout.write(helpText(MERGE_COMMAND));
    return EXIT_OK;
  }
  const formats = parseFormatList<ReportFormat>('merge', values.format, REPORT_FORMATS, ['json', 'md']);
  const merged = mergeShards(await readReportFiles('merge', positionals));
  const files = await writeReportFiles(merged, {
    outDir: resolve(values.out ?? 'reports'),
    formats,
    html: (report) => renderCompatibilityMatrix([report]),
  });
  process.stdout.write(`${consoleTable(merged)}\n`);
  for (const file of files) log(`wrote ${file}`);
  return EXIT_OK;
}

function mergeShards(reports: readonly Report[]): Report {
  try {
    return mergeReports(reports);
  } catch (error) {
    throw new UsageError(`merge: ${(error as Error).message.replace(/^mergeReports: /, '')}`);
  }
}
