import type { SpecDriftSummary } from '../deviations/index.ts';
import { code, escapeInline, table } from './markdown-text.ts';

/**
 * The report's `spec.drift` as a Markdown section (`## Specs and drift`): a row per operation of the specs (its
 * source page; the members the current model adds and removes; required flags, constraints, enum values and
 * modeled errors that changed; the differences still judged by the page), then which document stands. Empty when
 * the report has no `spec.drift`.
 */
export function driftSection(drift: readonly SpecDriftSummary[] | undefined): string {
  if (drift === undefined || drift.length === 0) return '';
  const header = [
    'Operation',
    'Source',
    'Members +/−',
    'Required changed',
    'Constraints changed',
    'Enum values +/−',
    'Errors +/−',
    'Judged by the page',
  ];
  const rows = drift.map((entry) => [
    escapeInline(entry.operation),
    code(entry.documents.page),
    `+${entry.added}/−${entry.removed}`,
    String(entry.requiredChanged),
    String(entry.constraints),
    `+${entry.enumValuesAdded}/−${entry.enumValuesRemoved}`,
    `+${entry.errorsAdded}/−${entry.errorsRemoved}`,
    String(entry.judgedByPage),
  ]);
  const models = [...new Set(drift.map((entry) => entry.documents.model))].map((name) => code(name));
  const note =
    `Where a spec's source page and the current model (${models.join(', ')}) differ, the later document, the ` +
    'model, stands; "Judged by the page" counts the differences a verdict depends on where the spec still holds ' +
    "the page's statement, and each spec's `drift` lists every difference.";
  return `## Specs and drift\n\n${table(header, rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'])}\n\n${note}`;
}
