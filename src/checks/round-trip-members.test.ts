import { describe, expect, it } from 'vitest';
import { loadOperationSpecs, specFor } from '../spec/index.ts';
import { NOT_IN_RESPONSE, describePlan, listPlan } from './round-trip-members.ts';

const specs = loadOperationSpecs();
const plan = (write: string, read: string) => describePlan(specFor(specs, write), specFor(specs, read));

describe('round-trip plans from the specs', () => {
  it('maps CreateUserPool members by name, PoolName to Name, and skips Schema with a reason', () => {
    const create = plan('CreateUserPool', 'DescribeUserPool');
    expect(create.resource).toBe('UserPool');
    expect(create.members).toContainEqual({ request: 'PoolName', response: 'Name' });
    expect(create.members).toContainEqual({ request: 'LambdaConfig', response: 'LambdaConfig' });
    expect(create.skipped).toEqual([
      { request: 'Schema', reason: expect.stringContaining('SchemaAttributes') },
    ]);
  });

  it('maps UpdateUserPool UserPoolId to Id, but UserPoolClient keeps its own UserPoolId', () => {
    expect(plan('UpdateUserPool', 'DescribeUserPool').members).toContainEqual({
      request: 'UserPoolId',
      response: 'Id',
    });
    expect(plan('UpdateUserPoolClient', 'DescribeUserPoolClient').members).toContainEqual({
      request: 'UserPoolId',
      response: 'UserPoolId',
    });
  });

  it('skips GenerateSecret, which the client reads back as ClientSecret', () => {
    const create = plan('CreateUserPoolClient', 'DescribeUserPoolClient');
    expect(create.resource).toBe('UserPoolClient');
    expect(create.skipped.map((member) => member.request)).toEqual(['GenerateSecret']);
  });

  it('leaves no request member to the generic reason: each is mapped or skipped on purpose', () => {
    const plans = [
      plan('CreateUserPool', 'DescribeUserPool'),
      plan('UpdateUserPool', 'DescribeUserPool'),
      plan('CreateUserPoolClient', 'DescribeUserPoolClient'),
      plan('UpdateUserPoolClient', 'DescribeUserPoolClient'),
    ];
    for (const each of plans)
      expect(
        each.skipped.filter((member) => member.reason === NOT_IN_RESPONSE),
        each.operation,
      ).toEqual([]);
  });

  it('reads a listing through its item schema: Name and LambdaConfig are listed', () => {
    const listed = listPlan(specFor(specs, 'CreateUserPool'), specFor(specs, 'ListUserPools'));
    expect(listed.resource).toBe('UserPools');
    expect(listed.members).toEqual([
      { request: 'PoolName', response: 'Name' },
      { request: 'LambdaConfig', response: 'LambdaConfig' },
    ]);
  });
});
