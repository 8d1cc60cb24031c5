import type { Builder, TestSuite } from 'junit-report-builder';
import {
  type BehaviourVerdict,
  identityText,
  isBlocking,
  isUnreviewed,
  type LocatedDeviation,
  type Report,
} from '../deviations/index.ts';
import { acceptedEntryFor, type BaselineResult } from './baseline.ts';
import { behaviourCounts, ruleDeviations } from './behaviour-verdicts.ts';
import { acceptanceText } from './gate-outcome.ts';
import { cdataSafe, deviationText, worstSeverity } from './junit-text.ts';

/** The name of the behaviour rules' test suite, and the class name of its test cases. */
export const BEHAVIOUR_SUITE = 'behaviour';

/**
 * The report's behaviour verdicts as JUnit: one `<testsuite>` named `behaviour`, with the counts as properties
 * (`rules`, `holds`, `broken`, `notJudged`) and one `<testcase>` per rule (name: the rule), in the report's order:
 * - failed when deviations of severity `error` or `warning` that carry the rule are new (not accepted by the
 *   baseline; without one, every such deviation is new): the message says where (their operations), the runs that
 *   failed and each deviation's identity, and the stack trace gives each with its reproduction;
 * - each accepted deviation is a skipped test case of its own (name: its identity) with the baseline entry's
 *   reason, as in the operation suites; a rule broken only by accepted deviations passes, so the file stays red
 *   exactly when the gate fails;
 * - skipped, with the reason, when no run judged the rule; passed when it holds.
 * Nothing when the report has no `behaviour`.
 */
export function addBehaviourSuite(builder: Builder, report: Report, baseline?: BaselineResult): void {
  const verdicts = report.behaviour;
  if (verdicts === undefined) return;
  const counts = behaviourCounts(verdicts);
  const suite = builder
    .testSuite()
    .name(BEHAVIOUR_SUITE)
    .timestamp(report.run.startedAt)
    .property('target', report.target.name)
    .property('rules', String(verdicts.length))
    .property('holds', String(counts.holds))
    .property('broken', String(counts.broken))
    .property('notJudged', String(counts.notJudged));
  const carrying = ruleDeviations(report.operations);
  for (const verdict of verdicts) addRule(suite, verdict, carrying.get(verdict.rule) ?? [], baseline);
}

function addRule(
  suite: TestSuite,
  verdict: BehaviourVerdict,
  located: readonly LocatedDeviation[],
  baseline: BaselineResult | undefined,
): void {
  const entryOf = (one: LocatedDeviation) =>
    baseline === undefined ? undefined : acceptedEntryFor(baseline, one.operation, one.deviation);
  const accepted = located.filter((one) => entryOf(one) !== undefined);
  const open = located.filter((one) => entryOf(one) === undefined && isBlocking(one.deviation));
  const testCase = suite
    .testCase()
    .className(BEHAVIOUR_SUITE)
    .name(verdict.rule)
    .property('area', verdict.area)
    .property('operations', verdict.operations.join(', '))
    .property('source', verdict.source.join(', '));
  const runs = `${verdict.failed} of ${verdict.runs} runs failed`;
  if (open.length > 0) {
    const where = [...new Set(open.map((one) => one.operation))].sort().join(', ');
    const identities = open.map((one) => identityText({ operation: one.operation, ...one.deviation }));
    testCase.failure(
      `broken at ${where} (${runs}): ${identities.join('; ')}`,
      worstSeverity(open.map((one) => one.deviation)),
    );
    testCase.stacktrace(cdataSafe(open.map((one) => deviationText(one.deviation)).join('\n\n')));
  } else if (verdict.verdict === 'broken' && accepted.length === 0) {
    // The verdict names deviations this report no longer holds (a hand-edited or partial report): still broken.
    testCase.failure(`broken at ${verdict.brokenAt.join(', ')} (${runs})`, 'error');
  } else if (verdict.verdict === 'not-judged') {
    testCase.skipped().property('reason', `not judged: ${verdict.reason ?? 'no run reached it'}`);
  } else {
    testCase.standardOutput(
      verdict.verdict === 'broken'
        ? `broken at ${verdict.brokenAt.join(', ')} (${runs}); every deviation that breaks it is accepted by the baseline`
        : `holds (${runs})`,
    );
  }
  for (const one of accepted) {
    const entry = entryOf(one);
    if (entry === undefined) continue;
    const reason = acceptanceText(entry, isUnreviewed(entry));
    suite
      .testCase()
      .className(BEHAVIOUR_SUITE)
      .name(identityText({ operation: one.operation, ...one.deviation }))
      .property('reason', reason)
      .skipped()
      .standardOutput(cdataSafe(`${reason}\n\n${deviationText(one.deviation)}`));
  }
}
