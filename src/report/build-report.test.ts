import { NOT_IN_RUN_REASON, NOT_REACHED_REASON } from './behaviour-verdicts.ts';
import { describe, expect, it } from 'vitest';
import type { SpecDrift } from '../../specs/format/index.ts';
import type { ConformanceRecord, Deviation } from '../deviations/index.ts';
import {
  type BehaviourCatalogue,
  driftRecords,
  loadBehaviourCatalogue,
  loadOperationSpecs,
} from '../spec/index.ts';
import { buildReport, type ReportContext } from './build-report.ts';
import { validateReport } from './report-schema.ts';

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

describe('buildReport: behaviour rules', () => {
  const catalogue: BehaviourCatalogue = {
    version: 1,
    documents: {},
    areas: [
      { area: 'status', title: 'user status lifecycle' },
      { area: 'enabled', title: 'enabled and disabled' },
    ],
    rules: [
      {
        name: 'unconfirmed-user-cannot-sign-in',
        area: 'status',
        operations: ['InitiateAuth', 'AdminInitiateAuth'],
        prediction: 'p',
        source: [{ shape: 'm#AdminConfirmSignUp', terms: ['t'] }],
      },
      {
        name: 'disabled-user-cannot-sign-in',
        area: 'enabled',
        operations: ['AdminDisableUser', 'InitiateAuth'],
        prediction: 'p',
        source: [{ shape: 'm#AdminDisableUser', terms: ['t'] }],
      },
      {
        name: 'disabled-user-still-listed',
        area: 'enabled',
        operations: ['AdminDisableUser', 'ListUsers'],
        prediction: 'p',
        source: [
          { shape: 'm#AdminDisableUser', terms: ['t'] },
          { shape: 'm#UserType$Enabled', terms: ['t'] },
        ],
      },
      {
        name: 'disabled-user-signs-out',
        area: 'enabled',
        operations: ['GlobalSignOut', 'GetUser'],
        prediction: 'p',
        source: [{ shape: 'm#GlobalSignOut', terms: ['t'] }],
      },
    ],
  };
  const behaviourContext: ReportContext = { ...context, behaviourCatalogue: catalogue };
  const base = record(2, 0);
  const behaviourRecord = (
    operation: string,
    fields: Partial<ConformanceRecord> = {},
  ): ConformanceRecord => ({ ...base, operation, checks: [], deviations: [], ...fields });
  const broken = (name: string, severity: Deviation['severity']): Deviation => ({
    ...finding,
    operation: 'InitiateAuth',
    check: 'behaviour',
    kind: 'state',
    severity,
    path: '/AuthenticationResult',
    rule: { name, source: ['m#AdminDisableUser'] },
  });

  it('has no behaviour when the check did not run', () => {
    expect(buildReport([base], behaviourContext)).not.toHaveProperty('behaviour');
  });

  it('sums the tallies of every record, judges each rule in catalogue order, and stays schema-valid', () => {
    const report = buildReport(
      [
        behaviourRecord('InitiateAuth', {
          rules: [
            { rule: 'disabled-user-cannot-sign-in', runs: 3, failed: 1 },
            { rule: 'unconfirmed-user-cannot-sign-in', runs: 2, failed: 0 },
          ],
          deviations: [
            broken('disabled-user-cannot-sign-in', 'error'),
            // A note does not break a rule.
            broken('unconfirmed-user-cannot-sign-in', 'info'),
          ],
        }),
        behaviourRecord('AdminDisableUser', {
          rules: [
            { rule: 'disabled-user-cannot-sign-in', runs: 4, failed: 0 },
            { rule: 'disabled-user-still-listed', runs: 5, failed: 0 },
          ],
          deviations: [
            { ...broken('disabled-user-cannot-sign-in', 'warning'), operation: 'AdminDisableUser' },
          ],
        }),
      ],
      behaviourContext,
    );
    expect(report.behaviour).toEqual([
      {
        rule: 'unconfirmed-user-cannot-sign-in',
        area: 'status',
        operations: ['InitiateAuth', 'AdminInitiateAuth'],
        source: ['m#AdminConfirmSignUp'],
        verdict: 'holds',
        runs: 2,
        failed: 0,
        brokenAt: [],
      },
      {
        rule: 'disabled-user-cannot-sign-in',
        area: 'enabled',
        operations: ['AdminDisableUser', 'InitiateAuth'],
        source: ['m#AdminDisableUser'],
        verdict: 'broken',
        runs: 7,
        failed: 1,
        brokenAt: ['AdminDisableUser', 'InitiateAuth'],
      },
      expect.objectContaining({
        rule: 'disabled-user-still-listed',
        verdict: 'holds',
        runs: 5,
        brokenAt: [],
      }),
      expect.objectContaining({
        rule: 'disabled-user-signs-out',
        verdict: 'not-judged',
        runs: 0,
        // The report has neither GlobalSignOut nor GetUser.
        reason: NOT_IN_RUN_REASON,
      }),
    ]);
    expect(report.operations.find((op) => op.operation === 'InitiateAuth')?.deviations[0]?.rule).toEqual({
      name: 'disabled-user-cannot-sign-in',
      source: ['m#AdminDisableUser'],
    });
    expect(validateReport(JSON.parse(JSON.stringify(report))).errors).toEqual([]);
  });

  it('says a rule was not judged because the target lacks its operations, when every one judged is unsupported', () => {
    const report = buildReport(
      [
        behaviourRecord('GlobalSignOut', { unsupported: 'UnsupportedOperation', rules: [] }),
        behaviourRecord('InitiateAuth', {
          rules: [{ rule: 'unconfirmed-user-cannot-sign-in', runs: 1, failed: 0 }],
        }),
      ],
      behaviourContext,
    );
    const verdict = (name: string) => report.behaviour?.find((v) => v.rule === name);
    expect(verdict('disabled-user-signs-out')).toMatchObject({
      verdict: 'not-judged',
      reason: 'the target does not implement GlobalSignOut',
    });
    // InitiateAuth was judged and is implemented: the rule was simply not reached.
    expect(verdict('disabled-user-cannot-sign-in')?.reason).toBe(NOT_REACHED_REASON);
  });

  it('keeps a rule the catalogue lacks, after the catalogue, with what its deviations say', () => {
    const report = buildReport(
      [behaviourRecord('InitiateAuth', { deviations: [broken('a-rule-of-another-version', 'error')] })],
      behaviourContext,
    );
    expect(report.behaviour?.map((v) => v.rule)).toEqual([
      ...catalogue.rules.map((rule) => rule.name),
      'a-rule-of-another-version',
    ]);
    expect(report.behaviour?.at(-1)).toEqual({
      rule: 'a-rule-of-another-version',
      area: 'uncatalogued',
      operations: ['InitiateAuth'],
      source: ['m#AdminDisableUser'],
      verdict: 'broken',
      runs: 0,
      failed: 0,
      brokenAt: ['InitiateAuth'],
    });
  });

  it('follows the committed catalogue when the context gives none', () => {
    const report = buildReport([behaviourRecord('InitiateAuth', { rules: [] })], context);
    expect(report.behaviour?.map((v) => v.rule)).toEqual(
      loadBehaviourCatalogue().rules.map((rule) => rule.name),
    );
    expect(report.behaviour?.every((v) => v.verdict === 'not-judged')).toBe(true);
  });
});
