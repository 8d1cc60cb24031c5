import { describe, expect, it } from 'vitest';
import type { ConformanceRecord, Deviation } from '../deviations/index.ts';
import { buildReport, type ReportContext } from './build-report.ts';

const context: ReportContext = {
  toolVersion: '0',
  sdkVersion: '0',
  documents: ['doc'],
  specOperations: 1,
  durationMs: 1,
};

const finding: Deviation = {
  operation: 'GetSigningCertificate',
  check: 'positive',
  kind: 'rejected-valid',
  severity: 'error',
  path: '/$status',
  expected: '2xx',
  actual: 500,
  message: 'valid request rejected with HTTP 500',
  request: { UserPoolId: 'us-east-1_X' },
  reproduce: { command: 'c' },
  occurrences: 1,
};

function record(completed: number, notImplemented: number): ConformanceRecord {
  return {
    operation: 'GetSigningCertificate',
    target: { kind: 'endpoint', name: 'emulator', endpoint: 'http://127.0.0.1:1' },
    run: { profile: 'quick', seed: 1, startedAt: '2026-01-01T00:00:00.000Z' },
    checks: [{ check: 'positive', runs: completed, failed: notImplemented }],
    completedExchanges: completed,
    notImplementedAnswers: notImplemented,
    deviations: [finding, { ...finding, check: 'negative', kind: 'wrong-error' }],
  };
}

describe('buildReport: an operation the target does not implement', () => {
  it('is one unsupported verdict, with its reason, when every answer was a 5xx or unknown-operation error', () => {
    // moto 5.0.1 answers every GetSigningCertificate request with a generic HTTP 500 page: the suite used to
    // report eight findings there, and `unsupported` only for cognito-local, which names the operation.
    const [operation] = buildReport([record(9, 9)], context).operations;
    expect(operation?.verdict).toBe('unsupported');
    expect(operation?.reason).toMatch(/every one of the 9 requests .* 5xx or an unknown-operation error/);
    // One deviation, which a gate holds against the target and a baseline may accept; not one per answer.
    expect(operation?.deviations.map((d) => [d.check, d.kind, d.severity, d.path])).toEqual([
      ['positive', 'unsupported', 'error', ''],
    ]);
    expect(operation?.deviations[0]?.actual).toBe(operation?.reason);
  });

  it('is judged as usual when any answer was something else', () => {
    const [operation] = buildReport([record(9, 8)], context).operations;
    expect(operation).toMatchObject({ verdict: 'deviates' });
    expect(operation?.deviations).toHaveLength(2);
    expect(operation?.reason).toBeUndefined();
  });

  it('needs more than one answer before it concludes anything', () => {
    expect(buildReport([record(1, 1)], context).operations[0]?.verdict).toBe('deviates');
  });
});
