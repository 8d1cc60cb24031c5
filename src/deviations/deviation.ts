import type { CheckKey, CheckName } from './check-name.ts';
import type { DeviationKind, Severity } from './deviation-kind.ts';

/**
 * What a check observed, before the suite attaches where it happened. Checks return findings so they stay
 * plain functions over exchanges that can be unit-tested on recorded traffic.
 */
export interface Finding {
  readonly kind: DeviationKind;
  /** `error` and `warning` make the operation deviate (and fail a gate); `info` is a note. */
  readonly severity: Severity;
  /**
   * JSON pointer into the response, or into the request for request-side kinds (`accepted-invalid` points at
   * the member that was broken); `/$headers/<name>` and `/$status` for the envelope; `''` for the whole body.
   */
  readonly path: string;
  /** What the documents say should be there (a JSON Schema fragment, a value, or a description). */
  readonly expected: unknown;
  /** What the target sent (the wire value, or a description of it). */
  readonly actual: unknown;
  /** One line for people. */
  readonly message: string;
  /**
   * The documented behaviour rule the finding breaks (`behaviour` check only): its name in
   * `specs/behaviour-rules.json` and the shape ids of its sources. Part of the deviation's identity.
   */
  readonly rule?: RuleRef;
}

/** A behaviour rule as a finding names it: `name` (`disabled-user-cannot-sign-in`) and its source shape ids. */
export interface RuleRef {
  readonly name: string;
  readonly source: readonly string[];
}

/** A finding together with the check (or stateful key) that made it: what the engine explores and shrinks. */
export interface CheckedFinding {
  readonly check: CheckKey;
  readonly finding: Finding;
}

/** What one evaluation of one generated input judged: the checks that ran on it, and what they found. */
export interface Evaluation {
  readonly judged: readonly CheckKey[];
  readonly findings: readonly CheckedFinding[];
}

/** How to replay a finding: the fast-check seed and path when it came from a property, always a command. */
export interface Reproduction {
  readonly seed?: number;
  readonly path?: string;
  readonly command: string;
  /**
   * Set when the example was shrunk: the attempts shrinking made (`requests`: one request each for the
   * per-operation checks, a whole write-then-read cycle or command sequence for round trips and stateful runs),
   * and `budgetReached` when the profile's shrink budget stopped it (the request is then the smallest found, not
   * necessarily minimal). Coverage-phase examples are minimal by construction and carry none.
   */
  readonly shrink?: { readonly requests: number; readonly budgetReached: boolean };
}

/**
 * One broken rule of one operation, as the report shows it under its operation (`report.json`): a finding with
 * the check that made it, the minimal request that shows it and how to replay it. Its identity is its
 * operation (the enclosing `OperationReport`), `check`, `kind` and `path`. In a written report, volatile values
 * are numbered tokens (`<pool-id:1>`), secrets are `<redacted:NAME>`, and the run's prefix is `cc-<run>-`.
 */
export interface ReportDeviation extends Finding {
  readonly check: CheckName;
  /** The minimal request that shows it (shrunk by fast-check where it came from a property). */
  readonly request: Record<string, unknown>;
  /** How to replay it: the fast-check seed and path, and a command. */
  readonly reproduce: Reproduction;
  /** How many runs broke this rule before they were collapsed into this one deviation (default 1). */
  readonly occurrences?: number;
}

/** A {@link ReportDeviation} with its operation, as a run records it before the report groups by operation. */
export interface Deviation extends ReportDeviation {
  readonly operation: string;
  /** How many times the same finding was seen before de-duplication collapsed them. */
  readonly occurrences: number;
}
