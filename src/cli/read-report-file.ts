import { readFile } from 'node:fs/promises';
import { parseReportJson } from '../report/index.ts';
import type { Report } from '../deviations/index.ts';
import { UsageError } from './exit-codes.ts';

/**
 * Reads one report file given on the command line and validates it against the report schema. Every problem
 * (missing, unreadable, not JSON, not a report) becomes a `UsageError` naming the file and what is wrong, so
 * the user sees one clear line and exit code 2, never a stack trace.
 */
export async function readReportFile(command: string, path: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${command}: cannot read report ${path}: ${readProblem(error)}`);
  }
  try {
    return parseReportJson(text, path);
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}

/** Every report named on the command line, in order; at least `min` of them. */
export async function readReportFiles(command: string, paths: readonly string[], min = 1): Promise<Report[]> {
  if (paths.length < min) {
    throw new UsageError(
      `${command}: give at least ${min} report file${min === 1 ? '' : 's'} (report.json)\nRun 'cognito-conformance ${command} --help' for usage.`,
    );
  }
  const reports: Report[] = [];
  for (const path of paths) reports.push(await readReportFile(command, path));
  return reports;
}

function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
