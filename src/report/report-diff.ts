import {
  identityOf,
  locateDeviations,
  observationFingerprint,
  type LocatedDeviation,
  normaliseDeviation,
  type Report,
  type ReportDeviation,
  type SdkSent,
  type Verdict,
} from '../deviations/index.ts';
import { code, escapeInline, jsonText, pointerText, table } from './markdown-text.ts';

/**
 * What changed between two reports of the same suite — typically before and after an SDK upgrade, or two
 * emulator versions. Deviations are matched by identity (operation + check + kind + path, and a behaviour
 * deviation's rule); a matched pair whose
 * observation (severity, expected, actual, message) differs after normalising volatile values is `changed`.
 */
export interface ReportDiff {
  readonly base: DiffSide;
  readonly head: DiffSide;
  /** Operations with any difference, sorted by name. */
  readonly operations: readonly OperationDiff[];
}

export interface DiffSide {
  readonly target: string;
  readonly sdk: string;
  readonly startedAt: string;
}

export type ObservedField = 'severity' | 'expected' | 'actual' | 'message';

export interface ChangedDeviation {
  readonly before: ReportDeviation;
  readonly after: ReportDeviation;
  readonly fields: readonly ObservedField[];
}

export interface OperationDiff {
  readonly operation: string;
  /** `null` on a side that does not have the operation. */
  readonly verdict: { readonly base: Verdict | null; readonly head: Verdict | null };
  readonly new: readonly ReportDeviation[];
  readonly fixed: readonly ReportDeviation[];
  readonly changed: readonly ChangedDeviation[];
  /**
   * What the SDK sends differently (header names, serialised members; see `SdkSent`), when both sides recorded it
   * and it differs: an SDK upgrade that adds a header or a member shows here.
   */
  readonly sdkSent?: SdkSentDiff;
}

/** Header names and member pointers one side's SDK sent and the other's did not, each sorted. */
export interface SdkSentDiff {
  readonly headers: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly members: { readonly added: readonly string[]; readonly removed: readonly string[] };
}

/**
 * Compares two reports of the same target (before and after an SDK or emulator change), per operation: new,
 * fixed and changed deviations, matched by identity (`deviationIdentity`); a pair under one identity whose
 * observation differs is `changed`, where each side's own endpoint (a port that only the run chose) is left out
 * of the observation. Never throws; operations on one side only have `null` verdicts on the other.
 */
export function diffReports(before: Report, after: Report): ReportDiff {
  const [base, head] = [withoutEndpoint(before), withoutEndpoint(after)];
  const names = [...new Set([...base.operations, ...head.operations].map((op) => op.operation))].sort();
  const baseGroups = groupByIdentity(locateDeviations(base));
  const headGroups = groupByIdentity(locateDeviations(head));
  const operations = names
    .map((name) => diffOperation(name, base, head, baseGroups, headGroups))
    .filter(hasDifference);
  return { base: side(before), head: side(after), operations };
}

/**
 * The report with its own target's endpoint (URL and `host:port`) written as `<endpoint>` wherever it shows in a
 * deviation: a freshly started emulator has a new port each run, and an issuer or a command holding it says
 * nothing about the target's behaviour.
 */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

function withoutEndpoint(report: Report): Report {
  const endpoint = report.target.endpoint.replace(/\/$/, '');
  if (endpoint === '') return report;
  let host: string | undefined;
  let port: string | undefined;
  try {
    const url = new URL(endpoint);
    host = url.host;
    port = LOOPBACK.includes(url.hostname) && url.port !== '' ? url.port : undefined;
  } catch {
    host = undefined;
  }
  const operations = report.operations.map((op) => ({
    ...op,
    deviations: op.deviations.map((deviation) => {
      let text = JSON.stringify(deviation).split(endpoint).join('<endpoint>');
      if (host) text = text.split(host).join('<endpoint>');
      // The same port under the loopback's other names (an emulator may name itself localhost in its issuer).
      if (port) for (const loopback of LOOPBACK) text = text.split(`${loopback}:${port}`).join('<endpoint>');
      return JSON.parse(text) as ReportDeviation;
    }),
  }));
  return { ...report, operations };
}

function side(report: Report): DiffSide {
  return { target: report.target.name, sdk: report.sdk.version, startedAt: report.run.startedAt };
}

type Groups = Map<string, Map<string, ReportDeviation[]>>;

/** operation → identity → deviations (several when one report has the same identity more than once). */
function groupByIdentity(located: readonly LocatedDeviation[]): Groups {
  const groups: Groups = new Map();
  for (const entry of located) {
    const byIdentity = groups.get(entry.operation) ?? new Map<string, ReportDeviation[]>();
    groups.set(entry.operation, byIdentity);
    const identity = identityOf(entry);
    byIdentity.set(identity, [...(byIdentity.get(identity) ?? []), entry.deviation]);
  }
  return groups;
}

function diffOperation(
  name: string,
  base: Report,
  head: Report,
  baseGroups: Groups,
  headGroups: Groups,
): OperationDiff {
  const verdict = {
    base: base.operations.find((op) => op.operation === name)?.verdict ?? null,
    head: head.operations.find((op) => op.operation === name)?.verdict ?? null,
  };
  const before = baseGroups.get(name) ?? new Map<string, ReportDeviation[]>();
  const after = headGroups.get(name) ?? new Map<string, ReportDeviation[]>();
  const result = {
    new: [] as ReportDeviation[],
    fixed: [] as ReportDeviation[],
    changed: [] as ChangedDeviation[],
  };
  for (const identity of new Set([...before.keys(), ...after.keys()])) {
    pairUp(before.get(identity) ?? [], after.get(identity) ?? [], result);
  }
  const sent = sdkSentDiff(
    base.operations.find((op) => op.operation === name)?.sdkSent,
    head.operations.find((op) => op.operation === name)?.sdkSent,
  );
  return { operation: name, verdict, ...result, ...(sent ? { sdkSent: sent } : {}) };
}

/** What the two sides' SDKs sent differently, or undefined when they agree or a side recorded nothing. */
function sdkSentDiff(before: SdkSent | undefined, after: SdkSent | undefined): SdkSentDiff | undefined {
  if (before === undefined || after === undefined) return undefined;
  const delta = (a: readonly string[], b: readonly string[]) => ({
    added: b.filter((item) => !a.includes(item)),
    removed: a.filter((item) => !b.includes(item)),
  });
  const diff = {
    headers: delta(before.headers, after.headers),
    members: delta(before.members, after.members),
  };
  const empty = [diff.headers, diff.members].every((d) => d.added.length + d.removed.length === 0);
  return empty ? undefined : diff;
}

/** Same observation pairs first (unchanged), then the rest in order (changed), leftovers are new or fixed. */
function pairUp(
  before: readonly ReportDeviation[],
  after: readonly ReportDeviation[],
  into: { new: ReportDeviation[]; fixed: ReportDeviation[]; changed: ChangedDeviation[] },
): void {
  const remaining = [...after];
  const unmatched: ReportDeviation[] = [];
  for (const old of before) {
    const index = remaining.findIndex((d) => observationFingerprint(d) === observationFingerprint(old));
    if (index >= 0) remaining.splice(index, 1);
    else unmatched.push(old);
  }
  unmatched.forEach((old, i) => {
    const current = remaining[i];
    if (current === undefined) into.fixed.push(old);
    else into.changed.push({ before: old, after: current, fields: changedFields(old, current) });
  });
  into.new.push(...remaining.slice(unmatched.length));
}

function changedFields(before: ReportDeviation, after: ReportDeviation): ObservedField[] {
  const [a, b] = [normaliseDeviation(before), normaliseDeviation(after)];
  const fields: ObservedField[] = ['severity', 'expected', 'actual', 'message'];
  return fields.filter((field) => JSON.stringify(a[field] ?? null) !== JSON.stringify(b[field] ?? null));
}

function hasDifference(op: OperationDiff): boolean {
  return (
    op.verdict.base !== op.verdict.head ||
    op.new.length + op.fixed.length + op.changed.length > 0 ||
    op.sdkSent !== undefined
  );
}

/**
 * 1 when head has a regression of severity `error`: a new `error` deviation, or a matched one that became an
 * `error` (an escalation is a new error in all but identity). 0 otherwise.
 */
export function diffExitCode(diff: ReportDiff): 0 | 1 {
  const regression = diff.operations.some(
    (op) =>
      op.new.some((d) => d.severity === 'error') ||
      op.changed.some((c) => c.after.severity === 'error' && c.before.severity !== 'error'),
  );
  return regression ? 1 : 0;
}

/**
 * The diff as Markdown: totals, verdict changes, then new / fixed / changed deviations and what the SDK sends
 * differently, per operation.
 */
export function diffToMarkdown(diff: ReportDiff): string {
  const count = (pick: (op: OperationDiff) => readonly unknown[]): number =>
    diff.operations.reduce((sum, op) => sum + pick(op).length, 0);
  const title =
    `# Report diff: ${escapeInline(diff.base.target)} (SDK ${escapeInline(diff.base.sdk)}) → ` +
    `${escapeInline(diff.head.target)} (SDK ${escapeInline(diff.head.sdk)})`;
  const sending = diff.operations.filter((op) => op.sdkSent !== undefined).length;
  const totals =
    `**${count((op) => op.new)} new, ${count((op) => op.fixed)} fixed, ${count((op) => op.changed)} changed** deviations.` +
    (sending > 0 ? ` The SDK sends differently for ${sending} operation${sending === 1 ? '' : 's'}.` : '');
  if (diff.operations.length === 0) return `${title}\n\n${totals}\n\nNo differences.\n`;
  return `${[title, totals, verdictSection(diff), ...diff.operations.map(operationSection)].filter((s) => s !== '').join('\n\n')}\n`;
}

function verdictSection(diff: ReportDiff): string {
  const rows = diff.operations
    .filter((op) => op.verdict.base !== op.verdict.head)
    .map((op) => [op.operation, op.verdict.base ?? '(absent)', op.verdict.head ?? '(absent)']);
  return rows.length === 0 ? '' : `## Verdict changes\n\n${table(['Operation', 'Base', 'Head'], rows)}`;
}

function operationSection(op: OperationDiff): string {
  const parts = [`## ${escapeInline(op.operation)}`];
  if (op.new.length > 0) parts.push(`**New**\n\n${op.new.map((d) => `- ${deviationLine(d)}`).join('\n')}`);
  if (op.fixed.length > 0)
    parts.push(`**Fixed**\n\n${op.fixed.map((d) => `- ${deviationLine(d)}`).join('\n')}`);
  if (op.changed.length > 0) parts.push(`**Changed**\n\n${op.changed.map(changedLine).join('\n')}`);
  if (op.sdkSent) parts.push(sdkSentLines(op.sdkSent));
  return parts.length === 1 ? '' : parts.join('\n\n');
}

function sdkSentLines(sent: SdkSentDiff): string {
  const line = (what: string, items: readonly string[]) =>
    items.length === 0 ? [] : [`- ${what}: ${items.map((item) => code(item)).join(', ')}`];
  return [
    '**What the SDK sends**',
    '',
    ...line('new headers', sent.headers.added),
    ...line('headers no longer sent', sent.headers.removed),
    ...line('new request members', sent.members.added),
    ...line('request members no longer sent', sent.members.removed),
  ].join('\n');
}

/** One deviation: severity, check, kind and path, and for a behaviour deviation its rule (`[rule-name]`), as its identity. */
function deviationLine(d: ReportDeviation): string {
  const rule = d.rule === undefined ? '' : ` ${escapeInline(`[${d.rule.name}]`)}`;
  return `${d.severity} ${code(d.check)} ${d.kind} at ${code(pointerText(d.path))}${rule}: ${escapeInline(d.message)}`;
}

function changedLine(c: ChangedDeviation): string {
  const details = c.fields.map((field) => {
    const was =
      field === 'message' || field === 'severity' ? String(c.before[field]) : jsonText(c.before[field]);
    const now =
      field === 'message' || field === 'severity' ? String(c.after[field]) : jsonText(c.after[field]);
    return `  - ${field}: ${code(was)} → ${code(now)}`;
  });
  return [`- ${deviationLine(c.after)}`, ...details].join('\n');
}
