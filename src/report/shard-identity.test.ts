import { describe, expect, it } from 'vitest';
import {
  identityOf,
  locateDeviations,
  type ConformanceRecord,
  type Deviation,
  type Report,
} from '../deviations/index.ts';
import { buildReport, type ReportContext } from './build-report.ts';
import { mergeReports } from './merge-reports.ts';

const context: ReportContext = {
  toolVersion: '0.0.0',
  sdkVersion: '3.0.0',
  documents: ['doc'],
  specOperations: 2,
  durationMs: 1,
};

function deviation(operation: string, overrides: Partial<Deviation>): Deviation {
  return {
    operation,
    check: 'negative',
    kind: 'accepted-invalid',
    severity: 'error',
    path: '/MaxResults',
    expected: '4xx',
    actual: 200,
    message: 'accepted',
    request: { MaxResults: 61 },
    reproduce: { command: 'c' },
    occurrences: 1,
    ...overrides,
  };
}

function record(operation: string, deviations: readonly Deviation[]): ConformanceRecord {
  return {
    operation,
    target: { kind: 'endpoint', name: 'emulator', endpoint: 'http://127.0.0.1:1' },
    run: { profile: 'quick', seed: 7, startedAt: '2026-01-01T00:00:00.000Z' },
    checks: [{ check: deviations[0]?.check ?? 'positive', runs: 3, failed: deviations.length > 0 ? 1 : 0 }],
    completedExchanges: 3,
    deviations,
  };
}

const identities = (report: Report) => locateDeviations(report).map(identityOf).sort();

describe('a run split into shards and merged', () => {
  // The same rule broken at other indices, with other pool ids and other observed values, in two shards.
  const shard1 = [
    record('ListUserPools', [
      deviation('ListUserPools', { path: '/UserPools/0/Id', actual: 'us-east-1_AAAA', request: { A: 1 } }),
      deviation('ListUserPools', {}),
    ]),
    record('DescribeUserPool', [
      deviation('DescribeUserPool', { check: 'wire-format', kind: 'wire-format' }),
    ]),
  ];
  const shard2 = [
    record('ListUserPools', [
      deviation('ListUserPools', { path: '/UserPools/4/Id', actual: 'us-east-1_BBBB', message: 'other' }),
      deviation('ListUserPools', { check: 'stateful', kind: 'state', path: '' }),
    ]),
  ];

  it('gives the deviations of the unsplit run, by identity, with the same occurrences', () => {
    const whole = buildReport([...shard1, ...shard2], context);
    const merged = mergeReports([buildReport(shard1, context), buildReport(shard2, context)]);
    expect(identities(merged)).toEqual(identities(whole));
    expect(identities(whole)).toHaveLength(4);
    const occurrences = (report: Report) =>
      locateDeviations(report)
        .map((located) => [identityOf(located), located.deviation.occurrences])
        .sort();
    expect(occurrences(merged)).toEqual(occurrences(whole));
  });
});
