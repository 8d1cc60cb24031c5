import { severityText } from './severity-counts.ts';
import {
  buildMatrixModel,
  type MatrixCell,
  type MatrixChangeCell,
  type MatrixRuleCell,
  type MatrixTarget,
} from './matrix-model.ts';
import { code, escapeInline, table } from './markdown-text.ts';
import type { Report } from '../deviations/index.ts';

/**
 * The compatibility matrix of several reports as Markdown (operations × targets, then the documented behaviour
 * rules × targets when any report judged them, then the document's changes × targets): the HTML page's overview for places that only show Markdown, such as a pull-request
 * comment or a job summary. Details (deviations, reproductions) stay in the page and the per-run reports.
 */
export function compatibilityMatrixMarkdown(reports: readonly Report[]): string {
  const model = buildMatrixModel(reports);
  const header = (first: string) => [first, ...model.targets.map((target) => target.id)];
  const sections = [
    '# Cognito IDP compatibility matrix',
    model.targets.map(targetLine).join('\n'),
    `## Operations\n\n${table(
      header('Operation'),
      model.operations.map((row) => [row.operation, ...row.cells.map(operationCell)]),
    )}`,
  ];
  if (model.behaviour.length > 0) {
    const rows = model.behaviour.map((row) => [
      `${escapeInline(row.rule)} (${escapeInline(row.areaTitle)})`,
      ...row.cells.map(ruleCell),
    ]);
    sections.push(`## Behaviour rules\n\n${table(header('Rule'), rows)}`);
  }
  if (model.changes.length > 0) {
    const rows = model.changes.map((row) => [changeLabel(row), ...row.cells.map(changeCell)]);
    sections.push(`## Changes announced by the document\n\n${table(header('Change'), rows)}`);
  }
  return `${sections.join('\n\n')}\n`;
}

function targetLine(target: MatrixTarget): string {
  const version = target.version ?? target.image;
  return (
    `- **${escapeInline(target.id)}** (${target.kind}${version === undefined ? '' : ` ${escapeInline(version)}`}): ` +
    `SDK ${escapeInline(target.sdkVersion)}, profile ${escapeInline(target.profile)}, seed ${target.seed}, ` +
    `${target.summary.deviations} deviations`
  );
}

function operationCell(cell: MatrixCell | null): string {
  if (cell === null) return 'not run';
  const tally = severityText(cell.counts);
  return tally === '' ? cell.verdict : `${cell.verdict} (${tally})`;
}

function changeLabel(row: { operation: string; direction: string; path: string; value?: string }): string {
  const value = row.value === undefined ? '' : ` = ${row.value}`;
  return `${row.operation} ${row.direction} ${code(`${row.path}${value}`)}`;
}

function changeCell(cell: MatrixChangeCell | null): string {
  if (cell === null) return 'not judged';
  if (cell.withdrawn !== undefined) return 'withdrawn by the current reference';
  return cell.supported === null ? 'undetermined' : cell.supported ? 'supported' : 'not supported';
}

function ruleCell(cell: MatrixRuleCell | null): string {
  if (cell === null) return 'not checked';
  const runs = `${cell.failed}/${cell.runs} runs failed`;
  if (cell.verdict === 'broken') return `broken at ${cell.brokenAt.map(escapeInline).join(', ')} (${runs})`;
  return cell.verdict === 'holds' ? `holds (${runs})` : 'not judged';
}
