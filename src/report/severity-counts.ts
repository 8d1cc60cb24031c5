import { type ReportDeviation, type RuleCoverage, SEVERITIES, type Severity } from '../deviations/index.ts';

/** How many deviations of each severity: the "deviations by severity" column of every table. */
export type SeverityTally = Readonly<Record<Severity, number>>;

export function countSeverities(deviations: readonly Pick<ReportDeviation, 'severity'>[]): SeverityTally {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const deviation of deviations) counts[deviation.severity] += 1;
  return counts;
}

/** `2 error · 1 warning`, zero counts left out; `''` when there are none. */
export function severityText(tally: SeverityTally): string {
  return SEVERITIES.filter((severity) => tally[severity] > 0)
    .map((severity) => `${tally[severity]} ${severity}`)
    .join(' · ');
}

/**
 * The rule coverage column: `exercised/rules` of the operation's request schema (`151/151`), or `–` when the
 * coverage phase did not run for it (a run of other checks only, a report from an older version).
 */
export function rulesText(coverage: RuleCoverage | undefined): string {
  return coverage === undefined ? '–' : `${coverage.exercised}/${coverage.rules}`;
}
