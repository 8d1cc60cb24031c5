import { Normaliser } from './normalise.ts';
import type { Deviation } from './deviation.ts';

/**
 * The rule a deviation says was broken: operation, check, kind, severity and path, with array indices
 * folded to `*` and volatile ids normalised, so a rule broken by many generated requests (at item 0 of
 * one, item 3 of another, in pools with different ids) is one finding.
 */
export function ruleKey(
  deviation: Pick<Deviation, 'operation' | 'check' | 'kind' | 'severity' | 'path'>,
): string {
  const path = new Normaliser().string(deviation.path).replace(/\/\d+(?=\/|$)/g, '/*');
  return [deviation.operation, deviation.check, deviation.kind, deviation.severity, path].join('\u0000');
}

/** Collapses equal findings into one, with the total count and the smallest request as the example. */
export function dedupeDeviations(deviations: readonly Deviation[]): Deviation[] {
  const byRule = new Map<string, Deviation>();
  for (const deviation of deviations) {
    const key = ruleKey(deviation);
    const kept = byRule.get(key);
    if (!kept) {
      byRule.set(key, deviation);
      continue;
    }
    const smaller = requestSize(deviation) < requestSize(kept) ? deviation : kept;
    byRule.set(key, { ...smaller, occurrences: kept.occurrences + deviation.occurrences });
  }
  return [...byRule.values()];
}

function requestSize(deviation: Deviation): number {
  return JSON.stringify(deviation.request).length;
}
