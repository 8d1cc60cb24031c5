import {
  type ChangeVerdict,
  type CheckName,
  type CheckTally,
  type ConformanceRecord,
  collapseDeviations,
  type Deviation,
  normaliseDeviation,
  Normaliser,
  type OperationReport,
  type Report,
  type ReportDeviation,
  type RequestCounts,
  type RuleCoverage,
  type SdkSent,
  mergeSdkSent,
  summarise,
  withReproductionScript,
  sumCoverage,
  sumRequests,
  verdictFor,
} from '../deviations/index.ts';
import type { BehaviourCatalogue } from '../spec/index.ts';
import { behaviourVerdicts } from './behaviour-verdicts.ts';
import { type CoverageModel, modelCoverage } from './model-coverage.ts';
import { driftSummaries, type OperationDrift } from './spec-drift.ts';

/** What the run knows besides the records: versions, documents and timing. */
export interface ReportContext {
  readonly toolVersion: string;
  readonly sdkVersion: string;
  readonly documents: readonly string[];
  /**
   * Every operation the specs hold: those the records lack become the report's `run.notRun`, with why (see
   * `selectedOperations` and `shard`). Absent, nothing is listed.
   */
  readonly allOperations?: readonly string[];
  /** The run's `--ops`, if any: an operation outside it was not selected. */
  readonly selectedOperations?: readonly string[];
  /** The run's `--shard` (`1/2`), if any: a selected operation this shard lacks is another shard's. */
  readonly shard?: string;
  readonly specOperations: number;
  /**
   * Every spec's drift record (its operation, page and `drift`): the report's `spec.drift` counts each. Absent,
   * the report has no `spec.drift`.
   */
  readonly drift?: readonly OperationDrift[];
  /**
   * The current model's operations and resource groups: the report's `coverage` counts the run against them.
   * Absent, the report has no `coverage`.
   */
  readonly model?: CoverageModel;
  readonly durationMs: number;
  /**
   * The behaviour rule catalogue the report's `behaviour` follows (its order, areas, operations and sources).
   * Absent, the committed `specs/behaviour-rules.json` is read, and only when the `behaviour` check ran.
   */
  readonly behaviourCatalogue?: BehaviourCatalogue;
  /** Run-level warnings (a clean-up sweep that could not finish); the report carries them when there are any. */
  readonly warnings?: readonly string[];
}

/**
 * Merges the records every test put on `task.meta` into one report: per operation, check tallies are
 * summed, equal findings collapse, volatile values become numbered tokens (so two runs with the same
 * seed give the same deviations), and the verdict follows the rules in `verdict.ts`. When the `behaviour` check
 * ran, `behaviour` holds one verdict per documented rule (see `behaviourVerdicts`), its runs summed over every
 * record of the run.
 * @throws Error when there is no record, or when the behaviour catalogue must be read and cannot be.
 */
export function buildReport(records: readonly ConformanceRecord[], context: ReportContext): Report {
  const first = records[0];
  if (!first) throw new Error('buildReport: no conformance records; did any suite run?');
  const byOperation = groupBy(records, (record) => record.operation);
  const operations = [...byOperation.keys()]
    .sort()
    .map((operation) => operationReport(operation, byOperation.get(operation) ?? []));
  const changes = records.flatMap((record) => record.changes ?? []);
  const behaviour = behaviourVerdicts(records, operations, context.behaviourCatalogue);
  const judged = new Set(operations.map((op) => op.operation));
  const notRun = (context.allOperations ?? [])
    .filter((operation) => !judged.has(operation))
    .map((operation) => ({ operation, reason: notRunReason(operation, context) }));
  return {
    schemaVersion: 1,
    tool: { name: 'cognito-conformance', version: context.toolVersion },
    target: first.target,
    sdk: { version: context.sdkVersion },
    spec: {
      documents: [...context.documents],
      operations: context.specOperations,
      ...(context.drift !== undefined ? { drift: driftSummaries(context.drift) } : {}),
    },
    run: {
      profile: first.run.profile,
      seed: first.run.seed,
      startedAt: first.run.startedAt,
      durationMs: Math.round(context.durationMs),
      ...(notRun.length > 0 ? { notRun } : {}),
      ...(context.shard !== undefined ? { shard: context.shard } : {}),
    },
    summary: summarise(operations),
    operations,
    ...(context.model !== undefined ? { coverage: modelCoverage(operations, context.model) } : {}),
    ...(changes.length > 0 ? { changes: sortChanges(changes) } : {}),
    ...(behaviour !== undefined ? { behaviour } : {}),
    ...(context.warnings && context.warnings.length > 0 ? { warnings: [...context.warnings] } : {}),
  };
}

function operationReport(operation: string, records: readonly ConformanceRecord[]): OperationReport {
  const deviations = collapseDeviations(records.flatMap((record) => record.deviations));
  const normaliser = new Normaliser();
  const first = records[0];
  const scriptContext = first && { target: first.target, run: first.run, operation };
  // Reproduction scripts are written once the tokens are numbered, so a script names what its request shows.
  const reported = sortDeviations(deviations).map((deviation) => {
    const normalised = normaliseDeviation(toReportDeviation(deviation), normaliser);
    return scriptContext ? withReproductionScript(normalised, scriptContext) : normalised;
  });
  const completed = records.reduce((sum, record) => sum + record.completedExchanges, 0);
  const unsupported = unsupportedReason(records, completed);
  const setupFailed = records.find((record) => record.inconclusive !== undefined)?.inconclusive;
  let verdict = verdictFor(reported, {
    unsupported: unsupported !== undefined,
    transportOnly: completed === 0,
  });
  if (verdict === 'conformant' && setupFailed !== undefined) verdict = 'inconclusive';
  const checks = sumTallies(records);
  const counts = countsOf(
    sumCoverage(records.map((record) => record.coverage)),
    sumRequests(records.map((record) => record.requests)),
    mergeSdkSent(records.map((record) => record.sdkSent)),
  );
  // Unsupported is one verdict and one deviation, not a cascade of findings about answers the target never meant
  // to give. The deviation is what a gate holds against the target (Cognito implements every operation of its
  // reference) and what a baseline may accept.
  if (verdict === 'unsupported') {
    const reason = unsupported ?? 'the target does not implement the operation';
    return {
      operation,
      verdict,
      reason,
      checks,
      ...counts,
      deviations: [unsupportedDeviation(operation, reason, first?.run.seed)],
    };
  }
  // A part the run could not judge (a positive path that needs a code sent by email) is said even when other
  // checks deviate.
  const reason = verdict === 'inconclusive' ? (setupFailed ?? 'no exchange completed') : setupFailed;
  return { operation, verdict, ...(reason ? { reason } : {}), checks, ...counts, deviations: reported };
}

/**
 * The optional coverage, request counts and what the SDK sent of an operation report, present when any record had
 * them.
 */
export function countsOf(
  coverage: RuleCoverage | undefined,
  requests: RequestCounts | undefined,
  sdkSent?: SdkSent,
): Pick<OperationReport, 'coverage' | 'requests' | 'sdkSent'> {
  return {
    ...(coverage ? { coverage } : {}),
    ...(requests ? { requests } : {}),
    ...(sdkSent ? { sdkSent } : {}),
  };
}

/** Fewest answers before "every request got a 5xx or unknown-operation error" means "not implemented". */
const MIN_ANSWERS_FOR_NOT_IMPLEMENTED = 2;

/**
 * Why the operation is unsupported, if it is: a scenario saw the target say so, or every request that got an
 * answer (valid and invalid alike) was answered with a 5xx or an unknown-operation error, whatever the
 * emulator's error looked like.
 */
function unsupportedReason(records: readonly ConformanceRecord[], completed: number): string | undefined {
  const said = records.find((record) => record.unsupported !== undefined)?.unsupported;
  if (said !== undefined) return said;
  const notImplemented = records.reduce((sum, record) => sum + (record.notImplementedAnswers ?? 0), 0);
  if (completed >= MIN_ANSWERS_FOR_NOT_IMPLEMENTED && notImplemented === completed)
    return `every one of the ${completed} requests that got an answer, valid or not, was answered with a 5xx or an unknown-operation error`;
  return undefined;
}

/** The one deviation of an operation the target does not implement (check `positive`: valid requests fail). */
function unsupportedDeviation(operation: string, reason: string, seed: number | undefined): ReportDeviation {
  return {
    check: 'positive',
    kind: 'unsupported',
    severity: 'error',
    path: '',
    expected: 'the operation is implemented',
    actual: reason,
    message: `the target does not implement ${operation}: ${reason}`,
    request: {},
    reproduce: {
      // Its own report directory: run from a checkout, the default would overwrite the report this came from.
      command: `npx cognito-conformance run --ops ${operation}${seed === undefined ? '' : ` --seed ${seed}`} --report-only --out "\${TMPDIR:-/tmp}/cognito-conformance-reproduce"`,
    },
  };
}

function notRunReason(operation: string, context: ReportContext): string {
  if (context.selectedOperations !== undefined && !context.selectedOperations.includes(operation))
    return 'not selected (--ops)';
  if (context.shard !== undefined) return `run by another shard (this is shard ${context.shard})`;
  return 'no test judged it';
}

function toReportDeviation(deviation: Deviation): ReportDeviation {
  const { operation: _operation, ...rest } = deviation;
  return rest;
}

function sumTallies(records: readonly ConformanceRecord[]): CheckTally[] {
  const sums = new Map<CheckName, { runs: number; failed: number; durationMs?: number }>();
  for (const tally of records.flatMap((record) => record.checks)) {
    const sum = sums.get(tally.check) ?? { runs: 0, failed: 0 };
    sum.runs += tally.runs;
    sum.failed += tally.failed;
    if (tally.durationMs !== undefined) sum.durationMs = (sum.durationMs ?? 0) + tally.durationMs;
    sums.set(tally.check, sum);
  }
  return [...sums].map(([check, sum]) => ({ check, ...sum })).sort((a, b) => a.check.localeCompare(b.check));
}

function sortDeviations(deviations: readonly Deviation[]): Deviation[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...deviations].sort(
    (a, b) =>
      rank[a.severity] - rank[b.severity] ||
      a.check.localeCompare(b.check) ||
      a.kind.localeCompare(b.kind) ||
      a.path.localeCompare(b.path),
  );
}

function sortChanges(changes: readonly ChangeVerdict[]): ChangeVerdict[] {
  const key = (c: ChangeVerdict) => `${c.operation}\u0000${c.direction}\u0000${c.path}\u0000${c.value ?? ''}`;
  const unique = new Map(changes.map((change) => [key(change), change]));
  return [...unique.values()].sort((a, b) => key(a).localeCompare(key(b)));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
