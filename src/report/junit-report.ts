import junitModule from 'junit-report-builder';
import type { Builder, TestCase, TestSuite } from 'junit-report-builder';
import { isBlocking, type OperationReport, type Report, type ReportDeviation } from '../deviations/index.ts';

/**
 * The report as JUnit XML, for CI test views: one `<testsuite>` per operation, one `<testcase>` per operation ×
 * check (classname = operation, name = check).
 * - a check with `error`/`warning` deviations fails, the failure carrying each deviation and its reproduction;
 *   `info` deviations go to the test case's system-out and do not fail it (as they do not make it deviate);
 * - every test case of an `unsupported` operation is skipped;
 * - every test case of an `inconclusive` operation is an error (the test could not run), with the transport
 *   failures as detail.
 * An unsupported or inconclusive operation with no check at all still gets one test case, so it is counted.
 */
export function reportToJUnit(report: Report): string {
  const builder = newBuilder().name(`cognito-conformance ${report.target.name}`);
  for (const op of report.operations) addOperation(builder.testSuite(), op, report);
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

function addOperation(suite: TestSuite, op: OperationReport, report: Report): void {
  suite
    .name(op.operation)
    .timestamp(report.run.startedAt)
    .property('target', report.target.name)
    .property('sdk', report.sdk.version)
    .property('profile', report.run.profile)
    .property('seed', String(report.run.seed))
    .property('verdict', op.verdict);
  for (const check of checkNames(op)) {
    const deviations = op.deviations.filter((d) => d.check === check);
    describeCase(suite.testCase().className(op.operation).name(check), op, check, deviations);
  }
}

/** Checks with a tally, then any check only named by a deviation; one placeholder when judged without checks. */
function checkNames(op: OperationReport): string[] {
  const names = [...new Set([...op.checks.map((c) => c.check), ...op.deviations.map((d) => d.check)])];
  if (names.length === 0 && (op.verdict === 'unsupported' || op.verdict === 'inconclusive'))
    return [NO_CHECK_CASE];
  return names;
}

function describeCase(
  testCase: TestCase,
  op: OperationReport,
  check: string,
  deviations: readonly ReportDeviation[],
): void {
  if (op.verdict === 'unsupported') {
    testCase.skipped();
    if (deviations.length > 0) testCase.standardOutput(cdataSafe(deviations.map(deviationText).join('\n\n')));
    return;
  }
  if (op.verdict === 'inconclusive') {
    const detail =
      deviations.length === 0 ? 'no exchange completed' : deviations.map(deviationText).join('\n\n');
    testCase.error(
      `${op.operation} is inconclusive: only transport failures`,
      'inconclusive',
      cdataSafe(detail),
    );
    return;
  }
  const blocking = deviations.filter(isBlocking);
  const notes = deviations.filter((d) => !isBlocking(d));
  if (blocking.length > 0) {
    const tally = op.checks.find((c) => c.check === check);
    testCase.failure(failureMessage(blocking, tally?.runs, tally?.failed), worstSeverity(blocking));
    testCase.stacktrace(cdataSafe(blocking.map(deviationText).join('\n\n')));
  }
  if (notes.length > 0) testCase.standardOutput(cdataSafe(notes.map(deviationText).join('\n\n')));
}

function failureMessage(blocking: readonly ReportDeviation[], runs?: number, failed?: number): string {
  const ratio = runs === undefined || failed === undefined ? '' : ` (${failed} of ${runs} runs failed)`;
  const list = blocking.map((d) => `${d.kind} at ${d.path === '' ? '(whole body)' : d.path}`).join('; ');
  return `${blocking.length} deviation${blocking.length === 1 ? '' : 's'}${ratio}: ${list}`;
}

function worstSeverity(deviations: readonly ReportDeviation[]): string {
  return deviations.some((d) => d.severity === 'error') ? 'error' : 'warning';
}

/** One deviation as plain text: what, where, expected vs actual, the minimal request and how to replay it. */
export function deviationText(d: ReportDeviation): string {
  const replay = [d.reproduce.command];
  if (d.reproduce.seed !== undefined) replay.push(`seed ${d.reproduce.seed}`);
  if (d.reproduce.path !== undefined) replay.push(`path ${d.reproduce.path}`);
  const lines = [
    `[${d.severity}] ${d.kind} at ${d.path === '' ? '(whole body)' : d.path}: ${d.message}`,
    `  expected:  ${JSON.stringify(d.expected) ?? '(absent)'}`,
    `  actual:    ${JSON.stringify(d.actual) ?? '(absent)'}`,
  ];
  if (d.occurrences !== undefined && d.occurrences > 1) lines.push(`  occurrences: ${d.occurrences}`);
  lines.push(`  request:   ${JSON.stringify(d.request)}`, `  reproduce: ${replay.join(' · ')}`);
  return lines.join('\n');
}

/** The builder escapes only the first `]]>` of a CDATA section; break every one so none can end it early. */
function cdataSafe(text: string): string {
  return text.replace(/]]>/g, ']] >');
}
