import type { CoverageCounts, ModelCoverage } from '../deviations/index.ts';
import { escapeInline, table } from './markdown-text.ts';

/**
 * The report's coverage of the current model as a Markdown section (`## Coverage of the model`): one line with
 * the totals, a table with a row per resource group and a total row (operations of the model; of them
 * implemented, conformant, deviating, unsupported, inconclusive, not run), and what the columns mean. Empty
 * when the report has no `coverage`.
 */
export function coverageSection(coverage: ModelCoverage | undefined): string {
  if (coverage === undefined) return '';
  const { total } = coverage;
  const line =
    `The current model (\`specs/operations/\`) has ${total.operations} operations: **${total.implemented} implemented** ` +
    `(${total.conformant} conformant, ${total.deviating} deviating, ${total.inconclusive} inconclusive), ` +
    `${total.unsupported} unsupported, ${total.notRun} not run.`;
  const header = [
    'Group',
    'Operations',
    'Implemented',
    'Conformant',
    'Deviating',
    'Unsupported',
    'Inconclusive',
    'Not run',
  ];
  const rows = [
    ...coverage.groups.map((entry) => [escapeInline(entry.group), ...countCells(entry)]),
    ['**total**', ...countCells(total)],
  ];
  const note =
    'Implemented: judged and not unsupported (an inconclusive operation counts: the target did not say it lacks ' +
    'it). Not run: no verdict in this run, because the suite has no spec for the operation yet (it judges those ' +
    'in `specs/operations/`) or `--ops` or the shard left it out.';
  return `## Coverage of the model\n\n${line}\n\n${table(header, rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'])}\n\n${note}`;
}

function countCells(counts: CoverageCounts): string[] {
  return [
    counts.operations,
    counts.implemented,
    counts.conformant,
    counts.deviating,
    counts.unsupported,
    counts.inconclusive,
    counts.notRun,
  ].map(String);
}
