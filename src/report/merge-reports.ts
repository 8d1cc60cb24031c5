import { mergeBehaviourVerdicts } from './behaviour-verdicts.ts';
import { countsOf } from './build-report.ts';
import { mergedCoverage } from './model-coverage.ts';
import {
  collapseDeviations,
  type ChangeVerdict,
  type CheckTally,
  type OperationReport,
  sumCoverage,
  sumRequests,
  mergeSdkSent,
  type Report,
  type ReportDeviation,
  type SpecDriftSummary,
  type Verdict,
  stableStringify,
  summarise,
  verdictFor,
} from '../deviations/index.ts';

/**
 * Merges the reports of one run split into shards (same tool, target, SDK, profile and seed; operations
 * disjoint or overlapping) into the report the unsharded run would have written:
 * - operations sorted by name; an operation in several shards gets its check tallies summed per check (runs
 *   and failures add up: they happened), its deviations collapsed where they are the same finding (normalised;
 *   occurrences add up), and its verdict recomputed;
 * - `target` the first report's (an embedded or container target's endpoint differs per shard, being started
 *   per run on a free port; any other target's endpoint must be the same);
 * - `summary` recomputed; `run.startedAt` the earliest, `run.durationMs` the longest (shards run in parallel);
 * - `spec.documents` the union in first-seen order, `spec.operations` the largest, `spec.drift` (when any shard
 *   has it) each operation's first-seen summary, sorted by operation (every shard reads the same specs);
 * - `changes` merged per (operation, direction, path, value), a determined verdict winning over `null`, and
 *   `false` over `true` when shards disagree (support must hold everywhere); sorted by the same key;
 * - `behaviour` (when any shard has it) merged per rule: runs and failures add up, `brokenAt` is the union, and
 *   `broken` wins over `holds`, which wins over `not-judged` (see `mergeBehaviourVerdicts`);
 * - `coverage` counted again over the merged operations, against the model the shards were counted against
 *   (present when any shard has one; shards counted against different models are not one run);
 * - `warnings` every shard's, each once, in first-seen order.
 * Throws when the reports cannot be shards of one run.
 */
export function mergeReports(reports: readonly Report[]): Report {
  const [first, ...rest] = reports;
  if (first === undefined) throw new Error('mergeReports: no report to merge');
  rest.forEach((report, i) => assertSameRun(first, report, i + 1));
  const operations = mergeOperations(reports.flatMap((r) => r.operations));
  const changes = reports.some((r) => r.changes !== undefined)
    ? { changes: mergeChanges(reports.flatMap((r) => r.changes ?? [])) }
    : {};
  const warnings = [...new Set(reports.flatMap((r) => r.warnings ?? []))];
  const coverage = mergedCoverage(reports, operations);
  const behaviour = mergeBehaviourVerdicts(reports, operations);
  // What no shard ran: an operation one shard left to another is not "not run" once that shard's report is in.
  const ran = new Set(operations.map((op) => op.operation));
  const notRun = [
    ...new Map(
      reports
        .flatMap((r) => r.run.notRun ?? [])
        .filter((entry) => !ran.has(entry.operation))
        .map((entry) => [entry.operation, entry]),
    ).values(),
  ].sort((a, b) => (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0));
  return {
    schemaVersion: 1,
    tool: first.tool,
    target: first.target,
    sdk: first.sdk,
    spec: {
      documents: [...new Set(reports.flatMap((r) => r.spec.documents))],
      operations: Math.max(...reports.map((r) => r.spec.operations)),
      ...mergedDrift(reports),
    },
    run: {
      profile: first.run.profile,
      seed: first.run.seed,
      startedAt: earliest(reports.map((r) => r.run.startedAt)),
      durationMs: Math.max(...reports.map((r) => r.run.durationMs)),
      ...(notRun.length > 0 ? { notRun } : {}),
    },
    summary: summarise(operations),
    operations,
    ...(coverage !== undefined ? { coverage } : {}),
    ...changes,
    ...(behaviour !== undefined ? { behaviour } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** Each operation's drift summary as the first shard that has one gives it, sorted by operation; none if no shard has any. */
function mergedDrift(reports: readonly Report[]): Pick<Report['spec'], 'drift'> {
  if (reports.every((r) => r.spec.drift === undefined)) return {};
  const byOperation = new Map<string, SpecDriftSummary>();
  for (const summary of reports.flatMap((r) => r.spec.drift ?? []))
    if (!byOperation.has(summary.operation)) byOperation.set(summary.operation, summary);
  return {
    drift: [...byOperation.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, summary]) => summary),
  };
}

function assertSameRun(first: Report, other: Report, index: number): void {
  const facts: readonly [string, (r: Report) => unknown][] = [
    ['tool version', (r) => r.tool.version],
    ['target kind', (r) => r.target.kind],
    ['target name', (r) => r.target.name],
    // Embedded and container targets are started per run on a free port: each shard's has its own endpoint.
    [
      'target endpoint',
      (r) => (r.target.kind === 'embedded' || r.target.kind === 'container' ? undefined : r.target.endpoint),
    ],
    ['target version', (r) => r.target.version],
    ['target image', (r) => r.target.image],
    ['sdk version', (r) => r.sdk.version],
    ['profile', (r) => r.run.profile],
    ['seed', (r) => r.run.seed],
  ];
  for (const [fact, read] of facts) {
    if (read(first) !== read(other)) {
      throw new Error(
        `mergeReports: report ${index} is not a shard of the same run as report 0: ${fact} ${JSON.stringify(read(other))} ≠ ${JSON.stringify(read(first))}`,
      );
    }
  }
}

function earliest(instants: readonly string[]): string {
  return instants.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}

function mergeOperations(parts: readonly OperationReport[]): OperationReport[] {
  const byName = new Map<string, OperationReport[]>();
  for (const part of parts) byName.set(part.operation, [...(byName.get(part.operation) ?? []), part]);
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, same]) => (same.length === 1 && same[0] !== undefined ? same[0] : mergeOperation(same)));
}

function mergeOperation(parts: readonly OperationReport[]): OperationReport {
  const deviations = collapseDeviations(parts.flatMap((p) => p.deviations));
  const verdicts = parts.map((p) => p.verdict);
  const verdict = mergedVerdict(verdicts, deviations);
  const reason = parts.find((p) => p.verdict === verdict && p.reason !== undefined)?.reason;
  return {
    operation: parts[0]?.operation ?? '',
    verdict,
    ...(reason !== undefined && (verdict === 'unsupported' || verdict === 'inconclusive') ? { reason } : {}),
    checks: mergeTallies(parts.flatMap((p) => p.checks)),
    ...countsOf(
      sumCoverage(parts.map((p) => p.coverage)),
      sumRequests(parts.map((p) => p.requests)),
      mergeSdkSent(parts.map((p) => p.sdkSent)),
    ),
    // Unsupported is one verdict and its one `unsupported` deviation, whichever shard saw it.
    deviations:
      verdict === 'unsupported' ? deviations.filter((d) => d.kind === 'unsupported').slice(0, 1) : deviations,
  };
}

/**
 * A target that said "not implemented" to one shard would say it to any; "nothing completed" only holds for
 * the merged operation when it held for every shard.
 */
function mergedVerdict(verdicts: readonly Verdict[], deviations: readonly ReportDeviation[]): Verdict {
  return verdictFor(deviations, {
    unsupported: verdicts.includes('unsupported'),
    transportOnly: verdicts.every((v) => v === 'inconclusive'),
  });
}

function mergeTallies(tallies: readonly CheckTally[]): CheckTally[] {
  const merged = new Map<string, CheckTally>();
  for (const tally of tallies) {
    const seen = merged.get(tally.check);
    merged.set(
      tally.check,
      seen === undefined
        ? tally
        : {
            check: tally.check,
            runs: seen.runs + tally.runs,
            failed: seen.failed + tally.failed,
            ...(seen.durationMs !== undefined || tally.durationMs !== undefined
              ? { durationMs: (seen.durationMs ?? 0) + (tally.durationMs ?? 0) }
              : {}),
          },
    );
  }
  return [...merged.values()];
}

function mergeChanges(changes: readonly ChangeVerdict[]): ChangeVerdict[] {
  const merged = new Map<string, ChangeVerdict>();
  for (const change of changes) {
    const key = changeKey(change);
    const seen = merged.get(key);
    merged.set(key, seen === undefined ? change : preferredChange(seen, change));
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, change]) => change);
}

function changeKey(change: ChangeVerdict): string {
  return stableStringify([change.operation, change.direction, change.path, change.value ?? null]);
}

function preferredChange(a: ChangeVerdict, b: ChangeVerdict): ChangeVerdict {
  if (a.supported === null) return b;
  if (b.supported === null) return a;
  return a.supported ? b : a;
}
