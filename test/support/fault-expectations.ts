import { expect } from 'vitest';
import type { ConformanceRecord } from '../../src/deviations/index.ts';
import { deviationKeys } from './deviation-keys.ts';
import { untimed } from './untimed.ts';

/** The records of one operation, in the order its scenarios ran. */
export function recordsOf(records: readonly ConformanceRecord[], operation: string): ConformanceRecord[] {
  return records.filter((record) => record.operation === operation);
}

/**
 * What an operation's results are, for comparing a run with a fault against the honest baseline: each
 * record's check tallies (without their wall time) and its blocking deviations (info notes depend on which other pools the
 * target happens to list, so they are left out).
 */
export function resultsOf(records: readonly ConformanceRecord[], operation: string): unknown[] {
  return recordsOf(records, operation).map((record) => ({
    checks: untimed(record.checks),
    inconclusive: record.inconclusive ?? null,
    unsupported: record.unsupported ?? null,
    deviations: deviationKeys([
      { ...record, deviations: record.deviations.filter((deviation) => deviation.severity !== 'info') },
    ]),
  }));
}

/**
 * How a record looks when the target failed below HTTP: inconclusive, or carrying `transport` findings
 * and nothing a transport failure could have made up. Requests that completed before the failure keep
 * their findings, so every other blocking finding must be one the honest `baseline` run made too.
 */
export function transportAffected(
  record: ConformanceRecord,
  baseline: readonly ConformanceRecord[],
): boolean {
  if (record.inconclusive !== undefined) return true;
  const blocking = record.deviations.filter((deviation) => deviation.severity !== 'info');
  const honest = new Set(deviationKeys(recordsOf(baseline, record.operation)));
  const madeUp = blocking.filter(
    (deviation) =>
      deviation.kind !== 'transport' &&
      !honest.has(deviationKeys([{ ...record, deviations: [deviation] }])[0] ?? ''),
  );
  return blocking.some((deviation) => deviation.kind === 'transport') && madeUp.length === 0;
}

/** A one-line summary per record, for assertion messages. */
export function describeRecords(records: readonly ConformanceRecord[]): string {
  return records
    .map(
      (record) =>
        `${record.operation}${record.inconclusive ? ` (inconclusive: ${record.inconclusive})` : ''}: ${deviationKeys([record]).join('; ') || 'no deviations'}`,
    )
    .join('\n');
}

/** The operations before and after the broken one got exactly the results of the honest run. */
export function expectNeighboursUnchanged(
  records: readonly ConformanceRecord[],
  baseline: readonly ConformanceRecord[],
  operations: readonly string[],
): void {
  for (const operation of operations)
    expect(resultsOf(records, operation), operation).toEqual(resultsOf(baseline, operation));
}
