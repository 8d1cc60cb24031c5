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

/** How to replay a finding: the fast-check seed and path when it came from a property, always a command. */
export interface Reproduction {
  readonly seed?: number;
  readonly path?: string;
  readonly command: string;
}

/** A finding placed in context: the operation, the check that made it, and the (minimal) request. */
export interface Deviation extends Finding {
  readonly operation: string;
  readonly check: string;
  readonly request: Record<string, unknown>;
  readonly reproduce: Reproduction;
  /** How many times the same finding was seen before de-duplication collapsed them. */
  readonly occurrences: number;
}
