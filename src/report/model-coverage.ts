import {
  type CoverageCounts,
  type ModelCoverage,
  type OperationReport,
  type Report,
  stableStringify,
  type Verdict,
} from '../deviations/index.ts';

/**
 * The current model as the report counts coverage against it: its resource groups in display order, and every
 * operation with its group. The reporter builds it from src/spec (`RESOURCE_GROUPS`, `modelResourceGroups()`,
 * which read the committed `specs/operations/`).
 */
export interface CoverageModel {
  readonly groups: readonly string[];
  readonly operations: readonly { readonly operation: string; readonly group: string }[];
}

/**
 * The run's coverage of `model`: per group (in `model.groups` order, then any other group an operation names,
 * in first-seen order) and in total, each operation of the model counted once, under the verdict of its
 * operation report or as not run. An operation report outside the model counts nowhere.
 */
export function modelCoverage(operations: readonly OperationReport[], model: CoverageModel): ModelCoverage {
  const verdicts = new Map(operations.map((op) => [op.operation, op.verdict]));
  const order = [...new Set([...model.groups, ...model.operations.map((entry) => entry.group)])];
  const groups = order.map((group) => {
    const operationNames = model.operations
      .filter((entry) => entry.group === group)
      .map((entry) => entry.operation)
      .sort(compareStrings);
    return { group, ...countVerdicts(operationNames.map((name) => verdicts.get(name))), operationNames };
  });
  return { total: countVerdicts(model.operations.map((entry) => verdicts.get(entry.operation))), groups };
}

/**
 * The coverage of merged shards: the model of the shards that carry one (they must agree: one run has one
 * model), counted again over the merged operations. `undefined` when no shard carries coverage.
 * @throws Error when two shards were counted against different models.
 */
export function mergedCoverage(
  reports: readonly Report[],
  operations: readonly OperationReport[],
): ModelCoverage | undefined {
  const models = reports.flatMap((report) => (report.coverage ? [coverageModelOf(report.coverage)] : []));
  const [first] = models;
  if (first === undefined) return undefined;
  if (models.some((model) => stableStringify(model) !== stableStringify(first)))
    throw new Error('mergeReports: the reports count coverage against different models (specs/operations/)');
  return modelCoverage(operations, first);
}

/** The model a coverage summary was counted against: its groups and their operations. */
export function coverageModelOf(coverage: ModelCoverage): CoverageModel {
  return {
    groups: coverage.groups.map((entry) => entry.group),
    operations: coverage.groups.flatMap((entry) =>
      entry.operationNames.map((operation) => ({ operation, group: entry.group })),
    ),
  };
}

function countVerdicts(verdicts: readonly (Verdict | undefined)[]): CoverageCounts {
  const count = (verdict: Verdict | undefined): number => verdicts.filter((v) => v === verdict).length;
  const [conformant, deviating, inconclusive] = [
    count('conformant'),
    count('deviates'),
    count('inconclusive'),
  ];
  return {
    operations: verdicts.length,
    implemented: conformant + deviating + inconclusive,
    conformant,
    deviating,
    unsupported: count('unsupported'),
    inconclusive,
    notRun: count(undefined),
  };
}

/** Code-unit order: deterministic across locales. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
