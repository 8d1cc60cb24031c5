import { describe, expect, it } from 'vitest';
import { loadOperationSpecs } from '../spec/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
import {
  announcedChanges,
  changeLabel,
  planChange,
  type AnnouncedChange,
  type ChangePlan,
} from './change-plan.ts';

const specs = loadOperationSpecs();
const values = { region: 'eu-west-1', prefix: 'cc-test-' };
const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:cc-test-conformance-trigger';

function plan(operation: string, direction: AnnouncedChange['direction'], path: string): ChangePlan {
  const change = announcedChanges(specs).find(
    (c) => c.operation === operation && c.direction === direction && c.path === path,
  );
  if (!change) throw new Error(`test: the specs announce no ${operation} ${direction} ${path}`);
  return planChange(change, specs, values);
}

describe('announcedChanges', () => {
  it('lists every change of every spec, and no other', () => {
    const expected = specs.reduce((sum, spec) => sum + spec.changes.length, 0);
    expect(announcedChanges(specs)).toHaveLength(expected);
    expect(expected).toBeGreaterThan(0);
  });

  it('labels changes for test names', () => {
    expect(
      changeLabel({
        operation: 'GetSigningCertificate',
        direction: 'operation',
        kind: 'operation',
        path: '',
      }),
    ).toBe('GetSigningCertificate (new operation)');
    expect(
      changeLabel({
        operation: 'InitiateAuth',
        direction: 'request',
        kind: 'enum-value',
        path: '/AuthFlow',
        value: 'USER_PASSWORD_AUTH',
      }),
    ).toBe('InitiateAuth request /AuthFlow = USER_PASSWORD_AUTH');
  });
});

describe('planChange', () => {
  it('knows how to test every change the specs announce', () => {
    const unplanned = announcedChanges(specs)
      .map((change) => planChange(change, specs, values))
      .filter((planned) => planned.kind === 'unplannable');
    expect(unplanned).toEqual([]);
  });

  it('calls a new operation', () => {
    expect(plan('GetSigningCertificate', 'operation', '')).toEqual(
      expect.objectContaining({ kind: 'operation' }),
    );
  });

  it('signs in with a new AuthFlow value', () => {
    expect(plan('InitiateAuth', 'request', '/AuthFlow')).toEqual(
      expect.objectContaining({ kind: 'auth-flow', flow: 'USER_PASSWORD_AUTH' }),
    );
  });

  it('sets a request enum value in a list and looks for it in Describe', () => {
    expect(plan('UpdateUserPoolClient', 'request', '/ExplicitAuthFlows')).toEqual(
      expect.objectContaining({
        kind: 'resource',
        setter: 'UpdateUserPoolClient',
        requestPath: '/ExplicitAuthFlows',
        value: ['USER_PASSWORD_AUTH'],
        expected: { contains: 'USER_PASSWORD_AUTH' },
        observe: {
          kind: 'describe',
          operation: 'DescribeUserPoolClient',
          path: '/UserPoolClient/ExplicitAuthFlows',
        },
      }),
    );
  });

  it('sets a new request member to a well-formed Lambda ARN', () => {
    expect(plan('CreateUserPool', 'request', '/LambdaConfig/UserMigration')).toEqual(
      expect.objectContaining({
        setter: 'CreateUserPool',
        value: ARN,
        expected: { equals: ARN },
        observe: {
          kind: 'describe',
          operation: 'DescribeUserPool',
          path: '/UserPool/LambdaConfig/UserMigration',
        },
      }),
    );
  });

  it('observes a Create response member in the Create response itself', () => {
    expect(plan('CreateUserPool', 'response', '/UserPool/LambdaConfig/UserMigration')).toEqual(
      expect.objectContaining({
        setter: 'CreateUserPool',
        requestPath: '/LambdaConfig/UserMigration',
        observe: { kind: 'setter-response', path: '/UserPool/LambdaConfig/UserMigration' },
      }),
    );
  });

  it('creates the resource for Describe and List response members', () => {
    expect(plan('DescribeUserPoolClient', 'response', '/UserPoolClient/ExplicitAuthFlows')).toEqual(
      expect.objectContaining({
        setter: 'CreateUserPoolClient',
        observe: {
          kind: 'describe',
          operation: 'DescribeUserPoolClient',
          path: '/UserPoolClient/ExplicitAuthFlows',
        },
      }),
    );
    expect(plan('ListUserPools', 'response', '/UserPools/*/LambdaConfig/UserMigration')).toEqual(
      expect.objectContaining({
        setter: 'CreateUserPool',
        observe: {
          kind: 'list',
          operation: 'ListUserPools',
          collection: '/UserPools',
          itemPath: '/LambdaConfig/UserMigration',
        },
      }),
    );
  });

  it('gives up (verdict null) on changes it has no way to exercise', () => {
    const odd = (change: Partial<AnnouncedChange>): ChangePlan =>
      planChange(
        {
          operation: 'CreateUserPool',
          direction: 'request',
          kind: 'member',
          path: '/LambdaConfig/UserMigration',
          ...change,
        },
        specs,
        values,
      );
    expect(odd({ operation: 'AdminGetUser' }).kind).toBe('unplannable');
    expect(odd({ path: '/NoSuchMember' }).kind).toBe('unplannable');
    expect(odd({ path: '/PoolName' }).kind).toBe('unplannable');
    expect(
      planChange(
        {
          operation: 'InitiateAuth',
          direction: 'request',
          kind: 'enum-value',
          path: '/AuthFlow',
          value: 'USER_SRP_AUTH',
        },
        specs,
        values,
      ).kind,
    ).toBe('unplannable');
  });

  it('reads changes from whatever specs it is given', () => {
    const only: OperationSpec[] = specs.filter((spec) => spec.operation === 'GetSigningCertificate');
    expect(announcedChanges(only)).toEqual([
      { operation: 'GetSigningCertificate', direction: 'operation', kind: 'operation', path: '' },
    ]);
  });
});
