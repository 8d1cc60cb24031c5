import { redactString, type Report } from '../deviations/index.ts';
import { behaviourCounts } from './behaviour-verdicts.ts';
import { countSeverities, rulesText } from './severity-counts.ts';

/**
 * The report as a plain-text table for the terminal (no colour, no Markdown): one line per operation with its
 * verdict, the request schema's rules exercised out of those in the spec, check runs, failures and deviations
 * by severity, then the summary, the behaviour rules' counts (`behaviour: N rules hold, M broken, K not judged`,
 * when the `behaviour` check ran) and the run's warnings, one line each. Columns are padded to the widest cell,
 * numbers right-aligned.
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
    `${target.name} (${target.kind}${version}) · SDK ${sdk.version} · profile ${run.profile} · seed ${run.seed}` +
      (run.shard === undefined ? '' : ` · ${shardNote(run.shard)}`),
  );
  const footer =
    `${summary.operations} operations: ${summary.conformant} conformant, ${summary.deviating} deviating, ` +
    `${summary.unsupported} unsupported, ${summary.inconclusive} inconclusive; ${summary.deviations} deviations`;
  const behaviour = report.behaviour === undefined ? [] : [behaviourLine(report)];
  const warnings = (report.warnings ?? []).map((warning) => oneLine(`warning: ${warning}`));
  const notRun = notRunLines(report).map(oneLine);
  // Printed as it is: redacted here, where it leaves the process.
  return redactString(
    [
      title,
      '',
      format(header),
      rule,
      ...rows.map(format),
      rule,
      footer,
      ...behaviour,
      ...notRun,
      ...warnings,
    ].join('\n') + '\n',
  );
}

/** `behaviour: 12 rules hold, 2 broken, 17 not judged`: the behaviour verdicts in one line. */
function behaviourLine(report: Report): string {
  const counts = behaviourCounts(report.behaviour ?? []);
  const hold = `${counts.holds} ${counts.holds === 1 ? 'rule holds' : 'rules hold'}`;
  return `behaviour: ${hold}, ${counts.broken} broken, ${counts.notJudged} not judged`;
}

/**
 * What a shard's table is: each operation shows only the tests this shard ran (a cross-cutting suite in it may
 * judge an operation whose own suite another shard runs), so its verdicts are partial until the shards merge.
 */
export function shardNote(shard: string): string {
  return `shard ${shard}: each operation shows only this shard's tests; merge the shards for its verdict`;
}

/**
 * The operations a run did not judge, one line per reason: `not run here (run by another shard (this is shard
 * 1/2)): A, B`. Empty when the run judged every operation. Shared by the console and Markdown tables.
 */
export function notRunLines(report: Report): string[] {
  const byReason = new Map<string, string[]>();
  for (const { operation, reason } of report.run.notRun ?? [])
    byReason.set(reason, [...(byReason.get(reason) ?? []), operation]);
  return [...byReason].map(([reason, operations]) => `not run here (${reason}): ${operations.join(', ')}`);
}

/** Report strings are data from a target: a line break or control character must not break a table or a line. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}
