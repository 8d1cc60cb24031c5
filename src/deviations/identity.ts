import { Normaliser, normaliseDeviation } from './normalise.ts';
import type { Report, ReportDeviation } from './report-model.ts';
import { stableStringify } from './stable-json.ts';

/** A report deviation together with the operation it belongs to: the unit baselines and diffs work on. */
export interface LocatedDeviation {
  readonly operation: string;
  readonly deviation: ReportDeviation;
}

/** Every deviation of a report, in report order, with its operation. */
export function locateDeviations(report: Report): LocatedDeviation[] {
  return report.operations.flatMap((op) =>
    op.deviations.map((deviation) => ({ operation: op.operation, deviation })),
  );
}

/** The parts that say *which* deviation this is (as opposed to what was observed). */
export interface DeviationKey {
  readonly operation: string;
  readonly check: string;
  readonly kind: string;
  readonly path: string;
}

/**
 * Identity of a deviation across runs: operation + check + kind + path, the path normalised on its own so that
 * a volatile value inside it (a map key holding a pool id) does not make the same deviation look new.
 */
export function deviationIdentity(key: DeviationKey): string {
  return stableStringify([key.operation, key.check, key.kind, new Normaliser().string(key.path)]);
}

/** The identity of a located deviation (see `deviationIdentity`). */
export function identityOf(located: LocatedDeviation): string {
  const { check, kind, path } = located.deviation;
  return deviationIdentity({ operation: located.operation, check, kind, path });
}

/**
 * What was observed, normalised (severity, expected, actual, message): equal fingerprints under one identity
 * mean the same finding, whatever pool, client or token the run happened to create.
 */
export function observationFingerprint(deviation: ReportDeviation): string {
  const normalised = normaliseDeviation(deviation);
  const { severity, expected, actual, message } = normalised;
  return stableStringify({ severity, expected: expected ?? null, actual: actual ?? null, message });
}
