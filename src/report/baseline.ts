import {
  type Baseline,
  type BaselineEntry,
  baselineEntryIdentity,
  deviationIdentity,
  identityOf,
  isBlocking,
  isoDay,
  isUnreviewed,
  type LocatedDeviation,
  locateDeviations,
  Normaliser,
  readBaseline,
  type Report,
  type ReportDeviation,
  UNREVIEWED_REASON,
} from '../deviations/index.ts';

export interface AcceptedDeviation extends LocatedDeviation {
  readonly entry: BaselineEntry;
}

/** A report judged against a baseline: accepted, new, expired and no longer seen. */
export interface BaselineResult {
  /** Blocking (`error`/`warning`) deviations no live entry accepts: these fail the run. */
  readonly newDeviations: readonly LocatedDeviation[];
  /** Deviations (any severity) a live entry accepts. */
  readonly accepted: readonly AcceptedDeviation[];
  /** This target's entries past their expiry date: they accept nothing and should be renewed or removed. */
  readonly expired: readonly BaselineEntry[];
  /** This target's live entries that matched nothing: the deviation is gone, the entry can go too. */
  readonly fixed: readonly BaselineEntry[];
  /**
   * This target's live entries whose reason was never filled in ({@link isUnreviewed}): they accept deviations,
   * but nobody has said why, so every output names them.
   */
  readonly unreviewed: readonly BaselineEntry[];
  /** Whether `fixed` was judged at all: a shard's report cannot say (see `applyBaseline`'s `judgeFixed`). */
  readonly fixedJudged: boolean;
}

/**
 * Splits a report's deviations by the baseline for its target. `today` (a `YYYY-MM-DD` string, or a `Date`
 * taken in UTC) decides expiry: an entry is live up to and including its `expires` day.
 */
export function applyBaseline(
  report: Report,
  baseline: Baseline,
  today: string | Date,
  options: {
    /**
     * Whether entries no deviation matched are `fixed` (default true). A shard's report cannot say: the other
     * shards may hold those deviations, so only the merged report judges it.
     */
    readonly judgeFixed?: boolean;
  } = {},
): BaselineResult {
  const day = isoDay(today);
  const mine = baseline.entries.filter((entry) => entry.target === report.target.name);
  const isExpired = (entry: BaselineEntry): boolean => entry.expires !== undefined && entry.expires < day;
  const expired = mine.filter(isExpired);
  const live = new Map(
    mine.filter((entry) => !isExpired(entry)).map((entry) => [deviationIdentity(entry), entry]),
  );
  const matched = new Set<BaselineEntry>();
  const accepted: AcceptedDeviation[] = [];
  const newDeviations: LocatedDeviation[] = [];
  for (const located of locateDeviations(report)) {
    const entry = live.get(identityOf(located));
    if (entry !== undefined) {
      matched.add(entry);
      accepted.push({ ...located, entry });
    } else if (isBlocking(located.deviation)) {
      newDeviations.push(located);
    }
  }
  // An entry for an operation this run did not judge (--ops, --shard, or unsupported or inconclusive here) is
  // not judged, let alone fixed.
  const judged = new Set(
    report.operations
      .filter((op) => op.verdict === 'conformant' || op.verdict === 'deviates')
      .map((op) => op.operation),
  );
  const fixed =
    options.judgeFixed === false
      ? []
      : [...live.values()].filter((entry) => !matched.has(entry) && judged.has(entry.operation));
  // Only the entries this run could use: an --ops run is not told about every other operation's entries.
  const ran = new Set(report.operations.map((op) => op.operation));
  const unreviewed = [...live.values()].filter((entry) => isUnreviewed(entry) && ran.has(entry.operation));
  return { newDeviations, accepted, expired, fixed, unreviewed, fixedJudged: options.judgeFixed !== false };
}

/**
 * The process exit code for a finished run: 1 when a blocking (`error`/`warning`) deviation is not accepted —
 * by the baseline when one is given (then only new ones count), else any — and 0 otherwise. An unsupported
 * operation fails the run only through its `unsupported` deviation, which a baseline may accept. (Exit code 2,
 * for usage errors and tool failures, is the CLI's.)
 */
export function exitCodeFor(report: Report, baselineResult?: BaselineResult): 0 | 1 {
  if (baselineResult !== undefined) return baselineResult.newDeviations.length > 0 ? 1 : 0;
  return locateDeviations(report).some((located) => isBlocking(located.deviation)) ? 1 : 0;
}

/**
 * A baseline accepting every blocking deviation of `report`, one entry per identity, sorted, with volatile
 * parts of paths tokenised — a starting point for review, never to be committed unread (hence the reason).
 */
export function writeBaseline(report: Report, reason: string = UNREVIEWED_REASON): Baseline {
  const blocking = locateDeviations(report).filter((located) => isBlocking(located.deviation));
  return { version: 1, entries: baselineEntries(report.target.name, blocking, reason) };
}

/**
 * Baseline entries for chosen deviations of one target (e.g. a `BaselineResult`'s new ones), deduplicated and
 * sorted; a behaviour deviation's entry names its rule (`rule: { name }`), which its identity includes.
 */
export function baselineEntries(
  target: string,
  deviations: readonly LocatedDeviation[],
  reason: string = UNREVIEWED_REASON,
): BaselineEntry[] {
  const entries = new Map<string, BaselineEntry>();
  for (const { operation, deviation } of deviations) {
    const { check, kind, path, rule } = deviation;
    const entry: BaselineEntry = {
      target,
      operation,
      check,
      kind,
      path: new Normaliser().string(path),
      // A behaviour deviation's rule is part of its identity: without it the entry would match nothing.
      ...(rule === undefined ? {} : { rule: { name: rule.name } }),
      reason,
    };
    entries.set(baselineEntryIdentity(entry), entry);
  }
  return [...entries.values()].sort(compareEntries);
}

/** The baseline file's text: two-space indented, trailing newline. */
export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Reads and validates a baseline file (see `readBaseline`); every problem is named with the file and the entry. */
export async function loadBaseline(path: string): Promise<Baseline> {
  return readBaseline(path);
}

/**
 * Whether a report deviation is one the baseline result accepts, by identity. Used by the outputs that mark each
 * deviation `new` or `accepted`.
 */
export function acceptedEntryFor(
  result: BaselineResult,
  operation: string,
  deviation: ReportDeviation,
): BaselineEntry | undefined {
  // By identity, not by object: the report an output renders is a redacted copy of the one the gate judged.
  const identity = identityOf({ operation, deviation });
  return result.accepted.find((accepted) => identityOf(accepted) === identity)?.entry;
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const keys = (e: BaselineEntry): string[] => [
    e.target,
    e.operation,
    e.check,
    e.kind,
    e.path,
    e.rule?.name ?? '',
  ];
  const [ka, kb] = [keys(a), keys(b)];
  for (let i = 0; i < ka.length; i += 1) {
    const order = (ka[i] ?? '').localeCompare(kb[i] ?? '', 'en');
    if (order !== 0) return order;
  }
  return 0;
}
