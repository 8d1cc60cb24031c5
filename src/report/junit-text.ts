import type { ReportDeviation } from '../deviations/index.ts';

/** The builder escapes only the first `]]>` of a CDATA section; break every one so none can end it early. */
export function cdataSafe(text: string): string {
  return text.replace(/]]>/g, ']] >');
}

/** `error` when any of `deviations` is an error, else `warning`: a JUnit failure's type. */
export function worstSeverity(deviations: readonly Pick<ReportDeviation, 'severity'>[]): string {
  return deviations.some((d) => d.severity === 'error') ? 'error' : 'warning';
}

/**
 * One deviation as plain text: what, where (and, for a behaviour deviation, the rule it breaks in brackets), expected
 * vs actual, the minimal request and how to replay it.
 */
export function deviationText(d: ReportDeviation): string {
  const replay = [d.reproduce.command];
  if (d.reproduce.seed !== undefined) replay.push(`seed ${d.reproduce.seed}`);
  if (d.reproduce.path !== undefined) replay.push(`path ${d.reproduce.path}`);
  const rule = d.rule === undefined ? '' : ` [${d.rule.name}]`;
  const lines = [
    `[${d.severity}] ${d.kind} at ${d.path === '' ? '(whole body)' : d.path}${rule}: ${d.message}`,
    `  expected:  ${JSON.stringify(d.expected) ?? '(absent)'}`,
    `  actual:    ${JSON.stringify(d.actual) ?? '(absent)'}`,
  ];
  if (d.occurrences !== undefined && d.occurrences > 1) lines.push(`  occurrences: ${d.occurrences}`);
  lines.push(`  request:   ${JSON.stringify(d.request)}`, `  reproduce: ${replay.join(' · ')}`);
  return lines.join('\n');
}
