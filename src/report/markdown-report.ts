import { acceptedEntryFor, baselineEntries, type BaselineResult, writeBaseline } from './baseline.ts';
import { deviationLine, deviationNumbers, entryLine } from './gate-outcome.ts';
import { changesSupport } from './changes-answer.ts';
import { behaviourSection } from './markdown-behaviour.ts';
import { coverageSection } from './markdown-coverage.ts';
import { driftSection } from './markdown-drift.ts';
import { reportTokensParagraph } from './markdown-tokens.ts';
import { code, codeBlock, escapeInline, jsonText, pointerText, table } from './markdown-text.ts';
import {
  type BaselineEntry,
  type ChangeVerdict,
  isBlocking,
  isUnreviewed,
  type LocatedDeviation,
  locateDeviations,
  type OperationReport,
  type Report,
  type ReportDeviation,
} from '../deviations/index.ts';
import { notRunLines, shardNote } from './console-table.ts';
import { countSeverities, rulesText, severityText } from './severity-counts.ts';

export interface MarkdownReportOptions {
  /** The release whose changes the `changes` section judges. */
  readonly changesRelease?: string;
  /**
   * When the run was gated by a baseline: the report opens with what is new since it, each deviation is marked
   * new or accepted (with the entry's reason), and the paste-ready entries cover new deviations only.
   */
  readonly baseline?: BaselineResult;
  /**
   * The short form, for the GitHub step summary (capped at 1 MiB per step): the title, the gate's outcome with
   * each new deviation on one line, and the tables; not every deviation, nor the minimal requests,
   * reproductions and paste-ready entries, which `report.md` holds.
   */
  readonly summary?: boolean;
  /** Where the full report lives, named in the short form (e.g. `reports/report.md`). */
  readonly reportPath?: string;
}

/** The release the API document announces changes for. */
export const DEFAULT_CHANGES_RELEASE = '2018-02-12';

/**
 * The report as Markdown, for people: `report.md`, PR comments and the GitHub step summary. Sections: title,
 * what is new since the baseline (when gated), the per-operation table (then why each unsupported or
 * inconclusive operation could not be judged), the coverage of the current model by resource group (when the
 * report has it), the run's warnings, the release's changes (when checked), the behaviour rules' verdicts (when the
 * `behaviour` check ran), the specs and their drift from the current model (when the report has it; not in the
 * short form),
 * every deviation on one line per operation (with the errors the operation may answer with given once; a behaviour
 * deviation's check is followed by its rule in brackets), then
 * each deviation's minimal request and reproduction, baseline entries ready to paste, and the header names the SDK
 * sent per operation.
 */
export function reportToMarkdown(report: Report, options: MarkdownReportOptions = {}): string {
  const numbers = deviationNumbers(report);
  const full = options.summary !== true;
  const sections = [
    titleSection(report),
    options.baseline === undefined ? '' : gateSection(options.baseline, numbers, full),
    operationsSection(report.operations),
    notJudgedSection(report.operations),
    notRunLines(report)
      .map((line) => escapeInline(line))
      .join('\n\n'),
    coverageSection(report.coverage),
    warningsSection(report.warnings ?? []),
    report.changes === undefined
      ? ''
      : changesSection(report.changes, options.changesRelease ?? DEFAULT_CHANGES_RELEASE),
    behaviourSection(report.target.name, report.behaviour),
    full ? driftSection(report.spec.drift) : '',
    full ? reportTokensParagraph(report) : '',
    full ? deviationsSection(report, numbers, options.baseline) : '',
    full ? reproductionsSection(report, numbers) : '',
    full ? baselineSnippetSection(report, options.baseline) : '',
    full ? sdkSentSection(report) : '',
    full || options.reportPath === undefined
      ? ''
      : `The minimal requests and reproductions of every deviation are in ${code(options.reportPath)}.`,
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
  if (run.shard !== undefined)
    return [title, details, tally, escapeInline(shardNote(run.shard))].join('\n\n');
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

/**
 * The reason of every operation the run could not judge (`unsupported`, `inconclusive`), or not judge in part (a
 * deviating one whose positive path needs what the suite cannot make), under the table.
 */
function notJudgedSection(operations: readonly OperationReport[]): string {
  const lines = operations
    .filter((op) => op.reason !== undefined)
    .map((op) => `- ${escapeInline(op.operation)} (${op.verdict}): ${escapeInline(op.reason ?? '')}`);
  return lines.length === 0 ? '' : `**Not judged:**\n\n${lines.join('\n')}`;
}

/** What the run could not do that no verdict shows (a clean-up sweep that failed). */
function warningsSection(warnings: readonly string[]): string {
  if (warnings.length === 0) return '';
  return `## Warnings\n\n${warnings.map((warning) => `- ${escapeInline(warning)}`).join('\n')}`;
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

/** The gate's outcome, first thing after the title: what is new since the baseline, then the entries' state. */
function gateSection(
  result: BaselineResult,
  numbers: (located: LocatedDeviation) => number | undefined,
  links: boolean,
): string {
  const fresh = result.newDeviations;
  const lines = [
    fresh.length === 0
      ? '**The gate passes:** no deviation is new since the baseline.'
      : `**The gate fails:** ${fresh.length} deviation${fresh.length === 1 ? ' is' : 's are'} new since the baseline.`,
  ];
  if (fresh.length > 0)
    lines.push(
      fresh
        .map((located) => {
          const number = numbers(located) ?? 0;
          // Links only where the page holds the details (report.md), not in the step summary.
          const label = links ? `[#${number}](#deviation-${number})` : `#${number}`;
          return `- ${label} ${escapeInline(deviationLine(located, undefined))}`;
        })
        .join('\n'),
    );
  lines.push(
    `${fresh.length} new, ${result.accepted.length} accepted by the baseline, ${result.unreviewed.length} unreviewed entries, ` +
      `${result.expired.length} expired entries, ` +
      (result.fixedJudged
        ? `${result.fixed.length} entries no longer needed.`
        : 'entries no longer needed not judged (a shard: judge the merged report).'),
  );
  // The step summary (no links) is capped per step: it names the first few of each list; report.md has them all.
  const cut = links ? Number.POSITIVE_INFINITY : SUMMARY_ENTRIES;
  if (result.unreviewed.length > 0)
    lines.push(`**Unreviewed** (their reason was never filled in):\n\n${entryList(result.unreviewed, cut)}`);
  if (result.expired.length > 0)
    lines.push(`**Expired** (they no longer accept anything):\n\n${entryList(result.expired, cut)}`);
  if (result.fixed.length > 0)
    lines.push(`**Fixed** (remove from the baseline):\n\n${entryList(result.fixed, cut)}`);
  return `## New since the baseline\n\n${lines.join('\n\n')}`;
}

/** How many entries of each list the short form (the step summary) names. */
const SUMMARY_ENTRIES = 10;

function entryList(entries: readonly BaselineEntry[], cut = Number.POSITIVE_INFINITY): string {
  const lines = entries
    .slice(0, cut)
    .map((e) => `- ${escapeInline(entryLine(e))}: ${escapeInline(e.reason)}`);
  if (entries.length > cut) lines.push(`- … and ${entries.length - cut} more (all of them in report.md)`);
  return lines.join('\n');
}

/**
 * One line per deviation, per operation. A list of allowed error types (what an invalid request may be answered
 * with) is given once per operation and referred to by name, instead of being repeated in every line.
 */
function deviationsSection(
  report: Report,
  numbers: (located: LocatedDeviation) => number | undefined,
  baseline: BaselineResult | undefined,
): string {
  const deviating = report.operations.filter((op) => op.deviations.length > 0);
  if (deviating.length === 0) return '';
  const parts = deviating.map((op) => {
    const lists = new Map<string, string>();
    const shown = (value: unknown): string => {
      if (!isErrorList(value)) return short(value);
      const key = JSON.stringify(value);
      if (!lists.has(key)) lists.set(key, `errors ${lists.size + 1}`);
      return `one of ${lists.get(key) ?? ''}`;
    };
    const rows = op.deviations.map((d) => {
      const row = [
        `#${numbers({ operation: op.operation, deviation: d }) ?? '?'}`,
        d.rule === undefined ? d.check : `${d.check} ${escapeInline(`[${d.rule.name}]`)}`,
        d.kind,
        d.severity,
        code(pointerText(d.path)),
        shown(d.expected),
        shown(d.actual),
      ];
      if (baseline !== undefined) row.push(gateMark(baseline, op.operation, d));
      return row;
    });
    const header = ['#', 'Check', 'Kind', 'Severity', 'Path', 'Expected', 'Actual'];
    if (baseline !== undefined) header.push('Gate');
    const legend = [...lists].map(
      ([key, name]) => `${name}: ${(JSON.parse(key) as string[]).map((type) => code(type)).join(', ')}`,
    );
    return [
      `### ${escapeInline(op.operation)}`,
      table(header, rows),
      ...(legend.length === 0
        ? []
        : [`Allowed error types of ${escapeInline(op.operation)}: ${legend.join('; ')}.`]),
    ].join('\n\n');
  });
  return `## Deviations\n\n${parts.join('\n\n')}`;
}

function gateMark(result: BaselineResult, operation: string, deviation: ReportDeviation): string {
  const entry = acceptedEntryFor(result, operation, deviation);
  if (entry !== undefined)
    return isUnreviewed(entry) ? 'accepted (unreviewed)' : `accepted: ${escapeInline(entry.reason)}`;
  return isBlocking(deviation) ? '**new**' : 'note';
}

/** A list of error type names (`…Exception`, `…Error`): what a deviation's `expected` holds for a wrong answer. */
function isErrorList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 1 &&
    value.every((item) => typeof item === 'string' && /^[A-Za-z.#]+(Exception|Error|Fault)$/.test(item))
  );
}

/** A value on one table line: compact JSON, cut at 60 characters. */
function short(value: unknown): string {
  const text = jsonText(value);
  return code(text.length <= 60 ? text : `${text.slice(0, 57)}...`);
}

/** Each deviation's full detail, by number: the message, the minimal request and the reproduction. */
function reproductionsSection(
  report: Report,
  numbers: (located: LocatedDeviation) => number | undefined,
): string {
  const located = locateDeviations(report);
  if (located.length === 0) return '';
  return `## Minimal requests and reproductions\n\n${located
    .map((one) => reproductionText(one.operation, one.deviation, numbers(one)))
    .join('\n\n')}`;
}

/** One deviation's detail, folded (`<details>`) so the page stays one line per deviation until opened. */
function reproductionText(operation: string, d: ReportDeviation, number: number | undefined): string {
  const rule = d.rule === undefined ? '' : ` · [${d.rule.name}]`;
  const summary = `#${number ?? '?'} ${operation} · ${d.check} · ${d.kind} · ${pointerText(d.path)}${rule}`;
  const lines = [
    `<details id="deviation-${number ?? 0}"><summary>${htmlText(summary)}</summary>`,
    '',
    `${escapeInline(d.message)}${d.occurrences !== undefined && d.occurrences > 1 ? ` (${d.occurrences} occurrences)` : ''}`,
  ];
  const shrink = d.reproduce.shrink;
  const label = shrink?.budgetReached
    ? `Smallest request found (shrinking stopped at the profile's budget, after ${shrink.requests} requests; it may not be minimal):`
    : 'Minimal request:';
  const request = JSON.stringify(d.request);
  lines.push('', label, '', ...shown(request, 'json', 'the request'));
  lines.push(
    '',
    `Reproduce${reproductionDetail(d)}:`,
    '',
    ...shown(d.reproduce.command, 'sh', 'the script'),
    '',
    '</details>',
  );
  return lines.join('\n');
}

/** Text longer than this (characters) is left to report.json, so one deviation cannot make the page unreadable. */
const MAX_SHOWN = 8_000;

/**
 * A code block of `text`, or, when it is longer than {@link MAX_SHOWN} (a request holding a value of the largest
 * length a member allows, 131,072 characters), a line that says where it is whole: report.json, under the deviation.
 */
function shown(text: string, language: string, what: string): string[] {
  if (text.length <= MAX_SHOWN) return [codeBlock(text, language)];
  return [
    `(${what} is ${text.length.toLocaleString('en-US')} characters long: it is whole in report.json, under this deviation)`,
  ];
}

/** Text inside an HTML element, where Markdown is not rendered: only `&`, `<` and `>` need escaping. */
function htmlText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function reproductionDetail(d: ReportDeviation): string {
  const parts: string[] = [];
  if (d.reproduce.seed !== undefined) parts.push(`seed ${d.reproduce.seed}`);
  if (d.reproduce.path !== undefined) parts.push(`path ${code(d.reproduce.path)}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** The request header names the SDK sent, per operation, and how many members it serialised (see `SdkSent`). */
function sdkSentSection(report: Report): string {
  const rows = report.operations
    .filter((op) => op.sdkSent !== undefined)
    .map((op) => [
      escapeInline(op.operation),
      (op.sdkSent?.headers ?? []).map((name) => code(name)).join(' '),
      String(op.sdkSent?.members.length ?? 0),
    ]);
  if (rows.length === 0) return '';
  return (
    `## What the SDK sent (SDK ${escapeInline(report.sdk.version)})\n\n` +
    `Request header names, and how many distinct request members it serialised (listed in report.json, ` +
    `\`sdkSent\`). \`cognito-conformance diff\` shows what another SDK sends differently.\n\n` +
    table(['Operation', 'Headers', 'Members'], rows, ['l', 'l', 'r'])
  );
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
