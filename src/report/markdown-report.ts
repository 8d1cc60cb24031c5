import { baselineEntries, type BaselineEntry, type BaselineResult, writeBaseline } from './baseline.ts';
import { changesSupport } from './changes-answer.ts';
import { code, codeBlock, escapeInline, jsonText, pointerText, table } from './markdown-text.ts';
import type { ChangeVerdict, OperationReport, Report, ReportDeviation } from '../deviations/index.ts';
import { countSeverities, rulesText, severityText } from './severity-counts.ts';

export interface MarkdownReportOptions {
  /** The release whose changes the `changes` section judges. */
  readonly changesRelease?: string;
  /** When the run was gated by a baseline: adds its outcome, and the paste-ready entries cover new deviations only. */
  readonly baseline?: BaselineResult;
}

/** The release the API document announces changes for. */
export const DEFAULT_CHANGES_RELEASE = '2018-02-12';

/**
 * The report as Markdown, for people: `report.md`, PR comments and the GitHub step summary. Sections: title,
 * per-operation table, the release's changes (when checked), the baseline outcome (when given), every
 * deviation with its minimal request and reproduction, and baseline entries ready to paste.
 */
export function reportToMarkdown(report: Report, options: MarkdownReportOptions = {}): string {
  const sections = [
    titleSection(report),
    operationsSection(report.operations),
    report.changes === undefined
      ? ''
      : changesSection(report.changes, options.changesRelease ?? DEFAULT_CHANGES_RELEASE),
    options.baseline === undefined ? '' : baselineOutcomeSection(options.baseline),
    deviationsSection(report.operations),
    baselineSnippetSection(report, options.baseline),
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

function titleSection(report: Report): string {
  const { target, sdk, run, summary } = report;
  const version = target.version ?? target.image;
  const title = `# Conformance of ${escapeInline(target.name)}${version === undefined ? '' : ` ${escapeInline(version)}`} · SDK ${escapeInline(sdk.version)} · profile ${escapeInline(run.profile)} · seed ${run.seed}`;
  const details = [
    `Target ${code(target.name)} (${target.kind}) at ${code(target.endpoint)}`,
    `started ${escapeInline(run.startedAt)}, ${(run.durationMs / 1000).toFixed(1)} s`,
    `${report.tool.name} ${escapeInline(report.tool.version)}`,
  ].join(' · ');
  const tally =
    `**${summary.operations} operations:** ${summary.conformant} conformant, ${summary.deviating} deviating, ` +
    `${summary.unsupported} unsupported, ${summary.inconclusive} inconclusive — ${summary.deviations} deviations.`;
  return [title, details, tally].join('\n\n');
}

function operationsSection(operations: readonly OperationReport[]): string {
  if (operations.length === 0) return '## Operations\n\nNo operation was run.';
  const rows = operations.map((op) => {
    const runs = op.checks.reduce((sum, c) => sum + c.runs, 0);
    const failed = op.checks.reduce((sum, c) => sum + c.failed, 0);
    return [
      op.operation,
      op.verdict,
      rulesText(op.coverage),
      String(runs),
      String(failed),
      severityText(countSeverities(op.deviations)),
    ];
  });
  const header = ['Operation', 'Verdict', 'Rules exercised', 'Checks run', 'Failed', 'Deviations'];
  const note =
    'Rules exercised: the breakable rules of the request schema (required members, JSON types, enums, bounds, ' +
    'lengths, item counts, patterns) that the coverage phase broke once each and saw judged, out of those in the spec.';
  return `## Operations\n\n${table(header, rows, ['l', 'l', 'r', 'r', 'r', 'l'])}\n\n${note}`;
}

function changesSection(changes: readonly ChangeVerdict[], release: string): string {
  const support = changesSupport(changes);
  const answer =
    `Does this target support the ${release} changes? **${support.answer}** — ${support.supported} of ${changes.length - support.withdrawn} ` +
    `supported, ${support.unsupported} not, ${support.undetermined} undetermined` +
    (support.withdrawn > 0 ? `; ${support.withdrawn} withdrawn by the current reference.` : '.');
  const rows = changes.map((c) => [
    c.operation,
    c.direction,
    c.path === '' ? '' : code(c.path),
    c.value === undefined ? '' : code(c.value),
    c.withdrawn !== undefined ? 'withdrawn' : c.supported === null ? 'unknown' : c.supported ? 'yes' : 'no',
    c.evidence,
  ]);
  const header = ['Operation', 'Direction', 'Path', 'Value', 'Supported', 'Evidence'];
  return `## ${release} changes\n\n${answer}${rows.length === 0 ? '' : `\n\n${table(header, rows)}`}`;
}

function baselineOutcomeSection(result: BaselineResult): string {
  const lines = [
    `${result.newDeviations.length} new, ${result.accepted.length} accepted by the baseline, ` +
      `${result.expired.length} expired entries, ${result.fixed.length} entries no longer needed.`,
  ];
  if (result.expired.length > 0)
    lines.push(`**Expired** (they no longer accept anything):\n\n${entryList(result.expired)}`);
  if (result.fixed.length > 0)
    lines.push(`**Fixed** (remove from the baseline):\n\n${entryList(result.fixed)}`);
  return `## Baseline\n\n${lines.join('\n\n')}`;
}

function entryList(entries: readonly BaselineEntry[]): string {
  return entries
    .map((e) => {
      const expiry = e.expires === undefined ? '' : ` (expires ${e.expires})`;
      return `- ${escapeInline(e.operation)} ${code(e.check)} ${e.kind} at ${code(pointerText(e.path))}${expiry}: ${escapeInline(e.reason)}`;
    })
    .join('\n');
}

function deviationsSection(operations: readonly OperationReport[]): string {
  const deviating = operations.filter((op) => op.deviations.length > 0);
  if (deviating.length === 0) return '';
  const parts = deviating.map(
    (op) =>
      `### ${escapeInline(op.operation)}\n\n${op.deviations.map((d, i) => deviationText(d, i + 1)).join('\n\n')}`,
  );
  return `## Deviations\n\n${parts.join('\n\n')}`;
}

function deviationText(d: ReportDeviation, index: number): string {
  const lines = [
    `#### ${index}. ${code(d.check)} · ${d.kind} · ${d.severity}`,
    '',
    `- **Path:** ${code(pointerText(d.path))}`,
    `- **Expected:** ${valueText(d.expected)}`,
    `- **Actual:** ${valueText(d.actual)}`,
    `- **Message:** ${escapeInline(d.message)}`,
  ];
  if (d.occurrences !== undefined && d.occurrences > 1) lines.push(`- **Occurrences:** ${d.occurrences}`);
  lines.push(`- **Reproduce:** ${code(d.reproduce.command)}${reproductionDetail(d)}`);
  const shrink = d.reproduce.shrink;
  const label = shrink?.budgetReached
    ? `Smallest request found (shrinking stopped at the profile's budget, after ${shrink.requests} requests; it may not be minimal):`
    : 'Minimal request:';
  lines.push('', label, '', codeBlock(JSON.stringify(d.request, null, 2), 'json'));
  return lines.join('\n');
}

function reproductionDetail(d: ReportDeviation): string {
  const parts: string[] = [];
  if (d.reproduce.seed !== undefined) parts.push(`seed ${d.reproduce.seed}`);
  if (d.reproduce.path !== undefined) parts.push(`path ${code(d.reproduce.path)}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** Short values inline; long or structured ones get an indented block under the list item. */
function valueText(value: unknown): string {
  const compact = jsonText(value);
  if (compact.length <= 80) return code(compact);
  const block = codeBlock(JSON.stringify(value, null, 2), 'json');
  return `\n\n${block.replace(/^/gm, '  ')}\n`;
}

function baselineSnippetSection(report: Report, result: BaselineResult | undefined): string {
  const candidates =
    result === undefined
      ? writeBaseline(report).entries
      : baselineEntries(report.target.name, result.newDeviations);
  if (candidates.length === 0) return '';
  const intro =
    `To accept ${result === undefined ? 'these' : 'the new'} deviations for ${code(report.target.name)}, ` +
    `review each entry (replace the reason, consider an \`expires\` date) and paste into the baseline's \`entries\`:`;
  return `## Baseline entries\n\n${intro}\n\n${codeBlock(JSON.stringify(candidates, null, 2), 'json')}`;
}
