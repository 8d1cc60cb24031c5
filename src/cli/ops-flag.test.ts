import { describe, expect, it } from 'vitest';
import { UsageError } from './exit-codes.ts';
import { OPS_GROUP_NAMES } from '../settings/index.ts';
import { checkedOps } from './run-flags.ts';
import { sdkDiffPlan } from './sdk-diff-plan.ts';

describe('checkedOps: --ops takes operations and resource groups', () => {
  it('expands a group to its operations the suite judges, in the specs spelling, each once', () => {
    expect(checkedOps('run', 'app-clients')).toEqual([
      'CreateUserPoolClient',
      'DeleteUserPoolClient',
      'DescribeUserPoolClient',
      'ListUserPoolClients',
      'UpdateUserPoolClient',
    ]);
    expect(checkedOps('run', 'listuserpools, Tags,TagResource')).toEqual([
      'ListUserPools',
      'ListTagsForResource',
      'TagResource',
      'UntagResource',
    ]);
    expect(checkedOps('run', 'listusers')).toEqual(['ListUsers']);
  });

  it('refuses an unknown name, listing the operations and the groups the suite judges', () => {
    const run = () => checkedOps('run', 'users,Nope');
    expect(run).toThrow(UsageError);
    expect(run).toThrow(
      /^run: --ops: unknown operation Nope; use one of AddCustomAttributes, .*, VerifyUserAttribute, or a resource group: pools, app clients, users, .*, risk$/,
    );
  });

  it('is what sdk-diff passes on to both runs: the operations, expanded', () => {
    const plan = sdkDiffPlan({ from: '3.600.0', to: '3.1169.0', ops: 'app-clients', seed: '1' }, {});
    expect(plan.runArgs).toEqual([
      '--ops',
      'CreateUserPoolClient,DeleteUserPoolClient,DescribeUserPoolClient,ListUserPoolClients,UpdateUserPoolClient',
      '--seed',
      '1',
      '--report-only',
    ]);
  });

  it('needs at least one name', () => {
    expect(() => checkedOps('run', ' , ')).toThrow('run: --ops needs at least one operation or group name');
  });

  it('names the groups for help texts as they are typed unquoted', () => {
    expect(OPS_GROUP_NAMES).toContain('sign-in-and-tokens');
    expect(OPS_GROUP_NAMES).toContain('mfa');
    for (const name of OPS_GROUP_NAMES) expect(name).toMatch(/^[a-z-]+$/);
  });
});
