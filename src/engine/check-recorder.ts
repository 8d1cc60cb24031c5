import {
  type ChangeVerdict,
  type CheckKey,
  type CheckName,
  checkNameOf,
  type ConformanceRecord,
  collapseDeviations,
  type Deviation,
  type Finding,
  replayRunCommand,
  NO_COVERAGE,
  NO_REQUESTS,
  type ReportTarget,
  type RequestCounts,
  reproductionCommand,
  type ReproductionTarget,
  type RuleCoverage,
  type RuleTally,
  memberPointers,
  rulePath,
} from '../deviations/index.ts';
import { answersNotImplemented, type Exchange } from '../protocol/index.ts';
import { type ExploreResult, ruleKey } from './explore.ts';

/** Stands for the run's resource prefix in reports. */
export const RUN_PREFIX_TOKEN = 'cc-<run>-';

/** Where a finding came from: the request that provoked it and, for properties, how to replay it. */
export interface FindingContext {
  readonly request: unknown;
  /** True when the request was sent raw (not through SDK serialisation). */
  readonly raw?: boolean;
  readonly seed?: number;
  readonly path?: string;
  /** How many runs produced this same finding (explorations report one minimal example per rule). */
  readonly occurrences?: number;
  /** `run` when no single request reproduces the finding: the command replays the run with its seed. */
  readonly replay?: 'request' | 'run';
  /** What shrinking the example cost (see `Reproduction.shrink`). */
  readonly shrink?: { readonly requests: number; readonly budgetReached: boolean };
}

/** The phase a request belongs to, for the report's requests per operation (see {@link RequestCounts}). */
export type RequestPhase = keyof RequestCounts;

/** How `recordExploration` turns explored inputs into reported requests. */
export interface ExplorationRecording<T> {
  readonly raw?: boolean;
  readonly replay?: 'request' | 'run';
  /** The request to report for an input (default: the input itself). */
  readonly requestOf?: (input: T, shrunk: boolean) => unknown;
}

/**
 * Collects what the checks of one test found. Each `record` call is one run of a check; a run fails when
 * it produced a finding that counts (errors and warnings, not info). The result is one record for
 * `task.meta`, already de-duplicated. Nothing is redacted here: the report writers redact where data leaves the
 * process.
 */
export class CheckRecorder {
  private readonly tallies = new Map<CheckName, { runs: number; failed: number }>();
  private readonly ruleTallies = new Map<string, { runs: number; failed: number }>();
  private readonly found: Deviation[] = [];
  private unsupportedEvidence?: string;
  private inconclusiveReason?: string;
  private changeVerdicts: ChangeVerdict[] = [];
  private completed = 0;
  private notImplemented = 0;
  private requests: RequestCounts | undefined;
  private covered: RuleCoverage | undefined;
  private readonly sentHeaders = new Set<string>();
  private readonly sentMembers = new Set<string>();

  /**
   * @param runPrefix the run's resource prefix (`cc-<runid>-`). It differs on every run, so it is replaced by
   *   `RUN_PREFIX_TOKEN` in what is reported; two runs with the same seed then report the same deviations.
   */
  constructor(
    readonly operation: string,
    private readonly target: ReportTarget & ReproductionTarget,
    private readonly run: ConformanceRecord['run'],
    private readonly runPrefix?: string,
    /**
     * When the work this recorder reports on began (`performance.now()`, ms): the test's start, which may be well
     * before the first finding opens the recorder. Each check's `durationMs` runs from here to `toRecord`.
     */
    private readonly openedAt: number = performance.now(),
  ) {}

  /** Records one run of `check` and whatever it found; returns the findings for convenience. */
  record(check: CheckName, findings: readonly Finding[], context: FindingContext): readonly Finding[] {
    this.tally(check, 1, findings.some((finding) => finding.severity !== 'info') ? 1 : 0);
    for (const finding of findings) this.report(check, finding, context);
    return findings;
  }

  /** Adds runs of a check judged elsewhere (an exploration over generated requests). */
  tally(check: CheckName, runs: number, failed: number): void {
    const tally = this.tallies.get(check) ?? { runs: 0, failed: 0 };
    tally.runs += runs;
    tally.failed += failed;
    this.tallies.set(check, tally);
  }

  /**
   * Adds runs of a documented behaviour rule (`specs/behaviour-rules.json`), judged by the `behaviour` check:
   * `runs` command sequences reached the rule and `failed` of them broke it (counts; both add up over calls). The
   * record carries the sums per rule (`ConformanceRecord.rules`), and the report sums them over the run.
   * @throws RangeError when `runs` or `failed` is not a non-negative integer, or `failed` exceeds `runs`.
   */
  tallyRule(rule: string, runs: number, failed: number): void {
    if (!Number.isInteger(runs) || !Number.isInteger(failed) || runs < 0 || failed < 0 || failed > runs)
      throw new RangeError(
        `tallyRule(${rule}): runs and failed must be integers with 0 <= failed <= runs, got ${runs} and ${failed}`,
      );
    const tally = this.ruleTallies.get(rule) ?? { runs: 0, failed: 0 };
    tally.runs += runs;
    tally.failed += failed;
    this.ruleTallies.set(rule, tally);
  }

  /** Adds one finding without counting a run (its run was tallied already). */
  report(check: CheckName, finding: Finding, context: FindingContext): void {
    this.found.push(this.toDeviation(check, finding, context));
  }

  /** Registers a check that ran without judging anything yet, so it shows with zero runs. */
  declare(check: CheckName): void {
    if (!this.tallies.has(check)) this.tallies.set(check, { runs: 0, failed: 0 });
  }

  /**
   * Counts a request sent to judge this operation, by `phase` (default `other`), and, when it got a complete
   * HTTP response, the answer (what decides `unsupported` and `inconclusive`).
   */
  sawExchange(exchange: Exchange, phase: RequestPhase = 'other'): void {
    const requests = this.requests ?? NO_REQUESTS;
    this.requests = { ...requests, [phase]: requests[phase] + 1 };
    if (exchange.status === 0 || exchange.transportError !== undefined) return;
    this.completed += 1;
    if (answersNotImplemented(exchange)) this.notImplemented += 1;
  }

  /**
   * Notes what the SDK put on the wire for this operation (see `SdkSent`): the request's header names, and, when
   * the SDK serialised the body (`serialisedBySdk`, a `send`), its members' pointers, list items and map keys as
   * `*`. A request that was never sent adds nothing.
   */
  sawSdkRequest(exchange: Exchange, serialisedBySdk: boolean): void {
    const headers = Object.keys(exchange.requestHeaders);
    if (headers.length === 0) return;
    for (const name of headers) this.sentHeaders.add(name.toLowerCase());
    if (serialisedBySdk)
      for (const pointer of memberPointers(exchange.request))
        this.sentMembers.add(rulePath(pointer, this.operation));
  }

  /** Records an exploration: its tallies, and one minimal example per broken rule with seed and path. */
  recordExploration<T>(result: ExploreResult<T>, recording: ExplorationRecording<T> = {}): void {
    for (const [check, tally] of result.tallies) this.tally(checkNameOf(check), tally.runs, tally.failed);
    for (const example of result.examples) {
      if (example.known === true && this.addOccurrences(example.check, example.finding, example.occurrences))
        continue;
      this.report(checkNameOf(example.check), example.finding, {
        request: recording.requestOf
          ? recording.requestOf(example.input, example.path !== undefined)
          : example.input,
        raw: recording.raw ?? false,
        replay: recording.replay ?? 'request',
        seed: example.seed,
        ...(example.path !== undefined ? { path: example.path } : {}),
        ...(example.shrink !== undefined ? { shrink: example.shrink } : {}),
        occurrences: example.occurrences,
      });
    }
  }

  /**
   * Counts `occurrences` more of a rule this recorder already holds an example of (same {@link ruleKey}); false
   * when it holds none.
   */
  private addOccurrences(check: CheckKey, finding: Finding, occurrences: number): boolean {
    const key = ruleKey({ check, finding });
    const index = this.found.findIndex(
      (deviation) => ruleKey({ check: deviation.check, finding: deviation }) === key,
    );
    const existing = this.found[index];
    if (existing === undefined) return false;
    this.found[index] = { ...existing, occurrences: (existing.occurrences ?? 1) + occurrences };
    return true;
  }

  /** Adds to what the coverage phase exercised (counts; see {@link RuleCoverage}). */
  cover(part: Partial<RuleCoverage>): void {
    const covered = this.covered ?? NO_COVERAGE;
    this.covered = {
      rules: covered.rules + (part.rules ?? 0),
      exercised: covered.exercised + (part.exercised ?? 0),
      boundaries: covered.boundaries + (part.boundaries ?? 0),
      boundariesExercised: covered.boundariesExercised + (part.boundariesExercised ?? 0),
      pinned: covered.pinned + (part.pinned ?? 0),
      unbreakable: covered.unbreakable + (part.unbreakable ?? 0),
    };
  }

  markUnsupported(evidence: string): void {
    this.unsupportedEvidence ??= evidence;
  }

  markInconclusive(reason: string): void {
    this.inconclusiveReason ??= reason;
  }

  addChangeVerdicts(verdicts: readonly ChangeVerdict[]): void {
    this.changeVerdicts = [...this.changeVerdicts, ...verdicts];
  }

  get deviations(): readonly Deviation[] {
    return this.found;
  }

  /**
   * The one record of this test for `task.meta`: check tallies sorted by check, deviations collapsed by identity
   * (a behaviour deviation's rule is part of it, so two rules broken at one place stay two), and the optional parts
   * only when there is something: `rules` (sorted by rule name) once {@link tallyRule} was called.
   */
  toRecord(): ConformanceRecord {
    return {
      operation: this.operation,
      target: {
        kind: this.target.kind,
        name: this.target.name,
        endpoint: this.target.endpoint,
        ...versionFields(this.target),
      },
      run: this.run,
      completedExchanges: this.completed,
      notImplementedAnswers: this.notImplemented,
      checks: [...this.tallies]
        .map(([check, tally]) => ({
          check,
          ...tally,
          durationMs: Math.round(performance.now() - this.openedAt),
        }))
        .sort((a, b) => a.check.localeCompare(b.check)),
      deviations: collapseDeviations(this.found),
      ...(this.unsupportedEvidence ? { unsupported: this.unsupportedEvidence } : {}),
      ...(this.inconclusiveReason ? { inconclusive: this.inconclusiveReason } : {}),
      ...(this.changeVerdicts.length > 0 ? { changes: this.changeVerdicts } : {}),
      ...(this.ruleTallies.size > 0 ? { rules: this.ruleTallyList() } : {}),
      ...(this.covered ? { coverage: this.covered } : {}),
      ...(this.requests ? { requests: this.requests } : {}),
      ...(this.sentHeaders.size > 0
        ? { sdkSent: { headers: [...this.sentHeaders].sort(), members: [...this.sentMembers].sort() } }
        : {}),
    };
  }

  /** The behaviour rules tallied, sorted by name (code-unit order, the same in every locale). */
  private ruleTallyList(): RuleTally[] {
    return [...this.ruleTallies]
      .map(([rule, tally]) => ({ rule, ...tally }))
      .sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  }

  private toDeviation(check: CheckName, finding: Finding, context: FindingContext): Deviation {
    const request = isObject(context.request) ? context.request : {};
    return this.withoutRunPrefix({
      ...finding,
      operation: this.operation,
      check,
      request,
      reproduce: {
        ...(context.seed !== undefined ? { seed: context.seed } : {}),
        ...(context.path !== undefined ? { path: context.path } : {}),
        ...(context.shrink !== undefined ? { shrink: context.shrink } : {}),
        command:
          context.replay === 'run'
            ? replayRunCommand(this.target, this.operation, this.run.seed)
            : reproductionCommand(this.target, this.operation, request, { raw: context.raw ?? false }),
      },
      occurrences: context.occurrences ?? 1,
    });
  }

  private withoutRunPrefix(deviation: Deviation): Deviation {
    const prefix = this.runPrefix;
    if (!prefix) return deviation;
    return JSON.parse(
      JSON.stringify(deviation, (_key, value: unknown) =>
        typeof value === 'string' ? value.split(prefix).join(RUN_PREFIX_TOKEN) : value,
      ),
    ) as Deviation;
  }
}

function versionFields(target: ReportTarget): Pick<ReportTarget, 'emulator' | 'version' | 'image'> {
  return {
    ...(target.emulator ? { emulator: target.emulator } : {}),
    ...(target.version ? { version: target.version } : {}),
    ...(target.image ? { image: target.image } : {}),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
