import { describe, expect, it } from 'vitest';
import { loadOperationSpecs, specFor } from '../spec/index.ts';
import { describePlan, listPlan } from './round-trip-members.ts';
import { checkDescribed, checkLastModified, checkListed, checkListedMatchesDescribed } from './round-trip.ts';

const specs = loadOperationSpecs();
const createPool = describePlan(specFor(specs, 'CreateUserPool'), specFor(specs, 'DescribeUserPool'));
const updatePool = describePlan(specFor(specs, 'UpdateUserPool'), specFor(specs, 'DescribeUserPool'));
const listedPool = listPlan(specFor(specs, 'CreateUserPool'), specFor(specs, 'ListUserPools'));
const updateClient = describePlan(
  specFor(specs, 'UpdateUserPoolClient'),
  specFor(specs, 'DescribeUserPoolClient'),
);

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:migrate';
const sent = {
  PoolName: 'cc-pool-1',
  LambdaConfig: { UserMigration: ARN },
  AutoVerifiedAttributes: ['email', 'phone_number'],
  Schema: [{ Name: 'x' }],
};

/** A DescribeUserPool body as Cognito would send it for `sent`, with `overrides` on UserPool. */
function described(overrides: Record<string, unknown> = {}) {
  return {
    UserPool: {
      Id: 'us-east-1_abc',
      Name: 'cc-pool-1',
      LambdaConfig: { UserMigration: ARN },
      AutoVerifiedAttributes: ['phone_number', 'email'],
      SchemaAttributes: [{ Name: 'custom:x' }],
      Status: 'Enabled',
      CreationDate: 1_700_000_000,
      LastModifiedDate: 1_700_000_000,
      ...overrides,
    },
  };
}

describe('checkDescribed', () => {
  it('finds nothing when Describe shows everything sent (enum lists in any order, Schema skipped)', () => {
    expect(checkDescribed(createPool, sent, described())).toEqual([]);
  });

  it('reports a sent member Describe drops as missing-member at its pointer', () => {
    const findings = checkDescribed(createPool, sent, described({ LambdaConfig: {} }));
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'missing-member',
        severity: 'error',
        path: '/UserPool/LambdaConfig/UserMigration',
        expected: ARN,
      }),
    ]);
  });

  it('reports a stale value as state with expected and actual', () => {
    const findings = checkDescribed(
      updateClient,
      { UserPoolId: 'p', ClientId: 'c', RefreshTokenValidity: 10 },
      {
        UserPoolClient: { UserPoolId: 'p', ClientId: 'c', RefreshTokenValidity: 30 },
      },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'state',
        path: '/UserPoolClient/RefreshTokenValidity',
        expected: 10,
        actual: 30,
      }),
    ]);
  });

  it('compares only what an update sent, with UserPoolId read back as Id', () => {
    expect(
      checkDescribed(
        updatePool,
        { UserPoolId: 'us-east-1_abc', MfaConfiguration: 'OFF' },
        described({ MfaConfiguration: 'OFF' }),
      ),
    ).toEqual([]);
    expect(checkDescribed(updatePool, { UserPoolId: 'us-east-1_other' }, described())).toEqual([
      expect.objectContaining({ kind: 'state', path: '/UserPool/Id' }),
    ]);
  });

  it('reports a Describe without the resource as one missing-member', () => {
    expect(checkDescribed(createPool, sent, {})).toEqual([
      expect.objectContaining({ kind: 'missing-member', path: '/UserPool' }),
    ]);
  });
});

describe('checkListed and checkListedMatchesDescribed', () => {
  const item = {
    Id: 'us-east-1_abc',
    Name: 'cc-pool-1',
    LambdaConfig: { UserMigration: ARN },
    Status: 'Enabled',
    CreationDate: 1_700_000_000,
    LastModifiedDate: 1_700_000_000,
  };

  it('finds nothing for a faithful listing', () => {
    expect(checkListed(listedPool, sent, item, '/UserPools/3')).toEqual([]);
    expect(
      checkListedMatchesDescribed(listedPool.schema, item, '/UserPools/3', described().UserPool),
    ).toEqual([]);
  });

  it('reports a listed member that differs from what was sent, at its pointer into the page', () => {
    expect(checkListed(listedPool, sent, { ...item, Name: 'other' }, '/UserPools/3')).toEqual([
      expect.objectContaining({ kind: 'state', path: '/UserPools/3/Name' }),
    ]);
  });

  it('reports a listing that disagrees with Describe (Status)', () => {
    const findings = checkListedMatchesDescribed(
      listedPool.schema,
      { ...item, Status: 'Disabled' },
      '/UserPools/0',
      described().UserPool,
    );
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'state',
        path: '/UserPools/0/Status',
        expected: 'Enabled',
        actual: 'Disabled',
      }),
    ]);
  });
});

describe('checkLastModified', () => {
  const at = (created: number, modified: number) => ({
    UserPool: { CreationDate: created, LastModifiedDate: modified },
  });

  it('finds nothing when LastModifiedDate advances and CreationDate stays', () => {
    expect(checkLastModified('UserPool', at(100, 100), at(100, 102))).toEqual([]);
  });

  it('reports a LastModifiedDate that did not advance as state', () => {
    expect(checkLastModified('UserPool', at(100, 100), at(100, 100))).toEqual([
      expect.objectContaining({ kind: 'state', path: '/UserPool/LastModifiedDate', actual: 100 }),
    ]);
  });

  it('reports a LastModifiedDate before CreationDate, and a CreationDate that moved', () => {
    const findings = checkLastModified('UserPool', at(100, 100), at(105, 101));
    expect(findings.map((finding) => finding.path).sort()).toEqual([
      '/UserPool/CreationDate',
      '/UserPool/LastModifiedDate',
    ]);
  });

  it('leaves timestamps that are not numbers to the wire-format check', () => {
    expect(checkLastModified('UserPool', { UserPool: { LastModifiedDate: '2018' } }, at(100, 100))).toEqual(
      [],
    );
  });
});
