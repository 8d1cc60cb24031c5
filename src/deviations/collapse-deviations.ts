import type { CheckKey } from './check-name.ts';
import { deviationIdentity } from './identity.ts';

/** What {@link collapseDeviations} needs of a deviation (a run's `Deviation` or a report's `ReportDeviation`). */
export interface Collapsible {
  readonly operation?: string;
  readonly check: CheckKey;
  readonly kind: string;
  readonly path: string;
  /** The behaviour rule a `behaviour` deviation breaks: part of the identity, kept on the collapsed deviation. */
  readonly rule?: { readonly name: string };
  readonly request: Record<string, unknown>;
  readonly occurrences?: number;
}

/**
 * One deviation per identity ({@link deviationIdentity}): deviations that break the same rule collapse into one,
 * whatever request broke it and whatever values it observed. The kept example is the one with the smallest
 * request (the first of equals), carrying the occurrences of all; the order is that of each identity's first
 * appearance. A run's recorder, the report builder and the merging of shards all collapse with this, so a run
 * split into shards and merged gives the deviations of the unsplit run.
 */
export function collapseDeviations<T extends Collapsible>(deviations: readonly T[]): T[] {
  const byIdentity = new Map<string, T>();
  for (const deviation of deviations) {
    const key = deviationIdentity({ ...deviation, operation: deviation.operation ?? '' });
    const kept = byIdentity.get(key);
    if (kept === undefined) {
      byIdentity.set(key, deviation);
      continue;
    }
    const example = requestSize(deviation) < requestSize(kept) ? deviation : kept;
    byIdentity.set(key, { ...example, occurrences: occurrences(kept) + occurrences(deviation) });
  }
  return [...byIdentity.values()];
}

function occurrences(deviation: Collapsible): number {
  return deviation.occurrences ?? 1;
}

function requestSize(deviation: Collapsible): number {
  return JSON.stringify(deviation.request).length;
}
