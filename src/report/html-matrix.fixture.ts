import { NOT_REACHED_REASON } from './behaviour-verdicts.ts';
import {
  summarise,
  type BehaviourVerdict,
  type ChangeVerdict,
  type OperationReport,
  type Report,
  type ReportDeviation,
  type ReportTarget,
} from '../deviations/index.ts';
import { modelResourceGroups, RESOURCE_GROUPS } from '../spec/index.ts';
import { modelCoverage } from './model-coverage.ts';

/**
 * Two real-shaped reports (cognito-local embedded, moto in a container) shared by the HTML matrix's unit and
 * browser tests. Deviations carry hostile strings, as a target under test could send, to prove the page
 * renders them as text. Both count their coverage against the committed model (`specs/operations/`), and both
 * judged four behaviour rules: moto breaks one of them (a behaviour deviation of InitiateAuth) and did not reach
 * another.
 */
export const HOSTILE_MESSAGE = '<script>alert(1)</script>';
export const HOSTILE_PATH = '/Users/0/"><img src=x onerror=alert(2)>';
export const HOSTILE_ACTUAL = '</script><script>alert(3)</script>';

const MODEL = 'com.amazonaws.cognitoidentityprovider#';

const CREATE_REQUEST = {
  UserPoolId: 'us-east-1_conform1',
  Username: 'user-0',
  UserAttributes: [{ Name: 'email', Value: 'user-0@example.com' }],
  MessageAction: 'SUPPRESS',
};

function deviation(
  fields: Partial<ReportDeviation> & Pick<ReportDeviation, 'check' | 'kind' | 'severity' | 'message'>,
): ReportDeviation {
  return {
    path: '',
    expected: null,
    actual: null,
    request: CREATE_REQUEST,
    reproduce: { command: `npx cognito-conformance run --operation AdminCreateUser --check ${fields.check}` },
    ...fields,
  };
}

const COGNITO_LOCAL_OPERATIONS: readonly OperationReport[] = [
  {
    operation: 'AdminCreateUser',
    verdict: 'deviates',
    checks: [
      { check: 'response-schema', runs: 100, failed: 3 },
      { check: 'negative', runs: 50, failed: 2 },
    ],
    deviations: [
      deviation({
        check: 'response-schema',
        kind: 'missing-member',
        severity: 'error',
        path: '/User/UserCreateDate',
        expected: 'timestamp (epoch seconds)',
        actual: null,
        message: 'Response is missing User.UserCreateDate',
        reproduce: {
          seed: 1234,
          path: '3:1:0',
          command:
            'npx cognito-conformance run --target cognito-local --operation AdminCreateUser --seed 1234 --path "3:1:0"',
        },
        occurrences: 4,
      }),
      deviation({
        check: 'response-schema',
        kind: 'wrong-type',
        severity: 'error',
        path: HOSTILE_PATH,
        expected: 'string',
        actual: HOSTILE_ACTUAL,
        message: HOSTILE_MESSAGE,
      }),
      deviation({
        check: 'negative',
        kind: 'accepted-invalid',
        severity: 'warning',
        path: '/Username',
        expected: { __type: 'InvalidParameterException' },
        actual: { status: 200 },
        message: 'Accepted a Username longer than 128 characters',
        request: { ...CREATE_REQUEST, Username: 'u'.repeat(129) },
      }),
      deviation({
        check: 'negative',
        kind: 'constraint',
        severity: 'info',
        path: '/TemporaryPassword',
        expected: 'rejected by the pool password policy',
        actual: 'accepted',
        message: 'Password policy is not enforced on TemporaryPassword',
      }),
    ],
  },
  {
    operation: 'InitiateAuth',
    verdict: 'conformant',
    checks: [{ check: 'response-schema', runs: 100, failed: 0 }],
    deviations: [],
  },
  {
    operation: 'ListUsers',
    verdict: 'inconclusive',
    checks: [{ check: 'stateful', runs: 10, failed: 0 }],
    deviations: [
      deviation({
        check: 'stateful',
        kind: 'transport',
        severity: 'info',
        message: 'Timed out after 5000 ms on 2 of 10 runs',
        request: { UserPoolId: 'us-east-1_conform1', Filter: 'email ^= "user"' },
        reproduce: { command: 'npx cognito-conformance run --target cognito-local --operation ListUsers' },
      }),
    ],
  },
  {
    operation: 'SetRiskConfiguration',
    verdict: 'unsupported',
    checks: [{ check: 'positive', runs: 1, failed: 1 }],
    deviations: [
      deviation({
        check: 'positive',
        kind: 'unsupported',
        severity: 'warning',
        expected: 'a 2xx response or a modelled error',
        actual: { status: 500, body: 'Unsupported' },
        message: 'cognito-local does not implement SetRiskConfiguration',
        request: { UserPoolId: 'us-east-1_conform1' },
        reproduce: {
          command: 'npx cognito-conformance run --target cognito-local --operation SetRiskConfiguration',
        },
      }),
    ],
  },
];

const MOTO_OPERATIONS: readonly OperationReport[] = [
  {
    operation: 'AdminCreateUser',
    verdict: 'conformant',
    checks: [{ check: 'response-schema', runs: 100, failed: 0 }],
    deviations: [],
  },
  {
    operation: 'AdminSetUserMFAPreference',
    verdict: 'conformant',
    checks: [{ check: 'response-schema', runs: 20, failed: 0 }],
    deviations: [],
  },
  {
    operation: 'InitiateAuth',
    verdict: 'deviates',
    checks: [
      { check: 'error-shape', runs: 40, failed: 1 },
      { check: 'behaviour', runs: 8, failed: 3 },
    ],
    deviations: [
      deviation({
        check: 'behaviour',
        kind: 'state',
        severity: 'error',
        path: '/AuthenticationResult',
        expected: 'NotAuthorizedException (the user is disabled)',
        actual: 'AuthenticationResult with tokens',
        message: 'InitiateAuth signed in a user AdminDisableUser had disabled',
        request: {
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: '3n4b5urk1ft4fl3mg5e62d9ado',
          AuthParameters: { USERNAME: 'user-0', PASSWORD: 'x' },
        },
        reproduce: {
          seed: 1234,
          command: 'npx cognito-conformance run --ops InitiateAuth --seed 1234 --report-only',
        },
        rule: { name: 'disabled-user-cannot-sign-in', source: [`${MODEL}AdminDisableUser`] },
      }),
      deviation({
        check: 'error-shape',
        kind: 'wrong-error',
        severity: 'error',
        path: '/__type',
        expected: 'NotAuthorizedException',
        actual: 'UserNotFoundException',
        message: 'Wrong password for an unknown user leaks UserNotFoundException',
        request: {
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: '3n4b5urk1ft4fl3mg5e62d9ado',
          AuthParameters: { USERNAME: 'nobody', PASSWORD: 'x' },
        },
        reproduce: {
          command: 'npx cognito-conformance run --target moto --operation InitiateAuth --check errors',
        },
      }),
    ],
  },
  {
    operation: 'ListUsers',
    verdict: 'conformant',
    checks: [{ check: 'stateful', runs: 10, failed: 0 }],
    deviations: [],
  },
  {
    operation: 'SetRiskConfiguration',
    verdict: 'conformant',
    checks: [{ check: 'response-schema', runs: 5, failed: 0 }],
    deviations: [],
  },
];

const ADVANCED_SECURITY: Omit<ChangeVerdict, 'supported' | 'evidence'> = {
  operation: 'CreateUserPool',
  direction: 'request',
  path: '/UserPoolAddOns/AdvancedSecurityMode',
  value: 'AUDIT',
};
const AVAILABLE_CHALLENGES: Omit<ChangeVerdict, 'supported' | 'evidence'> = {
  operation: 'InitiateAuth',
  direction: 'response',
  path: '/AvailableChallenges',
};
const MFA_PREFERENCE: Omit<ChangeVerdict, 'supported' | 'evidence'> = {
  operation: 'AdminSetUserMFAPreference',
  direction: 'operation',
  path: '',
};

/** The four rules both reports judged, in catalogue order, with their areas, operations and sources. */
const RULES: readonly Pick<BehaviourVerdict, 'rule' | 'area' | 'operations' | 'source'>[] = [
  {
    rule: 'sign-up-gives-unconfirmed',
    area: 'status',
    operations: ['SignUp', 'AdminGetUser', 'ListUsers'],
    source: [`${MODEL}SignUp`, `${MODEL}UserType$UserStatus`],
  },
  {
    rule: 'unconfirmed-user-cannot-sign-in',
    area: 'status',
    operations: ['InitiateAuth', 'AdminInitiateAuth'],
    source: [`${MODEL}AdminConfirmSignUp`, `${MODEL}UserNotConfirmedException`],
  },
  {
    rule: 'disabled-user-cannot-sign-in',
    area: 'enabled',
    operations: ['AdminDisableUser', 'InitiateAuth', 'AdminInitiateAuth'],
    source: [`${MODEL}AdminDisableUser`],
  },
  {
    rule: 'disabled-user-still-listed',
    area: 'enabled',
    operations: ['AdminDisableUser', 'ListUsers', 'AdminGetUser'],
    source: [`${MODEL}AdminDisableUser`, `${MODEL}AdminGetUserResponse$Enabled`, `${MODEL}UserType$Enabled`],
  },
];

/** The behaviour verdicts of {@link RULES}, one judgement per rule in the same order. */
function behaviour(
  judged: readonly Pick<BehaviourVerdict, 'verdict' | 'runs' | 'failed' | 'brokenAt' | 'reason'>[],
): BehaviourVerdict[] {
  return RULES.map((rule, index) => ({ ...rule, ...(judged[index] as BehaviourVerdict) }));
}

const HOLDS = (runs: number) => ({ verdict: 'holds' as const, runs, failed: 0, brokenAt: [] });

function report(
  target: ReportTarget,
  operations: readonly OperationReport[],
  changes: readonly ChangeVerdict[],
  verdicts: readonly BehaviourVerdict[],
): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'cognito-conformance', version: '0.1.0' },
    target,
    sdk: { version: '3.1169.0' },
    spec: { documents: ['cognito-idp-2016-04-18.normal.json'], operations: operations.length },
    run: { profile: 'quick', seed: 1234, startedAt: '2025-01-15T10:00:00.000Z', durationMs: 41_250 },
    summary: summarise(operations),
    operations,
    coverage: modelCoverage(operations, { groups: RESOURCE_GROUPS, operations: modelResourceGroups() }),
    changes,
    behaviour: verdicts,
  };
}

export const COGNITO_LOCAL_REPORT: Report = report(
  { kind: 'embedded', name: 'cognito-local', endpoint: 'http://127.0.0.1:9229', version: '5.3.0' },
  COGNITO_LOCAL_OPERATIONS,
  [
    {
      ...ADVANCED_SECURITY,
      supported: false,
      evidence: 'Rejected with InvalidParameterException: ' + HOSTILE_MESSAGE,
    },
    { ...AVAILABLE_CHALLENGES, supported: null, evidence: 'No response exercised a challenge' },
  ],
  behaviour([HOLDS(5), HOLDS(6), HOLDS(8), HOLDS(4)]),
);

export const MOTO_REPORT: Report = report(
  {
    kind: 'container',
    name: 'moto',
    endpoint: 'http://127.0.0.1:5000',
    image: 'docker.io/motoserver/moto:5.1.4',
  },
  MOTO_OPERATIONS,
  [
    { ...ADVANCED_SECURITY, supported: true, evidence: 'DescribeUserPool echoed AdvancedSecurityMode=AUDIT' },
    {
      ...AVAILABLE_CHALLENGES,
      supported: true,
      evidence: 'AvailableChallenges present on 12 of 12 responses',
    },
    { ...MFA_PREFERENCE, supported: true, evidence: 'Operation answered 20 of 20 calls' },
  ],
  behaviour([
    { verdict: 'not-judged', runs: 0, failed: 0, brokenAt: [], reason: NOT_REACHED_REASON },
    HOLDS(6),
    { verdict: 'broken', runs: 8, failed: 3, brokenAt: ['InitiateAuth'] },
    HOLDS(1),
  ]),
);
