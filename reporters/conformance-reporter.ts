import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';
import type { ConformanceRecord, Report } from '../src/deviations/index.ts';
import {
  applyBaseline,
  appendStepSummary,
  type Baseline,
  type BaselineResult,
  buildReport,
  type CoverageModel,
  gateNewText,
  gateSummaryText,
  reportToMarkdown,
  consoleTable,
  renderCompatibilityMatrix,
  writeReportFiles,
  type ReportFormat,
} from '../src/report/index.ts';
import { readBaseline } from '../src/deviations/index.ts';
import { ENV, resolveRunSettings } from '../src/settings/index.ts';
import { driftRecords, loadOperationSpecs, modelResourceGroups, RESOURCE_GROUPS } from '../src/spec/index.ts';
import { projectSdkVersion } from '../src/wire/index.ts';
import type {} from '../fixtures/index.ts';

/** Options of {@link ConformanceReporter}. */
export interface ConformanceReporterOptions {
  /** Where report files go (default `reports`). */
  readonly outDir?: string;
  /** Which files to write (default JSON and Markdown). */
  readonly formats?: readonly ReportFormat[];
  /** Print the per-operation table when the run ends (default true). */
  readonly printTable?: boolean;
  /**
   * Called with the finished report, after the files are written, and the gate's result when a baseline was
   * given (the CLI uses both for exit codes).
   */
  readonly onReport?: (
    report: Report,
    files: readonly string[],
    gate: BaselineResult | undefined,
  ) => void | Promise<void>;
  /**
   * The reviewed baseline the run is gated by: the console lists what is new first, `report.md` and the GitHub
   * step summary open with it, and JUnit skips what it accepts. Default: the file the run settings name
   * (`COGNITO_CONFORMANCE_BASELINE`), if any.
   */
  readonly baseline?: Baseline;
  /** The run's shard (`1/2`), when it is one: the report says which operations the other shards run. */
  readonly shard?: string;
  /**
   * Called once every test has ended, before the report is built; what it returns goes in the report's
   * `warnings`, after the one about pools the tests could not delete (`task.meta.leftovers`). The CLI sweeps the
   * run's leftovers here, so a sweep that cannot finish shows in the report.
   */
  readonly runWarnings?: () => Promise<readonly string[]>;
}

/**
 * The report's first warning when the run was cancelled (Ctrl-C, SIGTERM): what it holds is what had finished, so an
 * operation may show fewer deviations, or none, than a complete run finds.
 */
export const INTERRUPTED_WARNING =
  'the run was interrupted: this report holds only the tests that had finished, so an operation may show fewer ' +
  'deviations (or a verdict of conformant) than a complete run would find';

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
  async onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    _unhandledErrors: ReadonlyArray<unknown> = [],
    reason?: TestRunEndReason,
  ): Promise<void> {
    const records = collectRecords(testModules);
    if (records.length === 0) return;
    const specs = loadOperationSpecs();
    const durationMs = performance.now() - this.startedAt;
    const warnings = [
      ...(reason === 'interrupted' ? [INTERRUPTED_WARNING] : []),
      ...leftoverWarnings(testModules),
      ...((await this.options.runWarnings?.()) ?? []),
    ];
    const model = currentModel();
    if ('warning' in model) warnings.push(model.warning);
    const settings = resolveRunSettings();
    const report = buildReport(records, {
      allOperations: specs.map((spec) => spec.operation),
      ...(settings.operations ? { selectedOperations: settings.operations } : {}),
      ...(this.options.shard ? { shard: this.options.shard } : {}),
      toolVersion: packageVersion('../package.json'),
      sdkVersion: sdkVersion(),
      documents: [...new Set(specs.map((spec) => spec.source.document))].sort(),
      specOperations: specs.length,
      drift: driftRecords(specs),
      ...('model' in model ? { model: model.model } : {}),
      durationMs,
      warnings,
    });
    const baseline =
      this.options.baseline ??
      (settings.baseline === undefined ? undefined : readBaseline(settings.baseline));
    const gate =
      baseline === undefined
        ? undefined
        : applyBaseline(report, baseline, new Date(), { judgeFixed: this.options.shard === undefined });
    const outDir = this.options.outDir ?? settings.reportDir;
    const formats = this.options.formats ?? ['json', 'md'];
    const files = await writeReportFiles(report, {
      outDir,
      formats,
      html: (single) => renderCompatibilityMatrix([single]),
      ...(gate ? { baseline: gate } : {}),
    });
    await appendStepSummary(
      reportToMarkdown(report, {
        summary: true,
        ...(gate ? { baseline: gate } : {}),
        ...(formats.includes('md') ? { reportPath: join(outDir, 'report.md') } : {}),
      }),
    );
    if (this.options.printTable ?? true) {
      // With a baseline, what is new comes first (a CI log shows why the gate failed before anything else), and
      // the baseline's counts come after the table.
      const before = gate === undefined ? '' : `\n${gateNewText(report, gate)}`;
      const after = gate === undefined ? '' : `${gateSummaryText(gate)}`;
      process.stdout.write(
        `${before}\n${consoleTable(report)}${after}\n${files.map((file) => `wrote ${file}`).join('\n')}\n`,
      );
    }
    await this.options.onReport?.(report, files, gate);
  }
}

/**
 * The current model by resource group, which the report's `coverage` counts the run against; or, when an
 * operation of `specs/operations/` has no group yet (a newer model than src/spec/resource-groups.ts knows), the
 * warning that says why the report has no coverage: the report is still written.
 */
function currentModel(): { readonly model: CoverageModel } | { readonly warning: string } {
  try {
    return { model: { groups: RESOURCE_GROUPS, operations: modelResourceGroups() } };
  } catch (error) {
    return { warning: `the report has no coverage of the model: ${(error as Error).message}` };
  }
}

/** How many pools a leftover warning names; the rest are counted. */
const LEFTOVERS_NAMED = 5;

/**
 * One warning for the resources tests made (pools, and what set-up made in them) that the target would not delete (`task.meta.leftovers`), naming the first
 * few with what the target answered; none when every pool went.
 */
function leftoverWarnings(testModules: ReadonlyArray<TestModule>): string[] {
  const leftovers = [...testModules].flatMap((testModule) =>
    [...testModule.children.allTests()].flatMap((testCase) => testCase.meta().leftovers ?? []),
  );
  if (leftovers.length === 0) return [];
  const more = leftovers.length - LEFTOVERS_NAMED;
  return [
    `the target would not delete ${leftovers.length} resource(s) the tests made (user pools, and what set-up made in them), which may be left behind: ` +
      `${leftovers.slice(0, LEFTOVERS_NAMED).join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
  ];
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

/**
 * The version of the SDK the suite ran with: the copy {@link ENV.sdkDir} names when it is set (vitest.config.ts
 * aliases the SDK's import to it), otherwise the project's own.
 */
function sdkVersion(): string {
  const dir = process.env[ENV.sdkDir];
  return dir ? versionIn(join(resolve(dir), 'package.json')) : projectSdkVersion();
}

function packageVersion(specifier: string): string {
  return versionIn(new URL(specifier, import.meta.url));
}

function versionIn(packageJson: string | URL): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

export default ConformanceReporter;
