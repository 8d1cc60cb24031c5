import { describe, expect, it } from 'vitest';
import { recordedExchange } from '../../test/support/recorded-exchange.ts';
import type { AnnouncedChange } from '../changes/index.ts';
import { judgeReflection, judgeUse, setupFailedOutcome, toChangeVerdict } from './document-changes.ts';

const enumChange: AnnouncedChange = {
  operation: 'CreateUserPoolClient',
  direction: 'request',
  kind: 'enum-value',
  path: '/ExplicitAuthFlows',
  value: 'USER_PASSWORD_AUTH',
};
const responseMember: AnnouncedChange = {
  operation: 'ListUserPools',
  direction: 'response',
  kind: 'member',
  path: '/UserPools/*/LambdaConfig/UserMigration',
};
const newOperation: AnnouncedChange = {
  operation: 'GetSigningCertificate',
  direction: 'operation',
  kind: 'operation',
  path: '',
};
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:cc-trigger';

describe('judgeUse', () => {
  it('lets an accepted use through to observation', () => {
    expect(
      judgeUse(
        enumChange,
        'CreateUserPoolClient',
        recordedExchange({ operation: 'CreateUserPoolClient', body: {} }),
      ),
    ).toBeUndefined();
  });

  it('makes a refused valid use unsupported, with a rejected-valid finding on the changed member', () => {
    const outcome = judgeUse(
      enumChange,
      'CreateUserPoolClient',
      recordedExchange({
        operation: 'CreateUserPoolClient',
        status: 400,
        body: { __type: 'InvalidParameterException', message: 'x' },
      }),
    );
    expect(outcome).toEqual(
      expect.objectContaining({
        supported: false,
        findings: [
          expect.objectContaining({
            kind: 'rejected-valid',
            path: '/ExplicitAuthFlows',
            actual: 'HTTP 400 InvalidParameterException',
          }),
        ],
      }),
    );
  });

  it('makes an unimplemented new operation unsupported without a cascade of findings', () => {
    const exchange = recordedExchange({
      operation: 'GetSigningCertificate',
      status: 500,
      body: {
        __type: 'CognitoLocal#Unsupported',
        message: 'Cognito Local unsupported feature: Unsupported x-amz-target header "GetSigningCertificate"',
      },
    });
    expect(judgeUse(newOperation, 'GetSigningCertificate', exchange)).toEqual(
      expect.objectContaining({ supported: false, findings: [], unsupportedOperation: true }),
    );
  });

  it('keeps a 5xx about the new enum value a finding, even when it names the operation', () => {
    const change: AnnouncedChange = {
      operation: 'InitiateAuth',
      direction: 'request',
      kind: 'enum-value',
      path: '/AuthFlow',
      value: 'USER_PASSWORD_AUTH',
    };
    const exchange = recordedExchange({
      operation: 'InitiateAuth',
      status: 501,
      body: { __type: 'NotImplemented', message: 'InitiateAuth: USER_PASSWORD_AUTH is not implemented' },
    });
    expect(judgeUse(change, 'InitiateAuth', exchange)).toEqual(
      expect.objectContaining({
        supported: false,
        findings: [expect.objectContaining({ kind: 'rejected-valid', path: '/AuthFlow' })],
      }),
    );
  });

  it('cannot tell without a complete response', () => {
    const exchange = recordedExchange({
      operation: 'GetSigningCertificate',
      status: 0,
      transportError: 'ETIMEDOUT',
    });
    expect(judgeUse(newOperation, 'GetSigningCertificate', exchange)).toEqual(
      expect.objectContaining({ supported: null, findings: [] }),
    );
  });
});

describe('judgeReflection', () => {
  it('supports a change whose value shows where it should', () => {
    const outcome = judgeReflection(
      enumChange,
      { contains: 'USER_PASSWORD_AUTH' },
      {
        operation: 'DescribeUserPoolClient',
        path: '/UserPoolClient/ExplicitAuthFlows',
        value: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'],
      },
      'accepted',
    );
    expect(outcome).toEqual(expect.objectContaining({ supported: true, findings: [] }));
  });

  it('reports an accepted request value that Describe drops as a state finding on the request member', () => {
    const outcome = judgeReflection(
      enumChange,
      { contains: 'USER_PASSWORD_AUTH' },
      { operation: 'DescribeUserPoolClient', path: '/UserPoolClient/ExplicitAuthFlows', value: undefined },
      'accepted',
    );
    expect(outcome).toEqual(
      expect.objectContaining({
        supported: false,
        findings: [expect.objectContaining({ kind: 'state', path: '/ExplicitAuthFlows', actual: null })],
      }),
    );
  });

  it('reports a response member that does not show, at its concrete path', () => {
    const outcome = judgeReflection(
      responseMember,
      { equals: ARN },
      {
        operation: 'ListUserPools',
        path: '/UserPools/3/LambdaConfig/UserMigration',
        value: 'arn:aws:lambda:us-east-1:123456789012:function:other',
      },
      'accepted',
    );
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        kind: 'state',
        path: '/UserPools/3/LambdaConfig/UserMigration',
        expected: ARN,
      }),
    ]);
    expect(outcome.supported).toBe(false);
  });
});

describe('toChangeVerdict', () => {
  it('carries the change and the outcome, null for a failed set-up', () => {
    const outcome = setupFailedOutcome(
      'CreateUserPool',
      recordedExchange({
        operation: 'CreateUserPool',
        status: 400,
        body: { __type: 'LimitExceededException', message: 'x' },
      }),
    );
    expect(toChangeVerdict(enumChange, outcome)).toEqual({
      operation: 'CreateUserPoolClient',
      direction: 'request',
      path: '/ExplicitAuthFlows',
      value: 'USER_PASSWORD_AUTH',
      supported: null,
      evidence: expect.stringContaining('CreateUserPool failed (HTTP 400 LimitExceededException)'),
    });
    expect(
      toChangeVerdict(newOperation, { supported: true, evidence: 'ok', findings: [] }),
    ).not.toHaveProperty('value');
  });
});
