import {
  type BehaviourVerdict,
  type ConformanceRecord,
  isBlocking,
  type LocatedDeviation,
  type OperationReport,
  type Report,
} from '../deviations/index.ts';
import { type BehaviourCatalogue, loadBehaviourCatalogue } from '../spec/index.ts';

/**
 * The area a verdict carries when its rule is not in the catalogue the report was built with (a record or a
 * deviation naming a rule another version of the suite knew). Such verdicts come after the catalogue's.
 */
export const UNCATALOGUED_AREA = 'uncatalogued';

/** The `reason` of a rule no command sequence reached, when the target implements what the run judged of it. */
export const NOT_REACHED_REASON =
  'no command sequence reached the state it needs (an earlier answer of the target kept the model from getting there)';

/** Why a rule none of whose operations the report has was not judged. */
export const NOT_IN_RUN_REASON = 'none of its operations is in this run (--ops, or another shard)';

/** Why a broken rule lists no operation: its deviations are at operations the report shows no deviation of. */
export const BROKEN_UNREPORTED_REASON =
  'broken where the report shows no deviation: at an operation the run does not report (--ops), or one the target does not implement';

/** The namespace of the current model's shape ids, which the Markdown and HTML outputs leave out. */
export const SHAPE_NAMESPACE = 'com.amazonaws.cognitoidentityprovider#';

/** A shape id as people read it: without {@link SHAPE_NAMESPACE} (`AdminDisableUser`, `UserType$UserStatus`). */
export function shortShapeId(shape: string): string {
  return shape.startsWith(SHAPE_NAMESPACE) ? shape.slice(SHAPE_NAMESPACE.length) : shape;
}

/**
 * The report's `behaviour`: one {@link BehaviourVerdict} per rule of the catalogue, in catalogue order, then one per
 * rule the records or deviations name that the catalogue lacks ({@link UNCATALOGUED_AREA}, by name). Undefined when
 * the `behaviour` check did not run: no record has `rules` and no record holds a `behaviour` deviation.
 * - `runs` and `failed` sum the records' rule tallies (`ConformanceRecord.rules`) over the whole run;
 * - `broken` when a deviation of severity `error` or `warning` in `operations` (the report's, after collapsing and
 *   an unsupported operation's one deviation) carries the rule; `brokenAt` holds those deviations' operations,
 *   sorted; else `holds` when any run judged the rule; else `not-judged` with a reason (see {@link notJudgedReason}).
 * @param catalogue the rule catalogue; read from `specs/behaviour-rules.json` only when the check ran and none is
 *   given.
 * @throws Error when the committed catalogue must be read and cannot be (see `loadBehaviourCatalogue`).
 */
export function behaviourVerdicts(
  records: readonly ConformanceRecord[],
  operations: readonly OperationReport[],
  catalogue?: BehaviourCatalogue,
): BehaviourVerdict[] | undefined {
  const ran = records.some(
    (record) =>
      record.rules !== undefined || record.deviations.some((deviation) => deviation.check === 'behaviour'),
  );
  if (!ran) return undefined;
  const rules = catalogue ?? loadBehaviourCatalogue();
  const tallies = new Map<string, { runs: number; failed: number }>();
  for (const tally of records.flatMap((record) => record.rules ?? [])) {
    const sum = tallies.get(tally.rule) ?? { runs: 0, failed: 0 };
    sum.runs += tally.runs;
    sum.failed += tally.failed;
    tallies.set(tally.rule, sum);
  }
  const carrying = ruleDeviations(operations);
  const known = new Set(rules.rules.map((rule) => rule.name));
  const others = [...new Set([...tallies.keys(), ...carrying.keys()])].filter((name) => !known.has(name));
  const described = [
    ...rules.rules.map((rule) => ({
      rule: rule.name,
      area: rule.area,
      operations: [...rule.operations],
      source: rule.source.map((source) => source.shape),
    })),
    ...others.sort(compareStrings).map((name) => {
      const located = carrying.get(name) ?? [];
      return {
        rule: name,
        area: UNCATALOGUED_AREA,
        operations: sortedUnique(located.map((entry) => entry.operation)),
        source: [...new Set(located.flatMap((entry) => entry.deviation.rule?.source ?? []))],
      };
    }),
  ];
  return described.map((rule) => {
    const { runs, failed } = tallies.get(rule.rule) ?? { runs: 0, failed: 0 };
    const brokenAt = sortedUnique(
      (carrying.get(rule.rule) ?? [])
        .filter((entry) => isBlocking(entry.deviation))
        .map((entry) => entry.operation),
    );
    // A sequence that broke the rule counts even where the report shows no deviation of it: one folded into an
    // operation's `unsupported` verdict, or one of an operation the run does not report (`--ops`).
    const verdict = brokenAt.length > 0 || failed > 0 ? 'broken' : runs > 0 ? 'holds' : 'not-judged';
    const reason =
      verdict === 'not-judged'
        ? notJudgedReason(rule.operations, operations)
        : verdict === 'broken' && brokenAt.length === 0
          ? BROKEN_UNREPORTED_REASON
          : undefined;
    return { ...rule, verdict, runs, failed, brokenAt, ...(reason !== undefined ? { reason } : {}) };
  });
}

/**
 * Why no run judged a rule: `the target does not implement <operations>` when any operation of the rule is
 * `unsupported`, naming those; {@link NOT_IN_RUN_REASON} when the report has none of its operations; otherwise
 * {@link NOT_REACHED_REASON}.
 */
export function notJudgedReason(
  ruleOperations: readonly string[],
  operations: readonly OperationReport[],
): string {
  const verdicts = new Map(operations.map((op) => [op.operation, op.verdict]));
  const unsupported = ruleOperations.filter((operation) => verdicts.get(operation) === 'unsupported');
  if (unsupported.length > 0) return `the target does not implement ${unsupported.join(', ')}`;
  if (!ruleOperations.some((operation) => verdicts.has(operation))) return NOT_IN_RUN_REASON;
  return NOT_REACHED_REASON;
}

/**
 * Merges the behaviour verdicts of shards of one run, for `mergeReports`: per rule (in first-seen order, which is
 * catalogue order when the shards share a catalogue), runs and failures add up, `brokenAt` is the sorted union,
 * and `broken` wins over `holds`, which wins over `not-judged`; a rule still not judged gets its reason again from
 * the merged `operations`. Undefined when no shard has `behaviour`.
 */
export function mergeBehaviourVerdicts(
  reports: readonly Report[],
  operations: readonly OperationReport[],
): BehaviourVerdict[] | undefined {
  if (reports.every((report) => report.behaviour === undefined)) return undefined;
  const merged = new Map<string, BehaviourVerdict>();
  for (const verdict of reports.flatMap((report) => report.behaviour ?? [])) {
    const seen = merged.get(verdict.rule);
    merged.set(
      verdict.rule,
      seen === undefined
        ? verdict
        : {
            ...seen,
            verdict:
              VERDICT_RANK[verdict.verdict] < VERDICT_RANK[seen.verdict] ? verdict.verdict : seen.verdict,
            runs: seen.runs + verdict.runs,
            failed: seen.failed + verdict.failed,
            brokenAt: sortedUnique([...seen.brokenAt, ...verdict.brokenAt]),
          },
    );
  }
  return [...merged.values()].map((verdict) => {
    const { reason: _reason, ...rest } = verdict;
    return verdict.verdict === 'not-judged'
      ? { ...rest, reason: notJudgedReason(verdict.operations, operations) }
      : rest;
  });
}

const VERDICT_RANK: Readonly<Record<BehaviourVerdict['verdict'], number>> = {
  broken: 0,
  holds: 1,
  'not-judged': 2,
};

/** The report's deviations that carry a behaviour rule, by rule name. */
export function ruleDeviations(operations: readonly OperationReport[]): Map<string, LocatedDeviation[]> {
  const byRule = new Map<string, LocatedDeviation[]>();
  for (const op of operations)
    for (const deviation of op.deviations) {
      const name = deviation.rule?.name;
      if (name === undefined) continue;
      byRule.set(name, [...(byRule.get(name) ?? []), { operation: op.operation, deviation }]);
    }
  return byRule;
}

/**
 * How many rules hold, are broken and were not judged: the console's one line and the Markdown section's opening.
 */
export function behaviourCounts(verdicts: readonly BehaviourVerdict[]): {
  readonly holds: number;
  readonly broken: number;
  readonly notJudged: number;
} {
  const count = (verdict: BehaviourVerdict['verdict']) =>
    verdicts.filter((v) => v.verdict === verdict).length;
  return { holds: count('holds'), broken: count('broken'), notJudged: count('not-judged') };
}

/** The verdicts of one behaviour area, as the outputs group them: the area, its title, its rules' verdicts. */
export interface BehaviourAreaGroup<T> {
  readonly area: string;
  /** The catalogue's title (`user status lifecycle`); the area itself for an area the catalogue lacks. */
  readonly title: string;
  readonly items: readonly T[];
}

/**
 * `items` grouped by area, in the catalogue's area order (areas it lacks after, in first-seen order), each group
 * keeping the items' order.
 * @param catalogue the catalogue whose areas give the order and titles; the committed one by default.
 * @throws Error when the committed catalogue must be read and cannot be (see `loadBehaviourCatalogue`).
 */
export function groupByArea<T extends { readonly area: string }>(
  items: readonly T[],
  catalogue: BehaviourCatalogue = loadBehaviourCatalogue(),
): BehaviourAreaGroup<T>[] {
  const titles = new Map(catalogue.areas.map((area) => [area.area, area.title]));
  titles.set(UNCATALOGUED_AREA, 'rules not in the catalogue');
  const order = [
    ...new Set([...catalogue.areas.map((area) => area.area), ...items.map((item) => item.area)]),
  ];
  return order
    .map((area) => ({
      area,
      title: titles.get(area) ?? area,
      items: items.filter((item) => item.area === area),
    }))
    .filter((group) => group.items.length > 0);
}

function sortedUnique(items: readonly string[]): string[] {
  return [...new Set(items)].sort(compareStrings);
}

/** Code-unit order: deterministic across locales, unlike `localeCompare`. */
function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
