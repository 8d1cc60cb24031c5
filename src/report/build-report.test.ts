import { describe, expect, it } from 'vitest';
import type { SpecDrift } from '../../specs/format/index.ts';
import type { ConformanceRecord, Deviation } from '../deviations/index.ts';
import { driftRecords, loadOperationSpecs } from '../spec/index.ts';
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

describe('buildReport: the specs and their drift', () => {
  const drift: SpecDrift = {
    model: 'model.smithy.json',
    members: [
      { direction: 'request', path: '/New', change: 'added' },
      {
        direction: 'response',
        path: '/Thing/New',
        change: 'added',
        applies: 'model',
        recordedIn: 'laterResponseMembers',
      },
      { direction: 'response', path: '/Thing/Old', change: 'removed', applies: 'page' },
    ],
    required: [{ direction: 'request', path: '/A', page: true, model: false, applies: 'model' }],
    constraints: [
      { direction: 'request', path: '/N', keyword: 'maximum', page: 1, model: 2, applies: 'page' },
      { direction: 'response', path: '/N', keyword: 'maximum', page: 1, model: 2 },
    ],
    enumValues: [
      { direction: 'request', path: '/E', value: 'X', change: 'added', applies: 'page' },
      {
        direction: 'request',
        path: '/E',
        value: 'Y',
        change: 'removed',
        applies: 'model',
        recordedIn: 'narrowings',
      },
    ],
    errors: [{ error: 'NewException', change: 'added', applies: 'page' }],
  };

  it("counts each spec's drift record in spec.drift, sorted by operation", () => {
    const report = buildReport([record(2, 0)], {
      ...context,
      drift: [
        { operation: 'Zed', document: 'page.txt', drift: { ...drift, members: [], errors: [] } },
        { operation: 'GetSigningCertificate', document: 'page.txt', drift },
      ],
    });
    expect(report.spec.drift).toEqual([
      {
        operation: 'GetSigningCertificate',
        documents: { page: 'page.txt', model: 'model.smithy.json' },
        added: 2,
        removed: 1,
        requiredChanged: 1,
        constraints: 2,
        enumValuesAdded: 1,
        enumValuesRemoved: 1,
        errorsAdded: 1,
        errorsRemoved: 0,
        judgedByPage: 4,
      },
      expect.objectContaining({ operation: 'Zed', added: 0, errorsAdded: 0, judgedByPage: 2 }),
    ]);
  });

  it('has no spec.drift when the context has none', () => {
    expect(buildReport([record(2, 0)], context).spec).not.toHaveProperty('drift');
  });

  it('counts the committed specs as the reporter passes them', () => {
    const specs = loadOperationSpecs();
    const report = buildReport([record(2, 0)], {
      ...context,
      drift: driftRecords(specs),
    });
    // The page specs carry a drift record; the model specs, the current reference itself, none.
    expect(report.spec.drift?.map((entry) => entry.operation)).toEqual(
      specs.filter((spec) => spec.specVersion === 1).map((spec) => spec.operation),
    );
    expect(report.spec.drift).toHaveLength(10);
    const describePool = report.spec.drift?.find((entry) => entry.operation === 'DescribeUserPool');
    expect(describePool).toMatchObject({
      documents: {
        page: '000_198668429231732d.txt',
        model: 'cognito-identity-provider-2016-04-18.smithy.json',
      },
      added: 19,
      removed: 0,
    });
  });
});
