import type { CheckKey } from './check-name.ts';
import { Normaliser, normaliseDeviation } from './normalise.ts';
import type { ReportDeviation } from './deviation.ts';
import type { Report } from './report-model.ts';
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

/** The parts that say *which* rule a deviation is about (as opposed to what was observed). */
export interface DeviationKey {
  /** The operation; `''` where every deviation compared belongs to one operation already. */
  readonly operation: string;
  /** The check (or, inside the engine, the stateful key `stateful:<Operation>`). */
  readonly check: CheckKey;
  readonly kind: string;
  /** JSON pointer into the response or request; `''` is the whole body. */
  readonly path: string;
}

/**
 * The path as a rule sees it: volatile values inside it (a map key holding a pool id) become tokens and array
 * indices become `*`, so the same rule broken at item 0 of one response and item 3 of another is one rule.
 */
export function rulePath(path: string): string {
  return new Normaliser().string(path).replace(/\/\d+(?=\/|$)/g, '/*');
}

/**
 * The one identity of a deviation: operation + check + kind + {@link rulePath}. The engine groups explored
 * findings by it, a run de-duplicates by it, and baselines, diffs and merged shards match deviations by it, so
 * all of them agree on what "the same deviation" is. Severity and the observed values are not part of it.
 * Returns a string that compares equal exactly when the identities are equal.
 */
export function deviationIdentity(key: DeviationKey): string {
  return stableStringify([key.operation, key.check, key.kind, rulePath(key.path)]);
}

/** The identity of a located deviation (see {@link deviationIdentity}). */
export function identityOf(located: LocatedDeviation): string {
  const { check, kind, path } = located.deviation;
  return deviationIdentity({ operation: located.operation, check, kind, path });
}

/**
 * What was observed, normalised (severity, expected, actual, message). Not an identity: `diff` uses it to tell
 * a deviation that changed (same identity, other observation) from one that stayed the same.
 */
export function observationFingerprint(deviation: ReportDeviation): string {
  const normalised = normaliseDeviation(deviation);
  const { severity, expected, actual, message } = normalised;
  return stableStringify({ severity, expected: expected ?? null, actual: actual ?? null, message });
}
