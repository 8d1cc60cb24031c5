import type { CoverageCounts, GroupCoverage, Report, Verdict } from '../deviations/index.ts';

/** One target's coverage of one resource group (or of the whole model), with its tooltip text. */
export interface MatrixCoverageCell extends CoverageCounts {
  /** Which operations are where, one line per verdict (and `not run`), for the cell's tooltip. */
  readonly detail: string;
}

/** A row of the matrix's coverage table: one resource group, or the model's total. */
export interface MatrixCoverageRow {
  /** The resource group; `null` for the total row, which comes last. */
  readonly group: string | null;
  /** Aligned with `MatrixModel.targets`; `null` where that target's report has no coverage of this group. */
  readonly cells: readonly (MatrixCoverageCell | null)[];
}

const VERDICT_ORDER: readonly Verdict[] = ['conformant', 'deviates', 'unsupported', 'inconclusive'];

/**
 * The coverage table: a row per resource group, in the order the first report that has it lists it, then the
 * total row. Empty when no report has `coverage` (reports of earlier versions).
 */
export function coverageRows(reports: readonly Report[]): MatrixCoverageRow[] {
  if (!reports.some((report) => report.coverage !== undefined)) return [];
  const groups = [
    ...new Set(reports.flatMap((report) => report.coverage?.groups.map((entry) => entry.group) ?? [])),
  ];
  const rows: MatrixCoverageRow[] = groups.map((group) => ({
    group,
    cells: reports.map((report) => {
      const entry = report.coverage?.groups.find((candidate) => candidate.group === group);
      return entry === undefined ? null : groupCell(report, entry);
    }),
  }));
  const total = reports.map((report) => {
    const counts = report.coverage?.total;
    if (counts === undefined) return null;
    return {
      ...counts,
      detail: `${counts.implemented} of ${counts.operations} operations of the model implemented`,
    };
  });
  return [...rows, { group: null, cells: total }];
}

function groupCell(report: Report, entry: GroupCoverage): MatrixCoverageCell {
  const { group, operationNames, ...counts } = entry;
  const verdicts = new Map(report.operations.map((op) => [op.operation, op.verdict]));
  const lines = [...VERDICT_ORDER, undefined].flatMap((verdict) => {
    const names = operationNames.filter((name) => verdicts.get(name) === verdict);
    return names.length === 0 ? [] : [`${verdict ?? 'not run'}: ${names.join(', ')}`];
  });
  return {
    ...counts,
    detail: [`${group}: ${counts.implemented} of ${counts.operations} implemented`, ...lines].join('\n'),
  };
}
