import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../../src/deviations/index.ts';
import { validateReport, type ReportSchemaError } from '../../src/report/index.ts';

/** What a `run --out <dir> --format json,md` left in its directory. */
export interface ReportFiles {
  readonly files: readonly string[];
  /** Files whose names say they are a writer's temporary (`.report.json.<pid>.<uuid>.tmp`). */
  readonly temporaries: readonly string[];
  readonly report: Report;
  readonly schemaErrors: readonly ReportSchemaError[];
  readonly markdown: string;
}

/** Reads the report files back, parsing the JSON (a parse error throws) and validating it against the report schema. */
export async function readReportFiles(dir: string): Promise<ReportFiles> {
  const files = (await readdir(dir)).sort();
  const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
  return {
    files,
    temporaries: files.filter((file) => /\.tmp/.test(file)),
    report,
    schemaErrors: validateReport(report).errors,
    markdown: await readFile(join(dir, 'report.md'), 'utf8'),
  };
}
