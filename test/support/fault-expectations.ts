import type { ConformanceRecord } from '../../src/deviations/conformance-record.ts';
import { deviationKeys } from './deviation-keys.ts';

/** The records of one operation, in the order its scenarios ran. */
export function recordsOf(records: readonly ConformanceRecord[], operation: string): ConformanceRecord[] {
  return records.filter((record) => record.operation === operation);
}

/**
 * What an operation's results are, for comparing a run with a fault against the honest baseline: each
 * record's check tallies and its blocking deviations (info notes depend on which other pools the
 * target happens to list, so they are left out).
 */
export function resultsOf(records: readonly ConformanceRecord[], operation: string): unknown[] {
  return recordsOf(records, operation).map((record) => ({
    checks: record.checks,
    inconclusive: record.inconclusive ?? null,
    unsupported: record.unsupported ?? null,
    deviations: deviationKeys([{ ...record, deviations: record.deviations.filter((deviation) => deviation.severity !== 'info') }]),
  }));
}

/**
 * How a record looks when the target failed below HTTP: inconclusive, or carrying `transport` findings
 * and nothing a transport failure could have made up (no envelope or schema finding).
 */
export function transportAffected(record: ConformanceRecord): boolean {
  if (record.inconclusive !== undefined) return true;
  const kinds = new Set(record.deviations.filter((deviation) => deviation.severity !== 'info').map((deviation) => deviation.kind));
  return kinds.has('transport') && [...kinds].every((kind) => kind === 'transport');
}

/** A one-line summary per record, for assertion messages. */
export function describeRecords(records: readonly ConformanceRecord[]): string {
  return records
    .map((record) => `${record.operation}${record.inconclusive ? ` (inconclusive: ${record.inconclusive})` : ''}: ${deviationKeys([record]).join('; ') || 'no deviations'}`)
    .join('\n');
}
