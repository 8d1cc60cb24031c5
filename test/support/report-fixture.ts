import {
  type BehaviourVerdict,
  type OperationReport,
  type Report,
  type ReportDeviation,
  type SpecDriftSummary,
  summarise,
} from '../../src/deviations/index.ts';

/** Hand-built report parts for the report layer's tests: valid by default, overridable field by field. */
export function aDeviation(overrides: Partial<ReportDeviation> = {}): ReportDeviation {
  return {
    check: 'response-schema',
    kind: 'missing-member',
    severity: 'error',
    path: '/UserPool/Arn',
    expected: { type: 'string' },
    actual: null,
    message: 'response lacks required member Arn',
    request: { PoolName: 'pool-1' },
    reproduce: {
      seed: 42,
      path: '3:1',
      command: 'npx cognito-conformance run --operation CreateUserPool --seed 42',
    },
    ...overrides,
  };
}

/** One operation's drift summary (`spec.drift` of a report), counts overridable. */
export function aDriftSummary(
  operation: string,
  overrides: Partial<SpecDriftSummary> = {},
): SpecDriftSummary {
  return {
    operation,
    documents: {
      page: '000_198668429231732d.txt',
      model: 'cognito-identity-provider-2016-04-18.smithy.json',
    },
    added: 19,
    removed: 0,
    requiredChanged: 2,
    constraints: 15,
    enumValuesAdded: 0,
    enumValuesRemoved: 0,
    errorsAdded: 0,
    errorsRemoved: 0,
    judgedByPage: 4,
    ...overrides,
  };
}

export function anOperation(operation: string, overrides: Partial<OperationReport> = {}): OperationReport {
  return {
    operation,
    verdict: 'conformant',
    checks: [
      { check: 'response-schema', runs: 10, failed: 0 },
      { check: 'error-shape', runs: 5, failed: 0 },
    ],
    deviations: [],
    ...overrides,
  };
}

/** A report over `operations`, with the summary computed from them unless overridden. */
export function aReport(
  operations: readonly OperationReport[] = [],
  overrides: Partial<Report> = {},
): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'cognito-conformance', version: '0.1.0' },
    target: { kind: 'embedded', name: 'cognito-local', endpoint: 'http://127.0.0.1:9229', version: '5.3.0' },
    sdk: { version: '3.1169.0' },
    spec: { documents: ['specs/api/cognito-idp-2016-04-18.md'], operations: 3 },
    run: { profile: 'quick', seed: 42, startedAt: '2024-05-01T10:00:00.000Z', durationMs: 1234 },
    summary: summarise(operations),
    operations,
    ...overrides,
  };
}

/** A report with one deviating, one conformant and one unsupported operation. */
export function aMixedReport(overrides: Partial<Report> = {}): Report {
  return aReport(
    [
      anOperation('CreateUserPool', {
        verdict: 'deviates',
        checks: [
          { check: 'response-schema', runs: 10, failed: 2 },
          { check: 'error-shape', runs: 5, failed: 0 },
        ],
        coverage: {
          rules: 151,
          exercised: 150,
          boundaries: 31,
          boundariesExercised: 31,
          pinned: 32,
          unbreakable: 14,
        },
        requests: { coverage: 182, exploration: 30, shrinking: 0, other: 19 },
        deviations: [
          aDeviation(),
          aDeviation({
            severity: 'info',
            kind: 'unexpected-member',
            path: '/UserPool/Extra',
            message: 'extra member',
          }),
        ],
      }),
      anOperation('DescribeUserPool'),
      anOperation('AdminDisableProviderForUser', {
        verdict: 'unsupported',
        checks: [],
        deviations: [
          aDeviation({
            check: 'positive',
            kind: 'unsupported',
            path: '',
            expected: 'implemented',
            actual: 'UnsupportedOperation',
            message: 'target does not implement AdminDisableProviderForUser',
            request: {},
            reproduce: { command: 'npx cognito-conformance run --operation AdminDisableProviderForUser' },
          }),
        ],
      }),
    ],
    overrides,
  );
}

const MODEL = 'com.amazonaws.cognitoidentityprovider#';

/** A behaviour deviation: `rule` names the rule it breaks (its source shape ids filled in as the check does). */
export function aBehaviourDeviation(rule: string, overrides: Partial<ReportDeviation> = {}): ReportDeviation {
  return aDeviation({
    check: 'behaviour',
    kind: 'state',
    path: '/AuthenticationResult',
    expected: 'NotAuthorizedException',
    actual: 'tokens',
    message: `the sign-in answered with tokens (${rule})`,
    request: { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client-1' },
    reproduce: {
      seed: 42,
      command:
        'npx cognito-conformance run --ops InitiateAuth --seed 42 --report-only --out "${TMPDIR:-/tmp}/cognito-conformance-reproduce"',
    },
    rule: { name: rule, source: [`${MODEL}AdminDisableUser`] },
    ...overrides,
  });
}

/**
 * A report of the behaviour check: InitiateAuth breaks two rules at one path (an error and a warning),
 * AdminDisableUser conforms and GlobalSignOut is unsupported; of four rules, two are broken, one holds and one was
 * not judged.
 */
export function aBehaviourReport(overrides: Partial<Report> = {}): Report {
  const verdict = (
    rule: string,
    area: string,
    operations: readonly string[],
    shapes: readonly string[],
    fields: Pick<BehaviourVerdict, 'verdict' | 'runs' | 'failed' | 'brokenAt'> & { reason?: string },
  ): BehaviourVerdict => ({
    rule,
    area,
    operations,
    source: shapes.map((shape) => `${MODEL}${shape}`),
    ...fields,
  });
  return aReport(
    [
      anOperation('InitiateAuth', {
        verdict: 'deviates',
        checks: [{ check: 'behaviour', runs: 12, failed: 3 }],
        deviations: [
          aBehaviourDeviation('disabled-user-cannot-sign-in'),
          aBehaviourDeviation('unconfirmed-user-cannot-sign-in', {
            severity: 'warning',
            rule: { name: 'unconfirmed-user-cannot-sign-in', source: [`${MODEL}AdminConfirmSignUp`] },
          }),
        ],
      }),
      anOperation('AdminDisableUser', { checks: [{ check: 'behaviour', runs: 10, failed: 0 }] }),
      anOperation('GlobalSignOut', {
        verdict: 'unsupported',
        reason: 'the target answered UnsupportedOperation',
        checks: [],
        deviations: [
          aDeviation({
            check: 'positive',
            kind: 'unsupported',
            path: '',
            expected: 'implemented',
            actual: 'UnsupportedOperation',
            message: 'target does not implement GlobalSignOut',
            request: {},
            reproduce: { command: 'npx cognito-conformance run --ops GlobalSignOut' },
          }),
        ],
      }),
    ],
    {
      behaviour: [
        verdict(
          'unconfirmed-user-cannot-sign-in',
          'status',
          ['InitiateAuth', 'AdminInitiateAuth'],
          ['AdminConfirmSignUp', 'UserNotConfirmedException'],
          {
            verdict: 'broken',
            runs: 6,
            failed: 1,
            brokenAt: ['InitiateAuth'],
          },
        ),
        verdict(
          'disabled-user-cannot-sign-in',
          'enabled',
          ['AdminDisableUser', 'InitiateAuth'],
          ['AdminDisableUser'],
          {
            verdict: 'broken',
            runs: 6,
            failed: 2,
            brokenAt: ['InitiateAuth'],
          },
        ),
        verdict(
          'disabled-user-still-listed',
          'enabled',
          ['AdminDisableUser', 'ListUsers'],
          ['AdminDisableUser', 'UserType$Enabled'],
          {
            verdict: 'holds',
            runs: 4,
            failed: 0,
            brokenAt: [],
          },
        ),
        verdict(
          'global-sign-out-revokes-tokens',
          'revocation',
          ['GlobalSignOut', 'GetUser'],
          ['GlobalSignOut'],
          {
            verdict: 'not-judged',
            runs: 0,
            failed: 0,
            brokenAt: [],
            reason: 'the target does not implement GlobalSignOut',
          },
        ),
      ],
      ...overrides,
    },
  );
}
