import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Reporter, TestModule } from 'vitest/node';
import type { ConformanceRecord, Report } from '../src/deviations/index.ts';
import {
  buildReport,
  consoleTable,
  renderCompatibilityMatrix,
  writeReportFiles,
  type ReportFormat,
} from '../src/report/index.ts';
import { loadOperationSpecs } from '../src/spec/index.ts';
import type {} from '../fixtures/index.ts';

const require = createRequire(import.meta.url);

/** Options of {@link ConformanceReporter}. */
export interface ConformanceReporterOptions {
  /** Where report files go (default `reports`). */
  readonly outDir?: string;
  /** Which files to write (default JSON and Markdown). */
  readonly formats?: readonly ReportFormat[];
  /** Print the per-operation table when the run ends (default true). */
  readonly printTable?: boolean;
  /** Called with the finished report, after the files are written (the CLI uses it for exit codes). */
  readonly onReport?: (report: Report, files: readonly string[]) => void | Promise<void>;
}

/**
 * Turns the structured records suites put on `task.meta.conformance` into the report files. Add it to
 * a vitest config to run the suites with plain `vitest`; the CLI uses it too. Nothing here reads test
 * names or failure messages.
 */
export class ConformanceReporter implements Reporter {
  private startedAt = performance.now();

  constructor(private readonly options: ConformanceReporterOptions = {}) {}

  /** Fires once when vitest has started, before any file is collected. */
  onInit(): void {
    this.startedAt = performance.now();
  }

  /** Fires once after every test ran (or the run was cancelled); reports are written here. */
  async onTestRunEnd(testModules: ReadonlyArray<TestModule>): Promise<void> {
    const records = collectRecords(testModules);
    if (records.length === 0) return;
    const specs = loadOperationSpecs();
    const report = buildReport(records, {
      toolVersion: packageVersion('../package.json'),
      sdkVersion: packageVersion('@aws-sdk/client-cognito-identity-provider/package.json'),
      documents: [...new Set(specs.map((spec) => spec.source.document))].sort(),
      specOperations: specs.length,
      durationMs: performance.now() - this.startedAt,
    });
    const files = await writeReportFiles(report, {
      outDir: this.options.outDir ?? 'reports',
      formats: this.options.formats ?? ['json', 'md'],
      html: (single) => renderCompatibilityMatrix([single]),
    });
    if (this.options.printTable ?? true)
      process.stdout.write(`\n${consoleTable(report)}\n${files.map((file) => `wrote ${file}`).join('\n')}\n`);
    await this.options.onReport?.(report, files);
  }
}

/** Every record from every test case of every module, in module and test order. */
export function collectRecords(testModules: ReadonlyArray<TestModule>): ConformanceRecord[] {
  const records: ConformanceRecord[] = [];
  for (const testModule of testModules) {
    for (const testCase of testModule.children.allTests())
      records.push(...(testCase.meta().conformance ?? []));
  }
  return records;
}

function packageVersion(specifier: string): string {
  const path = specifier.startsWith('.') ? new URL(specifier, import.meta.url) : require.resolve(specifier);
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

export default ConformanceReporter;
