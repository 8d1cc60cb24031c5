import type { Builder } from 'junit-report-builder';
import type { GroupCoverage, Report } from '../deviations/index.ts';
import { cdataSafe } from './junit-text.ts';

/** The name of a resource group's coverage test suite, and the class name of its test cases. */
export function coverageSuiteName(group: string): string {
  return `coverage: ${group}`;
}

/**
 * The report's coverage of the current model as JUnit: one `<testsuite>` per resource group, named
 * `coverage: <group>`, with one `<testcase>` per operation of the model in the group and the group's counts as
 * properties (`operations`, `implemented`, `conformant`, `deviating`, `unsupported`, `inconclusive`,
 * `notRun`). An implemented operation passes; an unsupported one, and one the run did not judge, is skipped
 * with why. Nothing here fails: an unsupported operation already fails in its own test suite (unless the
 * baseline accepts it), so the file stays red exactly when the gate fails.
 *
 * Test suites rather than properties, because CI test views (GitLab's test report, Jenkins' JUnit plugin, Azure
 * Pipelines, the GitHub Actions JUnit reporters) list suites with their passed and skipped cases, and skipped
 * cases with their output, while most ignore `<properties>`: a group reads there as "pools: 5 passed, 2
 * skipped". The properties stay for tools that read them.
 */
export function addCoverageSuites(builder: Builder, report: Report): void {
  for (const entry of report.coverage?.groups ?? []) addGroup(builder, report, entry);
}

function addGroup(builder: Builder, report: Report, entry: GroupCoverage): void {
  const name = coverageSuiteName(entry.group);
  const suite = builder.testSuite().name(name).timestamp(report.run.startedAt);
  const counts = [
    ['operations', entry.operations],
    ['implemented', entry.implemented],
    ['conformant', entry.conformant],
    ['deviating', entry.deviating],
    ['unsupported', entry.unsupported],
    ['inconclusive', entry.inconclusive],
    ['notRun', entry.notRun],
  ] as const;
  for (const [key, value] of counts) suite.property(key, String(value));
  for (const operation of entry.operationNames) {
    const testCase = suite.testCase().className(name).name(operation);
    const op = report.operations.find((candidate) => candidate.operation === operation);
    if (op !== undefined && op.verdict !== 'unsupported') {
      testCase.standardOutput(`implemented: ${op.verdict} (its checks are in test suite ${operation})`);
      continue;
    }
    const reason =
      op !== undefined
        ? `unsupported by ${report.target.name}: ${op.reason ?? 'the target does not implement it'}`
        : `not run: ${notRunReason(report, operation)}`;
    testCase.property('reason', reason).skipped().standardOutput(cdataSafe(reason));
  }
}

/** Why the run has no verdict for a model operation: `run.notRun`'s reason, or the suite has no spec for it. */
function notRunReason(report: Report, operation: string): string {
  return (
    report.run.notRun?.find((entry) => entry.operation === operation)?.reason ??
    'the suite has no spec for it yet (specs/operations/)'
  );
}
