import type { CheckName } from './check-name.ts';
import type { DeviationKind, Severity } from './deviation-kind.ts';
import type { Reproduction } from './deviation.ts';

/**
 * The report file (`report.json`), schema version 1. `specs/operations/report.schema.json` is its JSON Schema;
 * any change here must change that schema and `schemaVersion` with it.
 */
export type TargetKind = 'embedded' | 'endpoint' | 'aws' | 'container';
export type Verdict = 'conformant' | 'deviates' | 'unsupported' | 'inconclusive';

export interface ReportTarget {
  readonly kind: TargetKind;
  readonly name: string;
  readonly endpoint: string;
  /** The emulator version or container image, where known. */
  readonly version?: string;
  readonly image?: string;
}

export interface CheckTally {
  readonly check: CheckName;
  readonly runs: number;
  readonly failed: number;
}

export interface ReportDeviation {
  readonly check: CheckName;
  readonly kind: DeviationKind;
  readonly severity: Severity;
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly message: string;
  readonly request: Record<string, unknown>;
  readonly reproduce: Reproduction;
  readonly occurrences?: number;
}

export interface OperationReport {
  readonly operation: string;
  readonly verdict: Verdict;
  readonly checks: readonly CheckTally[];
  readonly deviations: readonly ReportDeviation[];
}

/** One verdict per change the document announces ("does this target support the 2018-02-12 changes?"). */
export interface ChangeVerdict {
  readonly operation: string;
  readonly direction: 'request' | 'response' | 'operation';
  readonly path: string;
  readonly value?: string;
  readonly supported: boolean | null;
  readonly evidence: string;
}

export interface Report {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'cognito-conformance'; readonly version: string };
  readonly target: ReportTarget;
  readonly sdk: { readonly version: string };
  readonly spec: { readonly documents: readonly string[]; readonly operations: number };
  readonly run: {
    readonly profile: string;
    readonly seed: number;
    readonly startedAt: string;
    readonly durationMs: number;
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
  /** Present once the `changes` check ran. */
  readonly changes?: readonly ChangeVerdict[];
}
