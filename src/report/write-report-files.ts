import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BaselineResult } from './baseline.ts';
import { reportToJUnit } from './junit-report.ts';
import { type MarkdownReportOptions, reportToMarkdown } from './markdown-report.ts';
import { reportToJson } from './report-json.ts';
import { redactKnownSecrets, redactSecrets, type Report } from '../deviations/index.ts';

/** The report files `--format` can ask for. */
export const REPORT_FORMATS = ['json', 'md', 'junit', 'html'] as const;
/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Renders the HTML page; supplied by the caller so this layer stays free of the page's code. */
export type HtmlRenderer = (report: Report) => string | Promise<string>;

export interface WriteReportFilesOptions {
  readonly outDir: string;
  readonly formats: readonly ReportFormat[];
  /** Required when `formats` includes `html`. */
  readonly html?: HtmlRenderer;
  /** File name stem: `report` gives `report.json`, `report.md`, `report.junit.xml`, `report.html`. */
  readonly baseName?: string;
  readonly markdown?: MarkdownReportOptions;
  /** The run's gate, when a baseline was given: Markdown opens with what is new, JUnit skips what is accepted. */
  readonly baseline?: BaselineResult;
  /** Values seen on the wire that must not appear in any file (generated passwords, the client secret…). */
  readonly knownSecrets?: readonly string[];
  /** Structure-aware redaction of the report before rendering; on unless explicitly turned off. */
  readonly redact?: boolean;
}

/** The file name each format is written under, for a given stem. */
export function reportFileName(format: ReportFormat, baseName = 'report'): string {
  const extension: Record<ReportFormat, string> = {
    json: 'json',
    md: 'md',
    junit: 'junit.xml',
    html: 'html',
  };
  return `${baseName}.${extension[format]}`;
}

/**
 * The report with its secrets redacted ({@link redactSecrets}), except each change verdict's `value`: the enum value
 * the document announces (`USER_PASSWORD_AUTH`), a fact of the document that shares its name with the model's
 * sensitive attribute `Value`, never a value the target sent.
 */
function redactReport(report: Report): Report {
  const redacted = redactSecrets(report);
  if (report.changes === undefined || redacted.changes === undefined) return redacted;
  const announced = report.changes;
  return {
    ...redacted,
    changes: redacted.changes.map((verdict, index) => {
      const value = announced[index]?.value;
      return value === undefined ? verdict : { ...verdict, value };
    }),
  };
}

/**
 * Writes the chosen formats into `outDir` (created if needed) and resolves to the paths written, in `formats`
 * order. This is where a report leaves the process, so secrets are redacted here. Every file is rendered before
 * any is written, and each is written to a temporary name in the same directory, flushed, then renamed over the
 * final name: an interrupted or failed run leaves the previous file or the complete new one, never a partial one.
 */
export async function writeReportFiles(report: Report, options: WriteReportFilesOptions): Promise<string[]> {
  const formats = checkedFormats(options);
  const baseName = checkedBaseName(options.baseName ?? 'report');
  const safe = options.redact === false ? report : redactReport(report);
  const rendered: [string, string][] = [];
  for (const format of formats) {
    const text = await render(format, safe, options);
    rendered.push([
      join(options.outDir, reportFileName(format, baseName)),
      redactKnownSecrets(text, options.knownSecrets ?? []),
    ]);
  }
  await mkdir(options.outDir, { recursive: true });
  for (const [path, text] of rendered) await writeFileAtomic(path, text);
  return rendered.map(([path]) => path);
}

function checkedFormats(options: WriteReportFilesOptions): ReportFormat[] {
  const formats = [...new Set(options.formats)];
  for (const format of formats) {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      throw new Error(
        `unknown report format '${String(format)}' (expected one of ${REPORT_FORMATS.join(', ')})`,
      );
    }
  }
  if (formats.includes('html') && options.html === undefined) {
    throw new Error("report format 'html' needs an html renderer (options.html)");
  }
  return formats;
}

function checkedBaseName(baseName: string): string {
  if (baseName === '' || baseName !== basename(baseName) || baseName.startsWith('.')) {
    throw new Error(`report baseName must be a plain file name stem, got '${baseName}'`);
  }
  return baseName;
}

async function render(
  format: ReportFormat,
  report: Report,
  options: WriteReportFilesOptions,
): Promise<string> {
  switch (format) {
    case 'json':
      return reportToJson(report);
    case 'md':
      return reportToMarkdown(report, {
        ...options.markdown,
        ...(options.baseline ? { baseline: options.baseline } : {}),
      });
    case 'junit':
      return reportToJUnit(report, options.baseline ? { baseline: options.baseline } : {});
    case 'html':
      return (options.html as HtmlRenderer)(report);
  }
}

/** Temp file in the same directory (same file system, so the rename is atomic), flushed, then renamed. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
