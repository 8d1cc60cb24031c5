import { describe, expect, it } from 'vitest';
import { ENV, knownOperations, runSettingsFromEnv } from './index.ts';

describe('COGNITO_CONFORMANCE_OPS takes what --ops takes', () => {
  it('expands a resource group name, in any spelling, to its operations the suite judges', () => {
    const appClients = [
      'CreateUserPoolClient',
      'DeleteUserPoolClient',
      'DescribeUserPoolClient',
      'ListUserPoolClients',
      'UpdateUserPoolClient',
    ];
    expect(knownOperations(ENV.operations, ['app clients', 'ListUserPools'])).toEqual([
      ...appClients,
      'ListUserPools',
    ]);
    expect(runSettingsFromEnv({ [ENV.operations]: 'App_Clients' }).operations).toEqual(appClients);
  });

  it('names the variable, and the groups, when a name is unknown', () => {
    expect(() => knownOperations(ENV.operations, ['Userz'])).toThrow(
      /^COGNITO_CONFORMANCE_OPS: unknown operation Userz; use one of .*, or a resource group: pools, app clients/,
    );
  });
});
