import { deviationIdentity, observationFingerprint } from './identity.ts';
import type { ReportDeviation } from './report-model.ts';

/**
 * Collapses deviations of one operation that are the same finding: same identity (check, kind, normalised
 * path) and same normalised observation (severity, expected, actual, message). The first one seen stays as the
 * example — its minimal request and reproduction — carrying the occurrences of all; order of first appearance
 * is kept. For de-duplicating a run's findings and for merging shards.
 */
export function collapseDeviations(deviations: readonly ReportDeviation[]): ReportDeviation[] {
  const collapsed = new Map<string, ReportDeviation>();
  for (const deviation of deviations) {
    const key = findingKey(deviation);
    const seen = collapsed.get(key);
    collapsed.set(
      key,
      seen === undefined ? deviation : { ...seen, occurrences: occurrences(seen) + occurrences(deviation) },
    );
  }
  return [...collapsed.values()];
}

function occurrences(deviation: ReportDeviation): number {
  return deviation.occurrences ?? 1;
}

function findingKey(deviation: ReportDeviation): string {
  const { check, kind, path } = deviation;
  return `${deviationIdentity({ operation: '', check, kind, path })}\u0000${observationFingerprint(deviation)}`;
}
