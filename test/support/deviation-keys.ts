import type { ConformanceRecord } from '../../src/deviations/index.ts';

/** Where a deviation is, independent of the values involved: the identity a mutation row expects. */
export interface DeviationKey {
  readonly operation: string;
  readonly check: string;
  readonly kind: string;
  readonly path: string;
  /** The behaviour rule, for `behaviour` deviations. */
  readonly rule?: { readonly name: string };
}

/** One line per key, for `toContain` and readable diffs. */
export function keyText(key: DeviationKey): string {
  return `${key.operation} ${key.check} ${key.kind} ${key.path || '(body)'}${key.rule ? ` [${key.rule.name}]` : ''}`;
}

/** Every deviation of the records, as key texts, sorted and without repeats. */
export function deviationKeys(records: readonly ConformanceRecord[]): string[] {
  const keys = records.flatMap((record) =>
    record.deviations.map((deviation) => keyText({ ...deviation, operation: record.operation })),
  );
  return [...new Set(keys)].sort();
}
