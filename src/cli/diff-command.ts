import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { redactSecrets } from '../deviations/index.ts';
import {
  diffExitCode,
  diffReports,
  diffToMarkdown,
  type ReportDiff,
  writeFileAtomic,
} from '../report/index.ts';
import { helpText, parseCommandArgs, type CommandDefinition } from './command-args.ts';
import { EXIT_OK, UsageError } from './exit-codes.ts';
import { parseFormatList } from './format-list.ts';
import { readReportFile } from './read-report-file.ts';

const DIFF_FORMATS = ['md', 'json'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

export const DIFF_COMMAND = {
  name: 'diff',
  usage: 'cognito-conformance diff <base.json> <head.json> [--out dir] [--format md,json]',
  options: {
    out: { type: 'string' },
    format: { type: 'string' },
  },
  help: {
    out: 'also write the diff to this directory (diff.md, diff.json)',
    format: `files to write with --out: ${DIFF_FORMATS.join(',')} (default both)`,
  },
  allowPositionals: true,
} as const satisfies CommandDefinition<Record<string, { type: 'string' | 'boolean' }>>;

/**
 * `diff`: what changed between two reports (an SDK upgrade, a new emulator version). Prints the Markdown diff
 * and exits 1 when the head has a new `error` deviation, so a CI job can gate on regressions only.
 */
export async function diffCommand(argv: readonly string[], log: (line: string) => void): Promise<number> {
  const { values, positionals } = parseCommandArgs(DIFF_COMMAND, argv);
  if (values.help) {
    process.stdout.write(helpText(DIFF_COMMAND));
    return EXIT_OK;
  }
  const formats = parseFormatList<DiffFormat>('diff', values.format, DIFF_FORMATS, DIFF_FORMATS);
  if (values.format !== undefined && values.out === undefined)
    throw new UsageError('diff: --format chooses the files --out writes; give --out <dir> too');
  const [basePath, headPath] = exactlyTwo(positionals);
  const diff = redactSecrets(
    diffReports(await readReportFile('diff', basePath), await readReportFile('diff', headPath)),
  );
  const markdown = diffToMarkdown(diff);
  process.stdout.write(markdown);
  if (values.out !== undefined) {
    for (const file of await writeDiffFiles(diff, markdown, resolve(values.out), formats))
      log(`wrote ${file}`);
  }
  return diffExitCode(diff);
}

function exactlyTwo(positionals: readonly string[]): [string, string] {
  const [base, head] = positionals;
  if (positionals.length !== 2 || base === undefined || head === undefined) {
    throw new UsageError(
      `diff: give exactly two reports, base then head (got ${positionals.length})\nRun 'cognito-conformance diff --help' for usage.`,
    );
  }
  return [base, head];
}

async function writeDiffFiles(
  diff: ReportDiff,
  markdown: string,
  outDir: string,
  formats: readonly DiffFormat[],
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const texts: Record<DiffFormat, string> = {
    md: markdown,
    json: `${JSON.stringify({ ...diff, exitCode: diffExitCode(diff) }, null, 2)}\n`,
  };
  const written: string[] = [];
  for (const format of formats) {
    const path = join(outDir, `diff.${format}`);
    await writeFileAtomic(path, texts[format]);
    written.push(path);
  }
  return written;
}
