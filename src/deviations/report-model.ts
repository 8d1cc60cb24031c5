import type { CheckName } from './check-name.ts';
import type { ReportDeviation } from './deviation.ts';

/*
 * The report file (`report.json`), schema version 1. `specs/operations/report.schema.json` is its JSON Schema
 * (validated by `validateReport` in src/report); any change here must change that schema and `schemaVersion`
 * with it.
 */

/** How a target was reached: started by the suite (`embedded`, `container`), given (`endpoint`), or real AWS. */
export type TargetKind = 'embedded' | 'endpoint' | 'aws' | 'container';

/**
 * An operation's verdict, decided by `verdictFor`:
 * - `conformant`: no deviation of severity `error` or `warning` (`info` notes allowed);
 * - `deviates`: at least one `error` or `warning`;
 * - `unsupported`: the target answered that it does not implement the operation (one verdict, no cascade);
 * - `inconclusive`: nothing could be judged (only transport failures, refused set-up, throttling).
 */
export type Verdict = 'conformant' | 'deviates' | 'unsupported' | 'inconclusive';

/** What was tested: the report's `target`. */
export interface ReportTarget {
  readonly kind: TargetKind;
  /** The target's name: the emulator (`cognito-local`, `moto`), `aws`, or `endpoint <host:port>`. */
  readonly name: string;
  /** The base URL requests went to (`http://127.0.0.1:9229`); the AWS regional endpoint for `aws`. */
  readonly endpoint: string;
  /** The emulator, where known (`cognito-local`, `moto`, `localstack`); `name` may be the user's own. */
  readonly emulator?: string;
  /** The emulator release, where known (`5.3.0`). */
  readonly version?: string;
  /** The container image that ran, for container targets (`jagregory/cognito-local:5.3.0`). */
  readonly image?: string;
}

/** An operation a run did not judge, and why: `not selected (--ops)` or `run by another shard (1/2)`. */
export interface NotRun {
  readonly operation: string;
  readonly reason: string;
}

/** How many runs (generated requests, sequences or calls) one check judged on one operation, and how many failed. */
export interface CheckTally {
  readonly check: CheckName;
  /** Runs judged (a count). */
  readonly runs: number;
  /** Runs with at least one finding of severity `error` or `warning` (a count, at most `runs`). */
  readonly failed: number;
  /**
   * Wall time, in milliseconds, of the tests that judged this check on this operation, each counted from when it
   * had its turn on the target to when it published its findings (JUnit's test case `time`). Checks judged in one
   * test share that test's time. Absent in reports of earlier versions.
   */
  readonly durationMs?: number;
}

/**
 * How much of an operation's request schema the deterministic coverage phase exercised (counts). A rule is a
 * breakable rule of the request schema (a required member, a member's JSON type, an enum, a bound, a length, an
 * item count, a pattern); it is exercised when the request breaking it got a 2xx or 4xx answer (a 5xx is judged,
 * and is a finding, but says nothing about whether the target checks the rule).
 * Boundaries are the valid side of bounds and enums (exactly min, exactly max, each enum value).
 */
export interface RuleCoverage {
  /** Breakable rules in the spec's request schema. */
  readonly rules: number;
  /** Of those, broken once and answered with a 2xx or 4xx. */
  readonly exercised: number;
  /** Valid-side boundary cases sent. */
  readonly boundaries: number;
  /** Of those, answered with a 2xx or 4xx. */
  readonly boundariesExercised: number;
  /** Boundary cases not sent because the operation's fix-up pins the member (a live id, a required setting). */
  readonly pinned: number;
  /** Rules that cannot be broken without breaking another (not counted in `rules`). */
  readonly unbreakable: number;
}

/** Requests sent for an operation, by phase: coverage, random exploration, shrinking, and every other scenario. */
export interface RequestCounts {
  readonly coverage: number;
  readonly exploration: number;
  readonly shrinking: number;
  /** Round trips, stateful sequences, auth flows, unknown ids, change probes. */
  readonly other: number;
}

/** One operation's part of the report: its verdict, what was judged, and its deviations (most severe first). */
export interface OperationReport {
  readonly operation: string;
  readonly verdict: Verdict;
  /**
   * Why an `unsupported` or `inconclusive` operation could not be judged, or (for a `deviates` one) what part of it
   * could not (a positive path that needs a code sent by email), in the suite's own words.
   */
  readonly reason?: string;
  readonly checks: readonly CheckTally[];
  /** Present once the coverage phase ran for the operation. */
  readonly coverage?: RuleCoverage;
  /** Requests sent to judge this operation (set-up excluded), by phase. */
  readonly requests?: RequestCounts;
  /** What the SDK sent for this operation; present once a request went through it. */
  readonly sdkSent?: SdkSent;
  readonly deviations: readonly ReportDeviation[];
}

/**
 * What the SDK put on the wire for one operation, over every request it sent: the request header names (lower
 * case), and the JSON pointers of the members it serialised (`*` for list items and map keys), both sorted. Only
 * requests the SDK serialised add members; raw requests (the suite's own bodies) add header names only. Two runs
 * with the same seed send the same inputs, so a difference between two SDK versions is the SDK's.
 */
export interface SdkSent {
  readonly headers: readonly string[];
  readonly members: readonly string[];
}

/** One verdict per change the document announces ("does this target support the 2018-02-12 changes?"). */
export interface ChangeVerdict {
  readonly operation: string;
  readonly direction: 'request' | 'response' | 'operation';
  readonly path: string;
  readonly value?: string;
  /** `true` supported, `false` not, `null` undetermined (or withdrawn). */
  readonly supported: boolean | null;
  readonly evidence: string;
  /**
   * Set when the current reference withdrew the change (the shape id that says so): it is not run, and never
   * counts against the target.
   */
  readonly withdrawn?: string;
}

/**
 * Counts of the current model's operations (one resource group's, or all of them) by what the run made of
 * each: every operation is counted once, under its verdict or as not run.
 */
export interface CoverageCounts {
  /** Operations of the model (in the group). */
  readonly operations: number;
  /** Judged and not `unsupported`: `conformant` + `deviating` + `inconclusive` (the target did not say no). */
  readonly implemented: number;
  readonly conformant: number;
  readonly deviating: number;
  readonly unsupported: number;
  readonly inconclusive: number;
  /**
   * Not run by this run: `--ops` or the shard left it out (`run.notRun`), or the report's tool had no spec for it
   * (a report of an earlier version, which judged fewer operations).
   */
  readonly notRun: number;
}

/** One resource group's coverage: its counts and the model's operations in it. */
export interface GroupCoverage extends CoverageCounts {
  /** The resource group (`pools`, `app clients`, …; see `RESOURCE_GROUPS` in src/spec). */
  readonly group: string;
  /** The group's operations in the model, sorted: what `operations` counts. */
  readonly operationNames: readonly string[];
}

/**
 * How much of the current Smithy model (`specs/operations/`, every operation of the service) the run covered, per
 * resource group (in `RESOURCE_GROUPS` order) and in total. Judged operations outside the model count nowhere.
 */
export interface ModelCoverage {
  readonly total: CoverageCounts;
  readonly groups: readonly GroupCoverage[];
}

/**
 * One operation's drift record in counts: what the current reference adds, removes or changes against the page
 * its spec comes from (the spec's `drift`, `specs/operations/<Operation>.json`, which lists each difference).
 * Counts of entries: members, required flags, constraints (types, lengths, ranges, counts, patterns) and enum
 * values, modeled errors.
 */
export interface SpecDriftSummary {
  readonly operation: string;
  /** The file names of the page the spec comes from and of the current reference it is compared with. */
  readonly documents: { readonly page: string; readonly model: string };
  /** Request and response members the model adds. */
  readonly added: number;
  /** Request and response members the page has and the model no longer has. */
  readonly removed: number;
  /** Members required on one side only. */
  readonly requiredChanged: number;
  /** Types, lengths, ranges, item or property counts and patterns stated otherwise. */
  readonly constraints: number;
  readonly enumValuesAdded: number;
  readonly enumValuesRemoved: number;
  readonly errorsAdded: number;
  readonly errorsRemoved: number;
  /**
   * Of the differences a verdict depends on, how many the suite still judges by the page (the spec holds the
   * page's statement); the later document stands for the rest.
   */
  readonly judgedByPage: number;
}

/**
 * The report of one run against one target (`report.json`): what was tested with what (tool, target, SDK,
 * spec documents, profile and seed), a summary of verdicts, one {@link OperationReport} per operation sorted by
 * name, and the verdicts on the changes the documents announce. Durations are milliseconds; `startedAt` is an
 * ISO 8601 UTC timestamp.
 */
export interface Report {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'cognito-conformance'; readonly version: string };
  readonly target: ReportTarget;
  readonly sdk: { readonly version: string };
  readonly spec: {
    readonly documents: readonly string[];
    readonly operations: number;
    /**
     * Per operation of the specs (sorted by name, every one, whether the run judged it or not), how far the
     * current reference has drifted from its page. Absent in reports of earlier versions.
     */
    readonly drift?: readonly SpecDriftSummary[];
  };
  readonly run: {
    readonly profile: string;
    readonly seed: number;
    readonly startedAt: string;
    readonly durationMs: number;
    /**
     * Operations the specs hold that this run did not judge, each with why (`--ops` left it out, or another shard
     * runs it). Absent when the run judged every operation.
     */
    readonly notRun?: readonly NotRun[];
    /** The shard (`1/2`) when the run was one: its operations show only the tests it ran. */
    readonly shard?: string;
  };
  readonly summary: {
    readonly operations: number;
    readonly conformant: number;
    readonly deviating: number;
    readonly unsupported: number;
    readonly inconclusive: number;
    readonly deviations: number;
  };
  readonly operations: readonly OperationReport[];
  /**
   * The run's coverage of the current model, by resource group. Present when the run knew the model (the
   * reporter passes it); absent in reports of earlier versions.
   */
  readonly coverage?: ModelCoverage;
  /** Present once the `changes` check ran. */
  readonly changes?: readonly ChangeVerdict[];
  /**
   * One verdict per documented behaviour rule of `specs/behaviour-rules.json`, in catalogue order. Present once the
   * `behaviour` check ran.
   */
  readonly behaviour?: readonly BehaviourVerdict[];
  /**
   * What the run could not do that no verdict shows, one sentence each; present only when there is something. A
   * clean-up sweep that could not list or delete the target's pools says so here, naming the prefix of what may be
   * left behind.
   */
  readonly warnings?: readonly string[];
}

/** How many runs (command sequences) judged one behaviour rule, and how many broke it (counts). */
export interface RuleTally {
  /** The rule's name in `specs/behaviour-rules.json`. */
  readonly rule: string;
  readonly runs: number;
  readonly failed: number;
}

/**
 * One behaviour rule's verdict on the target: `holds` (judged, never broken), `broken` (a deviation of severity error
 * or warning carries it, or a command sequence broke it) or `not-judged` (no run reached it). `reason` says why a rule
 * was not judged (an operation the target does not implement, none of its operations in the run, a state no
 * sequence reached), or why a broken one lists no operation in `brokenAt`.
 */
export interface BehaviourVerdict {
  readonly rule: string;
  /** The rule's area (`status`, `enabled`, `challenges`, …). */
  readonly area: string;
  readonly operations: readonly string[];
  /** The shape ids the rule comes from (`com.amazonaws.cognitoidentityprovider#AdminDisableUser`). */
  readonly source: readonly string[];
  readonly verdict: 'holds' | 'broken' | 'not-judged';
  /** Command sequences that judged the rule, and how many of them broke it. */
  readonly runs: number;
  readonly failed: number;
  /** The operations whose deviations carry the rule, sorted. */
  readonly brokenAt: readonly string[];
  readonly reason?: string;
}
