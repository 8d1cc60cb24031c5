import { dirname, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { renderCompatibilityMatrix, compatibilityMatrixMarkdown, writeFileAtomic } from '../report/index.ts';
import { redactSecrets } from '../deviations/index.ts';
import { helpText, parseCommandArgs, type CommandDefinition } from './command-args.ts';
import { EXIT_OK, UsageError } from './exit-codes.ts';
import { readReportFiles } from './read-report-file.ts';

export const REPORT_COMMAND = {
  name: 'report',
  usage: 'cognito-conformance report <a.json> <b.json> … --html out.html [--md out.md]',
  options: {
    html: { type: 'string' },
    md: { type: 'string' },
  },
  help: {
    html: 'write the self-contained compatibility page here (operations, coverage of the model by resource group, and changes × targets)',
    md: 'also write the matrix as Markdown here (for a pull request or job summary)',
  },
  allowPositionals: true,
} as const satisfies CommandDefinition<Record<string, { type: 'string' | 'boolean' }>>;

/**
 * `report`: one compatibility page from the reports of several targets (cognito-local, moto, LocalStack, AWS),
 * one column each, to compare them side by side. Every input is validated against the report schema first, so
 * a truncated or foreign file is named instead of rendering a half-empty page.
 */
export async function reportCommand(argv: readonly string[], log: (line: string) => void): Promise<number> {
  const { values, positionals } = parseCommandArgs(REPORT_COMMAND, argv);
  if (values.help) {
    process.stdout.write(helpText(REPORT_COMMAND));
    return EXIT_OK;
  }
  if (values.html === undefined && values.md === undefined) {
    throw new UsageError(
      `report: say where to write the page with --html <file> (and/or --md <file>)\nRun 'cognito-conformance report --help' for usage.`,
    );
  }
  const reports = (await readReportFiles('report', positionals)).map((report) => redactSecrets(report));
  const outputs: [string | undefined, () => string][] = [
    [values.html, () => renderCompatibilityMatrix(reports)],
    [values.md, () => compatibilityMatrixMarkdown(reports)],
  ];
  for (const [path, render] of outputs) {
    if (path === undefined) continue;
    const target = resolve(path);
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, render());
    log(`wrote ${target}`);
  }
  return EXIT_OK;
}
