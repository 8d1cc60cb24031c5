import junitModule from 'junit-report-builder';
import type { Builder, TestCase, TestSuite } from 'junit-report-builder';
import {
  identityText,
  isBlocking,
  type OperationReport,
  type Report,
  type ReportDeviation,
} from '../deviations/index.ts';
import { isUnreviewed } from '../deviations/index.ts';
import { acceptedEntryFor, type BaselineResult } from './baseline.ts';
import { acceptanceText } from './gate-outcome.ts';
import { addCoverageSuites } from './junit-coverage.ts';
import { addBehaviourSuite } from './junit-behaviour.ts';
import { cdataSafe, deviationText, worstSeverity } from './junit-text.ts';

export { deviationText } from './junit-text.ts';

/** Options of {@link reportToJUnit}. */
export interface JUnitReportOptions {
  /** The run's gate: deviations it accepts become skipped test cases with the entry's reason. */
  readonly baseline?: BaselineResult;
}

/**
 * The report as JUnit XML, for CI test views, red exactly when the gate fails (the run's exit code 1): one
 * `<testsuite>` per operation, one `<testcase>` per operation × check (classname = operation, name = check,
 * `time` = the seconds of the tests that judged it, from `CheckTally.durationMs`).
 * - a check fails when it holds a deviation of severity `error` or `warning` that is new: not accepted by the
 *   baseline (without a baseline, every such deviation is new); the failure carries each with its reproduction;
 * - each accepted deviation is a skipped test case of its own (name: its identity), whose `reason` property and
 *   system-out give the baseline entry's reason, or say that the entry is unreviewed;
 * - `info` deviations go to the test case's system-out and fail nothing;
 * - the other test cases of an `unsupported` operation are skipped, and those of an `inconclusive` one are
 *   errors when they hold a new deviation (a transport failure) and skipped with the reason otherwise.
 * An unsupported or inconclusive operation with no check at all still gets one test case, so it is counted.
 * When the report has `behaviour`, one `behaviour` suite follows with a case per documented rule (see
 * `addBehaviourSuite`): failed when broken by a deviation the baseline does not accept, skipped with the reason when
 * not judged, passed otherwise. When the report has `coverage`, one `coverage: <group>` suite per resource group
 * follows (see `addCoverageSuites`): a case per operation of the model, passed when implemented, skipped otherwise.
 */
export function reportToJUnit(report: Report, options: JUnitReportOptions = {}): string {
  const builder = newBuilder().name(`cognito-conformance ${report.target.name}`);
  for (const op of report.operations) addOperation(builder.testSuite(), op, report, options.baseline);
  addBehaviourSuite(builder, report, options.baseline);
  addCoverageSuites(builder, report);
  return builder.build();
}

/** Test case name for an unsupported or inconclusive operation that has no check to hang the verdict on. */
export const NO_CHECK_CASE = '(operation)';

/**
 * junit-report-builder is CommonJS whose `module.exports` is a builder instance, while its types declare an ES
 * default export; depending on the loader the default import is the builder or `{ default: builder }`.
 */
function newBuilder(): Builder {
  const loaded = junitModule as unknown as Builder | { readonly default: Builder };
  const root = 'default' in loaded ? loaded.default : loaded;
  return root.newBuilder();
}

function addOperation(
  suite: TestSuite,
  op: OperationReport,
  report: Report,
  baseline: BaselineResult | undefined,
): void {
  suite
    .name(op.operation)
    .timestamp(report.run.startedAt)
    .property('target', report.target.name)
    .property('sdk', report.sdk.version)
    .property('profile', report.run.profile)
    .property('seed', String(report.run.seed))
    .property('verdict', op.verdict);
  if (op.reason !== undefined) suite.property('reason', op.reason);
  for (const check of checkNames(op)) {
    const deviations = op.deviations.filter((d) => d.check === check);
    const accepted =
      baseline === undefined ? [] : deviations.filter((d) => acceptedEntryFor(baseline, op.operation, d));
    const open = deviations.filter((d) => !accepted.includes(d));
    const tally = op.checks.find((c) => c.check === check);
    const testCase = suite.testCase().className(op.operation).name(check);
    if (tally?.durationMs !== undefined) testCase.time(tally.durationMs / 1000);
    describeCase(testCase, op, check, open);
    for (const deviation of accepted) {
      const entry = baseline && acceptedEntryFor(baseline, op.operation, deviation);
      if (entry === undefined) continue;
      const reason = acceptanceText(entry, isUnreviewed(entry));
      suite
        .testCase()
        .className(op.operation)
        .name(identityText({ operation: op.operation, ...deviation }))
        .property('reason', reason)
        .skipped()
        .standardOutput(cdataSafe(`${reason}\n\n${deviationText(deviation)}`));
    }
  }
}

/** Checks with a tally, then any check only named by a deviation; one placeholder when judged without checks. */
function checkNames(op: OperationReport): string[] {
  const names = [...new Set([...op.checks.map((c) => c.check), ...op.deviations.map((d) => d.check)])];
  if (names.length === 0 && (op.verdict === 'unsupported' || op.verdict === 'inconclusive'))
    return [NO_CHECK_CASE];
  return names;
}

/** One operation × check: `open` holds its deviations the baseline does not accept. */
function describeCase(
  testCase: TestCase,
  op: OperationReport,
  check: string,
  open: readonly ReportDeviation[],
): void {
  const blocking = open.filter(isBlocking);
  const notes = open.filter((d) => !isBlocking(d));
  if (notes.length > 0) testCase.standardOutput(cdataSafe(notes.map(deviationText).join('\n\n')));
  if (op.verdict === 'inconclusive') {
    if (blocking.length === 0) {
      testCase
        .skipped()
        .property('reason', `${op.operation} is inconclusive: ${op.reason ?? 'nothing judged'}`);
      return;
    }
    testCase.error(
      `${op.operation} is inconclusive: ${op.reason ?? 'only transport failures'}`,
      'inconclusive',
      cdataSafe(blocking.map(deviationText).join('\n\n')),
    );
    return;
  }
  if (blocking.length > 0) {
    const tally = op.checks.find((c) => c.check === check);
    testCase.failure(failureMessage(blocking, tally?.runs, tally?.failed), worstSeverity(blocking));
    testCase.stacktrace(cdataSafe(blocking.map(deviationText).join('\n\n')));
    return;
  }
  if (op.verdict === 'unsupported')
    testCase.skipped().property('reason', `${op.operation} is unsupported: ${op.reason ?? ''}`);
}

function failureMessage(blocking: readonly ReportDeviation[], runs?: number, failed?: number): string {
  const ratio = runs === undefined || failed === undefined ? '' : ` (${failed} of ${runs} runs failed)`;
  const list = blocking
    .map((d) => `${d.kind} at ${d.path === '' ? '(whole body)' : d.path}${d.rule ? ` [${d.rule.name}]` : ''}`)
    .join('; ');
  return `${blocking.length} deviation${blocking.length === 1 ? '' : 's'}${ratio}: ${list}`;
}
