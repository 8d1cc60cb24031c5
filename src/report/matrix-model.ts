import type {
  BehaviourVerdict,
  ChangeVerdict,
  CheckName,
  CheckTally,
  OperationReport,
  Report,
  ReportDeviation,
  Severity,
  TargetKind,
  Verdict,
} from '../deviations/index.ts';
import { groupByArea, shortShapeId } from './behaviour-verdicts.ts';
import { coverageRows, type MatrixCoverageRow } from './matrix-coverage.ts';
import { countSeverities, type SeverityTally } from './severity-counts.ts';

/**
 * The compatibility matrix as plain, JSON-ready data: what the HTML page embeds and its script renders.
 * Everything that needs judgement (ordering, counting, formatting values as text) happens here, in typed and
 * unit-testable code, so the in-page script only places strings with `textContent`.
 *
 * Rows and cells are arrays aligned with `targets` (never objects keyed by report-derived strings), so a
 * hostile operation or target name such as `__proto__` cannot touch object prototypes on either side.
 */
export interface MatrixModel {
  readonly targets: readonly MatrixTarget[];
  readonly operations: readonly MatrixOperationRow[];
  /** The coverage of the current model by resource group, then the total; empty when no report has coverage. */
  readonly coverage: readonly MatrixCoverageRow[];
  readonly changes: readonly MatrixChangeRow[];
  /**
   * The documented behaviour rules, a row each, grouped in the catalogue's area order; empty when no report has
   * `behaviour`.
   */
  readonly behaviour: readonly MatrixRuleRow[];
}

/** One column: a report's target, with what identifies the build under test. */
export interface MatrixTarget {
  /** Unique across columns: the target name, suffixed ` #2`, ` #3`… when two reports share a name. */
  readonly id: string;
  readonly name: string;
  readonly kind: TargetKind;
  readonly endpoint: string;
  readonly version?: string;
  readonly image?: string;
  readonly sdkVersion: string;
  readonly toolVersion: string;
  readonly profile: string;
  readonly seed: number;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly summary: Report['summary'];
}

/** A deviation with every value already turned into display text. */
export interface MatrixDeviation {
  readonly check: CheckName;
  readonly kind: string;
  readonly severity: Severity;
  readonly path: string;
  readonly expected: string;
  readonly actual: string;
  readonly message: string;
  /** The minimal request, pretty-printed JSON. */
  readonly request: string;
  readonly command: string;
  readonly seed?: number;
  readonly propertyPath?: string;
  readonly occurrences: number;
  /** The behaviour rule a `behaviour` deviation breaks (its name). */
  readonly rule?: string;
}

export interface MatrixCell {
  readonly verdict: Verdict;
  readonly counts: SeverityTally;
  readonly checks: readonly CheckTally[];
  readonly deviations: readonly MatrixDeviation[];
}

export interface MatrixOperationRow {
  readonly operation: string;
  /** Aligned with `MatrixModel.targets`; `null` where that target's report has no such operation. */
  readonly cells: readonly (MatrixCell | null)[];
}

export interface MatrixChangeCell {
  readonly supported: boolean | null;
  readonly evidence: string;
  /** The shape id of the current reference that withdrew the change, if it did. */
  readonly withdrawn?: string;
}

export interface MatrixChangeRow {
  /** Stable identity of the change: the JSON array `[operation, direction, path, value]`. */
  readonly key: string;
  readonly operation: string;
  readonly direction: ChangeVerdict['direction'];
  readonly path: string;
  readonly value?: string;
  /** Aligned with `MatrixModel.targets`; `null` where that target's report did not judge this change. */
  readonly cells: readonly (MatrixChangeCell | null)[];
}

/** One target's verdict on one behaviour rule (see `BehaviourVerdict`). */
export interface MatrixRuleCell {
  readonly verdict: BehaviourVerdict['verdict'];
  /** Command sequences that judged the rule, and how many broke it. */
  readonly runs: number;
  readonly failed: number;
  /** The operations whose deviations carry the rule, sorted. */
  readonly brokenAt: readonly string[];
  /** Why no run judged it (`not-judged` only). */
  readonly reason?: string;
}

/** A row of the behaviour rules table: one documented rule, with a cell per target. */
export interface MatrixRuleRow {
  readonly rule: string;
  readonly area: string;
  /** The area's title in the catalogue (`user status lifecycle`). */
  readonly areaTitle: string;
  readonly operations: readonly string[];
  /** The rule's source shape ids, without the `com.amazonaws.cognitoidentityprovider#` namespace. */
  readonly source: readonly string[];
  /** Aligned with `MatrixModel.targets`; `null` where that target's report did not judge rules (or lacks this one). */
  readonly cells: readonly (MatrixRuleCell | null)[];
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Builds the matrix for reports in the given column order. */
export function buildMatrixModel(reports: readonly Report[]): MatrixModel {
  const targets = targetsOf(reports);
  return {
    targets,
    operations: operationNames(reports).map((operation) => ({
      operation,
      cells: reports.map((report) => cellOf(findOperation(report, operation))),
    })),
    coverage: coverageRows(reports),
    changes: changeRows(reports),
    behaviour: ruleRows(reports),
  };
}

function targetsOf(reports: readonly Report[]): MatrixTarget[] {
  const seen = new Map<string, number>();
  return reports.map((report) => {
    const count = (seen.get(report.target.name) ?? 0) + 1;
    seen.set(report.target.name, count);
    return {
      id: count === 1 ? report.target.name : `${report.target.name} #${count}`,
      name: report.target.name,
      kind: report.target.kind,
      endpoint: report.target.endpoint,
      ...(report.target.version === undefined ? {} : { version: report.target.version }),
      ...(report.target.image === undefined ? {} : { image: report.target.image }),
      sdkVersion: report.sdk.version,
      toolVersion: report.tool.version,
      profile: report.run.profile,
      seed: report.run.seed,
      startedAt: report.run.startedAt,
      durationMs: report.run.durationMs,
      summary: report.summary,
    };
  });
}

function operationNames(reports: readonly Report[]): string[] {
  const names = new Set(reports.flatMap((report) => report.operations.map((op) => op.operation)));
  return [...names].sort(compareStrings);
}

function findOperation(report: Report, operation: string): OperationReport | undefined {
  return report.operations.find((op) => op.operation === operation);
}

function cellOf(operation: OperationReport | undefined): MatrixCell | null {
  if (operation === undefined) return null;
  return {
    verdict: operation.verdict,
    counts: countSeverities(operation.deviations),
    checks: operation.checks.map((tally) => ({ check: tally.check, runs: tally.runs, failed: tally.failed })),
    deviations: [...operation.deviations].sort(compareDeviations).map(toMatrixDeviation),
  };
}

function compareDeviations(a: ReportDeviation, b: ReportDeviation): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareStrings(a.check, b.check) ||
    compareStrings(a.path, b.path)
  );
}

function toMatrixDeviation(deviation: ReportDeviation): MatrixDeviation {
  return {
    check: deviation.check,
    kind: deviation.kind,
    severity: deviation.severity,
    path: deviation.path,
    expected: displayValue(deviation.expected),
    actual: displayValue(deviation.actual),
    message: deviation.message,
    request: displayValue(deviation.request),
    command: deviation.reproduce.command,
    ...(deviation.reproduce.seed === undefined ? {} : { seed: deviation.reproduce.seed }),
    ...(deviation.reproduce.path === undefined ? {} : { propertyPath: deviation.reproduce.path }),
    occurrences: deviation.occurrences ?? 1,
    ...(deviation.rule === undefined ? {} : { rule: deviation.rule.name }),
  };
}

/**
 * Renders an expected/actual value or a request as text: pretty JSON, `(absent)` for `undefined` (an in-memory
 * report's missing member; a report read from disk has `null` there, shown as `null`). Values
 * JSON cannot represent (bigint, cycles) fall back to `String()` rather than failing the whole page.
 */
export function displayValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The behaviour rules table: a row per rule any report judged, in first-seen order (the catalogue's, when the
 * reports share one), grouped by area in the catalogue's area order.
 */
function ruleRows(reports: readonly Report[]): MatrixRuleRow[] {
  if (reports.every((report) => report.behaviour === undefined)) return [];
  const rows = new Map<string, { verdict: BehaviourVerdict; cells: (MatrixRuleCell | null)[] }>();
  reports.forEach((report, column) => {
    for (const verdict of report.behaviour ?? []) {
      const row = rows.get(verdict.rule) ?? { verdict, cells: reports.map(() => null) };
      row.cells[column] ??= {
        verdict: verdict.verdict,
        runs: verdict.runs,
        failed: verdict.failed,
        brokenAt: verdict.brokenAt,
        ...(verdict.reason !== undefined ? { reason: verdict.reason } : {}),
      };
      rows.set(verdict.rule, row);
    }
  });
  const described = [...rows.values()].map(({ verdict, cells }) => ({ area: verdict.area, verdict, cells }));
  return groupByArea(described).flatMap((group) =>
    group.items.map(({ verdict, cells }) => ({
      rule: verdict.rule,
      area: verdict.area,
      areaTitle: group.title,
      operations: verdict.operations,
      source: verdict.source.map(shortShapeId),
      cells,
    })),
  );
}

function changeRows(reports: readonly Report[]): MatrixChangeRow[] {
  const rows = new Map<string, { change: ChangeVerdict; cells: (MatrixChangeCell | null)[] }>();
  reports.forEach((report, column) => {
    for (const change of report.changes ?? []) {
      const key = changeKey(change);
      const row = rows.get(key) ?? { change, cells: reports.map(() => null) };
      row.cells[column] ??= {
        supported: change.supported,
        evidence: change.evidence,
        ...(change.withdrawn !== undefined ? { withdrawn: change.withdrawn } : {}),
      };
      rows.set(key, row);
    }
  });
  return [...rows.entries()]
    .sort(([, a], [, b]) => compareChanges(a.change, b.change))
    .map(([key, { change, cells }]) => ({
      key,
      operation: change.operation,
      direction: change.direction,
      path: change.path,
      ...(change.value === undefined ? {} : { value: change.value }),
      cells,
    }));
}

function changeKey(change: ChangeVerdict): string {
  return JSON.stringify([change.operation, change.direction, change.path, change.value ?? null]);
}

function compareChanges(a: ChangeVerdict, b: ChangeVerdict): number {
  return (
    compareStrings(a.operation, b.operation) ||
    compareStrings(a.direction, b.direction) ||
    compareStrings(a.path, b.path) ||
    compareStrings(a.value ?? '', b.value ?? '')
  );
}

/** Code-unit order: deterministic across locales, unlike `localeCompare`. */
function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
