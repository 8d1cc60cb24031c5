import type { CheckKey, CheckName } from './check-name.ts';
import type { DeviationKind, Severity } from './deviation-kind.ts';

/**
 * What a check observed, before the suite attaches where it happened. Checks return findings so they stay
 * plain functions over exchanges that can be unit-tested on recorded traffic.
 */
export interface Finding {
  readonly kind: DeviationKind;
  readonly severity: Severity;
  /** JSON pointer into the response, or into the request for request-side findings. `''` is the whole body. */
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly message: string;
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
}

/** A finding placed in context: the operation, the check that made it, and the (minimal) request. */
export interface Deviation extends Finding {
  readonly operation: string;
  readonly check: CheckName;
  readonly request: Record<string, unknown>;
  readonly reproduce: Reproduction;
  /** How many times the same finding was seen before de-duplication collapsed them. */
  readonly occurrences: number;
}
