import type { Severity } from './deviation-kind.ts';
import type { ReportDeviation } from './deviation.ts';
import type { OperationReport, Report, Verdict } from './report-model.ts';

/** What the runner knows about an operation beyond its deviations. */
export interface VerdictInputs {
  /**
   * The target said it does not implement the operation (an unknown-operation error, or an `unsupported`
   * finding from the probe). Overrides everything else: there is nothing to judge.
   */
  readonly unsupported: boolean;
  /**
   * No exchange for this operation completed at the HTTP level: every attempt failed below HTTP (reset,
   * timeout, refused, truncated stream), or none was made. When this holds and the only deviations are of
   * kind `transport` (or there are none), the run has no evidence either way.
   */
  readonly transportOnly: boolean;
}

/** Severities that make an operation deviate (and, unless accepted by a baseline, fail the run). */
export const BLOCKING_SEVERITIES: ReadonlySet<Severity> = new Set(['error', 'warning']);

/** Whether a deviation counts against conformance (`error` or `warning`; `info` never does). */
export function isBlocking(deviation: Pick<ReportDeviation, 'severity'>): boolean {
  return BLOCKING_SEVERITIES.has(deviation.severity);
}

/**
 * The verdict for one operation:
 * 1. `unsupported` when the target does not implement it;
 * 2. `inconclusive` when nothing completed at the HTTP level and every deviation is a `transport` one;
 * 3. `deviates` when any deviation is of severity `error` or `warning` (transport ones included, once some
 *    exchange did complete: then a reset on a particular input is the target's behaviour);
 * 4. `conformant` otherwise — `info` deviations are notes, not failures.
 */
export function verdictFor(
  deviations: readonly Pick<ReportDeviation, 'kind' | 'severity'>[],
  inputs: VerdictInputs,
): Verdict {
  if (inputs.unsupported) return 'unsupported';
  if (inputs.transportOnly && deviations.every((d) => d.kind === 'transport')) return 'inconclusive';
  if (deviations.some(isBlocking)) return 'deviates';
  return 'conformant';
}

/** The report's `summary` block, counted from its operations (`deviations` counts reported, collapsed entries). */
export function summarise(operations: readonly OperationReport[]): Report['summary'] {
  const count = (verdict: Verdict): number => operations.filter((op) => op.verdict === verdict).length;
  return {
    operations: operations.length,
    conformant: count('conformant'),
    deviating: count('deviates'),
    unsupported: count('unsupported'),
    inconclusive: count('inconclusive'),
    deviations: operations.reduce((sum, op) => sum + op.deviations.length, 0),
  };
}
