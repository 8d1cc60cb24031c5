import type { TestCase } from 'vitest/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aDeviation } from '../test/support/report-fixture.ts';
import type { ConformanceRecord } from '../src/deviations/index.ts';
import { ProgressReporter } from './progress-reporter.ts';

function finished(records: ConformanceRecord[]): TestCase {
  return { meta: () => ({ conformance: records }) } as unknown as TestCase;
}

function record(path: string): ConformanceRecord {
  return {
    operation: 'ListUserPools',
    target: { kind: 'embedded', name: 'cognito-local', endpoint: 'http://127.0.0.1:1' },
    run: { profile: 'quick', seed: 1, startedAt: '2026-01-01T00:00:00.000Z' },
    checks: [{ check: 'negative', runs: 4, failed: 1 }],
    completedExchanges: 4,
    deviations: [
      {
        ...aDeviation({ check: 'negative', kind: 'accepted-invalid', path }),
        operation: 'ListUserPools',
        occurrences: 1,
      },
    ],
  };
}

afterEach(() => vi.restoreAllMocks());

describe('ProgressReporter', () => {
  it('counts deviations once per identity, as the report does, so its last line agrees with the summary', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const progress = new ProgressReporter(true);
    // Two tests meet the same rule, a third another one.
    progress.onTestCaseResult(finished([record('/MaxResults/$maximum')]));
    progress.onTestCaseResult(finished([record('/MaxResults/$maximum')]));
    progress.onTestCaseResult(finished([record('/NextToken/$pattern')]));
    // An operation the target does not implement is one deviation, which the report adds: counted here too.
    progress.onTestCaseResult(finished([{ ...record('/x'), deviations: [], unsupported: 'HTTP 500' }]));
    expect(lines.map((line) => /runs +(\d+) +deviations so far (\d+)/.exec(line)?.slice(1))).toEqual([
      ['4', '1'],
      ['8', '1'],
      ['12', '2'],
      ['16', '3'],
    ]);
  });
});
