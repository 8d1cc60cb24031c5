import { redactString, type Report } from '../deviations/index.ts';
import { countSeverities, rulesText } from './severity-counts.ts';

/**
 * The report as a plain-text table for the terminal (no colour, no Markdown): one line per operation with its
 * verdict, the request schema's rules exercised out of those in the spec, check runs, failures and deviations
 * by severity, then the summary. Columns are padded to the widest
 * cell, numbers right-aligned.
 */
export function consoleTable(report: Report): string {
  const header = ['Operation', 'Verdict', 'Rules', 'Runs', 'Failed', 'Error', 'Warning', 'Info'];
  const rows = report.operations.map((op) => {
    const counts = countSeverities(op.deviations);
    const runs = op.checks.reduce((sum, c) => sum + c.runs, 0);
    const failed = op.checks.reduce((sum, c) => sum + c.failed, 0);
    return [
      oneLine(op.operation),
      op.verdict,
      rulesText(op.coverage),
      runs,
      failed,
      counts.error,
      counts.warning,
      counts.info,
    ].map(String);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const { target, sdk, run, summary } = report;
  const version = target.version === undefined ? '' : ` ${target.version}`;
  const title = oneLine(
    `${target.name} (${target.kind}${version}) · SDK ${sdk.version} · profile ${run.profile} · seed ${run.seed}`,
  );
  const footer =
    `${summary.operations} operations: ${summary.conformant} conformant, ${summary.deviating} deviating, ` +
    `${summary.unsupported} unsupported, ${summary.inconclusive} inconclusive; ${summary.deviations} deviations`;
  // Printed as it is: redacted here, where it leaves the process.
  return redactString([title, '', format(header), rule, ...rows.map(format), rule, footer].join('\n') + '\n');
}

/** Report strings are data from a target: a line break or control character must not break the table. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}
