import {
  identityOf,
  identityText,
  type LocatedDeviation,
  locateDeviations,
  redactString,
  type Report,
} from '../deviations/index.ts';
import type { BaselineEntry } from '../deviations/index.ts';
import type { BaselineResult } from './baseline.ts';
import { oneLine } from './console-table.ts';

/**
 * Each deviation's number in a report: its 1-based place in report order (operations in report order, then each
 * operation's deviations). `report.md` shows it as `#N`, the console and JUnit use it, and
 * `cognito-conformance reproduce <report> <N>` takes it.
 */
export function deviationNumbers(report: Report): (located: LocatedDeviation) => number | undefined {
  // By identity, not by object: the report a renderer gets is a redacted copy of the one the gate judged.
  const numbers = new Map(locateDeviations(report).map((located, index) => [identityOf(located), index + 1]));
  return (located) => numbers.get(identityOf(located));
}

/** One deviation on one line: `#N <identity> [severity]: message` (the identity as {@link identityText} writes it). */
export function deviationLine(located: LocatedDeviation, number: number | undefined): string {
  const { deviation } = located;
  const identity = identityText({ operation: located.operation, ...deviation });
  const prefix = number === undefined ? '' : `#${number} `;
  return oneLine(`${prefix}${identity} [${deviation.severity}]: ${deviation.message}`);
}

/** How an accepted deviation's entry reads: its reason, or that nobody gave one. */
export function acceptanceText(entry: BaselineEntry, unreviewed: boolean): string {
  const expiry = entry.expires === undefined ? '' : ` (until ${entry.expires})`;
  return unreviewed
    ? `accepted by an unreviewed baseline entry (its reason is still '${entry.reason}')${expiry}`
    : `accepted by the baseline: ${entry.reason}${expiry}`;
}

/**
 * The gate's verdict and its new deviations, for the terminal, printed before the table so a CI log shows why
 * the gate failed first: whether it passed, then each new deviation on one line, numbered as in the report.
 * Redacted, since it leaves the process.
 */
export function gateNewText(report: Report, result: BaselineResult): string {
  const numbers = deviationNumbers(report);
  const fresh = result.newDeviations;
  const lines = [
    fresh.length === 0
      ? 'gate: passed: no deviation is new since the baseline'
      : `gate: FAILED: ${fresh.length} new since the baseline (not accepted by any entry):`,
    ...fresh.slice(0, CONSOLE_NEW).map((located) => `  ${deviationLine(located, numbers(located))}`),
  ];
  if (fresh.length > CONSOLE_NEW)
    lines.push(`  … and ${fresh.length - CONSOLE_NEW} more (all of them in report.md, at the top)`);
  return redactString(`${lines.join('\n')}\n`);
}

/** How many entries of one kind the terminal lists before it says how many more `report.md` has. */
export const CONSOLE_ENTRIES = 10;

/** How many new deviations the terminal lists before the table (a gate against the wrong target meets hundreds). */
export const CONSOLE_NEW = 50;

/**
 * The baseline's counts for the terminal, after the table: accepted, new, unreviewed, expired and fixed, with
 * the entries concerned (each list cut at {@link CONSOLE_ENTRIES}; `report.md` has them all). Redacted.
 */
export function gateSummaryText(result: BaselineResult): string {
  const lines = [
    `baseline: ${result.accepted.length} accepted, ${result.newDeviations.length} new, ` +
      `${result.unreviewed.length} unreviewed, ${result.expired.length} expired, ` +
      (result.fixedJudged
        ? `${result.fixed.length} fixed (no longer seen)`
        : 'fixed not judged (a shard; judge the merged report)'),
  ];
  const list = (title: string, entries: readonly BaselineEntry[]): void => {
    if (entries.length === 0) return;
    lines.push(`${title}:`, ...entries.slice(0, CONSOLE_ENTRIES).map((entry) => `  ${entryLine(entry)}`));
    if (entries.length > CONSOLE_ENTRIES)
      lines.push(`  … and ${entries.length - CONSOLE_ENTRIES} more (all of them in report.md)`);
  };
  list('unreviewed baseline entries (give each a reason)', result.unreviewed);
  list('expired baseline entries (they no longer accept anything; renew or remove them)', result.expired);
  list('baseline entries that matched nothing (fixed? remove them)', result.fixed);
  return redactString(`${lines.join('\n')}\n`);
}

/** A baseline entry on one line, as its identity plus expiry. */
export function entryLine(entry: BaselineEntry): string {
  const expiry = entry.expires === undefined ? '' : ` (expires ${entry.expires})`;
  return oneLine(`${identityText(entry)}${expiry}`);
}
