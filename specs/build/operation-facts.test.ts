import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonSchema, OperationSpec } from '../format/index.ts';

/*
 * Facts read off the seed document (000_198668429231732d.txt) and the model by hand, checked against the
 * committed specs. Deliberately independent of the generator: only the JSON files are read.
 */

function spec(operation: string): OperationSpec {
  return JSON.parse(
    readFileSync(new URL(`../operations/${operation}.json`, import.meta.url), 'utf8'),
  ) as OperationSpec;
}

/** The schema at a pointer: member names through `properties`, `*` through `items` or a map's values. */
function at(schema: JsonSchema, pointer: string): JsonSchema {
  return pointer
    .split('/')
    .slice(1)
    .reduce((node, segment) => {
      const next =
        segment === '*'
          ? (node['items'] ?? node['additionalProperties'])
          : (node['properties'] as Record<string, JsonSchema> | undefined)?.[segment];
      if (next === undefined || typeof next !== 'object')
        throw new Error(`at: no schema at ${pointer} (stopped at ${segment})`);
      return next as JsonSchema;
    }, schema);
}

const members = (schema: JsonSchema, pointer = '') =>
  Object.keys(at(schema, pointer)['properties'] as object);
const required = (schema: JsonSchema, pointer = '') => at(schema, pointer)['required'];
const EPOCH = { type: 'number', format: 'epoch-seconds' };
const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' } };
const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
];
const CHALLENGES = [
  'SMS_MFA',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
];
/** The challenge names the current reference adds to the page's, which a response may carry. */
const LATER_CHALLENGES = [
  'EMAIL_OTP',
  'SELECT_CHALLENGE',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
];
const EXPLICIT_AUTH_FLOWS = ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'];
/** The auth flows the current reference adds to the page's. */
const LATER_EXPLICIT_AUTH_FLOWS = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
];
const CREATE_USER_POOL_MEMBERS = [
  'PoolName',
  'Policies',
  'LambdaConfig',
  'AutoVerifiedAttributes',
  'AliasAttributes',
  'UsernameAttributes',
  'SmsVerificationMessage',
  'EmailVerificationMessage',
  'EmailVerificationSubject',
  'VerificationMessageTemplate',
  'SmsAuthenticationMessage',
  'MfaConfiguration',
  'DeviceConfiguration',
  'EmailConfiguration',
  'SmsConfiguration',
  'UserPoolTags',
  'AdminCreateUserConfig',
  'Schema',
  'UserPoolAddOns',
];
const CLIENT_MEMBERS = [
  'UserPoolId',
  'ClientName',
  'ClientId',
  'ClientSecret',
  'LastModifiedDate',
  'CreationDate',
  'RefreshTokenValidity',
  'ReadAttributes',
  'WriteAttributes',
  'ExplicitAuthFlows',
  'SupportedIdentityProviders',
  'CallbackURLs',
  'LogoutURLs',
  'DefaultRedirectURI',
  'AllowedOAuthFlows',
  'AllowedOAuthScopes',
  'AllowedOAuthFlowsUserPoolClient',
  'AnalyticsConfiguration',
];
const OPERATIONS: Record<string, { line: number; status: 'new' | 'updated' }> = {
  GetSigningCertificate: { line: 7, status: 'new' },
  AdminInitiateAuth: { line: 50, status: 'updated' },
  CreateUserPool: { line: 323, status: 'updated' },
  CreateUserPoolClient: { line: 1213, status: 'updated' },
  DescribeUserPool: { line: 1590, status: 'updated' },
  DescribeUserPoolClient: { line: 2046, status: 'updated' },
  InitiateAuth: { line: 2248, status: 'updated' },
  ListUserPools: { line: 2467, status: 'updated' },
  UpdateUserPool: { line: 2614, status: 'updated' },
  UpdateUserPoolClient: { line: 2991, status: 'updated' },
};

function requiredAnywhere(schema: JsonSchema): boolean {
  return Object.entries(schema).some(
    ([key, value]) =>
      key === 'required' ||
      (typeof value === 'object' && value !== null && requiredAnywhere(value as JsonSchema)),
  );
}

describe.each(Object.entries(OPERATIONS))('%s: identity', (operation, { line, status }) => {
  const s = spec(operation);

  it('names its target, status, source and schema ids', () => {
    expect(s.specVersion).toBe(1);
    expect(s.operation).toBe(operation);
    expect(s.target).toBe(`AWSCognitoIdentityProviderService.${operation}`);
    expect(s.status).toBe(status);
    expect(s.source).toEqual({
      document: '000_198668429231732d.txt',
      section: `${operation} (${status})`,
      line,
    });
    expect(s.request['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.request['$id']).toBe(`urn:cognito-conformance:${operation}:request`);
    expect(s.response['$id']).toBe(`urn:cognito-conformance:${operation}:response`);
  });

  it('has no required members in its response (the page marks none)', () => {
    expect(requiredAnywhere(s.response)).toBe(false);
  });

  it('lists its modeled errors sorted', () => {
    expect(s.errors).toEqual([...s.errors].sort());
    expect(s.errors).toContain('InternalErrorException');
  });
});

describe('GetSigningCertificate', () => {
  const s = spec('GetSigningCertificate');
  it('is a new operation taking a required UserPoolId and returning a Certificate', () => {
    expect(s.changes).toEqual([{ direction: 'operation', kind: 'operation', path: '' }]);
    expect(members(s.request)).toEqual(['UserPoolId']);
    expect(required(s.request)).toEqual(['UserPoolId']);
    expect(at(s.response, '/Certificate')).toEqual({ type: 'string' });
    // The page's errors, and the one the current reference adds (the later document stands).
    expect(s.errors).toEqual([
      'InternalErrorException',
      'InvalidParameterException',
      'ResourceNotFoundException',
    ]);
  });
});

describe('AdminInitiateAuth', () => {
  const s = spec('AdminInitiateAuth');
  it('requires UserPoolId, ClientId and AuthFlow, with the five flows the current reference leaves it', () => {
    expect(members(s.request)).toEqual([
      'UserPoolId',
      'ClientId',
      'AuthFlow',
      'AuthParameters',
      'ClientMetadata',
      'AnalyticsMetadata',
      'ContextData',
    ]);
    expect(required(s.request)).toEqual(['UserPoolId', 'ClientId', 'AuthFlow']);
    // USER_PASSWORD_AUTH is withdrawn from AdminInitiateAuth by the current reference.
    expect(at(s.request, '/AuthFlow')).toEqual({
      type: 'string',
      enum: AUTH_FLOWS.filter((flow) => flow !== 'USER_PASSWORD_AUTH'),
    });
    expect(at(s.request, '/AuthParameters')).toEqual(STRING_MAP);
    expect(at(s.request, '/ClientMetadata')).toEqual(STRING_MAP);
  });
  it('requires the four context members, and HttpHeaders is a list of name/value pairs', () => {
    expect(required(s.request, '/ContextData')).toEqual([
      'IpAddress',
      'ServerName',
      'ServerPath',
      'HttpHeaders',
    ]);
    expect(members(s.request, '/ContextData/HttpHeaders/*')).toEqual(['headerName', 'headerValue']);
  });
  it('returns challenges, session and tokens', () => {
    expect(members(s.response)).toEqual([
      'ChallengeName',
      'Session',
      'ChallengeParameters',
      'AuthenticationResult',
    ]);
    // The page's challenges first, then those the current reference adds.
    expect(at(s.response, '/ChallengeName')['enum']).toEqual([...CHALLENGES, ...LATER_CHALLENGES]);
    expect(at(s.response, '/ChallengeParameters')).toEqual(STRING_MAP);
    expect(at(s.response, '/AuthenticationResult/ExpiresIn')).toEqual({ type: 'integer' });
    expect(members(s.response, '/AuthenticationResult/NewDeviceMetadata')).toEqual([
      'DeviceKey',
      'DeviceGroupKey',
    ]);
  });
  it('announces USER_PASSWORD_AUTH, which the current reference withdrew, and narrows it out', () => {
    const source = 'com.amazonaws.cognitoidentityprovider#AdminInitiateAuthRequest$AuthFlow';
    expect(s.changes).toEqual([
      {
        direction: 'request',
        kind: 'enum-value',
        path: '/AuthFlow',
        value: 'USER_PASSWORD_AUTH',
        withdrawnBy: source,
      },
    ]);
    expect(s.narrowings).toEqual([
      expect.objectContaining({
        direction: 'request',
        path: '/AuthFlow',
        excluded: ['USER_PASSWORD_AUTH'],
        source,
      }),
    ]);
    expect(s.errors).toEqual(
      expect.arrayContaining([
        'ResourceNotFoundException',
        'UserNotFoundException',
        'UserNotConfirmedException',
      ]),
    );
  });
});

describe('CreateUserPool', () => {
  const s = spec('CreateUserPool');
  it('requires exactly PoolName at the top level, constrained by the model', () => {
    expect(members(s.request)).toEqual(CREATE_USER_POOL_MEMBERS);
    expect(required(s.request)).toEqual(['PoolName']);
    expect(at(s.request, '/PoolName')).toEqual({
      type: 'string',
      minLength: 1,
      maxLength: 128,
      pattern: '[\\w\\s+=,.@-]+',
    });
  });
  it('requires nested members the page marks', () => {
    expect(required(s.request, '/SmsConfiguration')).toEqual(['SnsCallerArn']);
    expect(required(s.request, '/UserPoolAddOns')).toEqual(['AdvancedSecurityMode']);
    expect(required(s.request, '/Policies/PasswordPolicy')).toBeUndefined();
  });
  it('reads maps, enums, lists and integers', () => {
    expect(at(s.request, '/UserPoolTags')).toEqual(STRING_MAP);
    expect(at(s.request, '/MfaConfiguration')).toEqual({ type: 'string', enum: ['OFF', 'ON', 'OPTIONAL'] });
    expect(at(s.request, '/AliasAttributes/*')).toEqual({
      type: 'string',
      enum: ['phone_number', 'email', 'preferred_username'],
    });
    expect(at(s.request, '/Schema/*/AttributeDataType')['enum']).toEqual([
      'String',
      'Number',
      'DateTime',
      'Boolean',
    ]);
    expect(at(s.request, '/Schema')).toMatchObject({ minItems: 1, maxItems: 50 });
    expect(at(s.request, '/Policies/PasswordPolicy/MinimumLength')).toEqual({
      type: 'integer',
      minimum: 6,
      maximum: 99,
    });
    expect(at(s.request, '/UserPoolAddOns/AdvancedSecurityMode')['enum']).toEqual([
      'OFF',
      'AUDIT',
      'ENFORCED',
    ]);
  });
  it('returns the pool with dates as epoch seconds', () => {
    expect(at(s.response, '/UserPool/CreationDate')).toEqual(EPOCH);
    expect(at(s.response, '/UserPool/LastModifiedDate')).toEqual(EPOCH);
    expect(at(s.response, '/UserPool/Status')['enum']).toEqual(['Enabled', 'Disabled']);
    expect(members(s.response, '/UserPool/LambdaConfig')).toContain('UserMigration');
  });
  it('announces UserMigration on both sides', () => {
    expect(s.changes).toEqual([
      { direction: 'request', kind: 'member', path: '/LambdaConfig/UserMigration' },
      { direction: 'response', kind: 'member', path: '/UserPool/LambdaConfig/UserMigration' },
    ]);
    expect(s.errors).not.toContain('ResourceNotFoundException');
    expect(s.errors).toContain('LimitExceededException');
  });
});

describe('CreateUserPoolClient', () => {
  const s = spec('CreateUserPoolClient');
  it('requires UserPoolId and ClientName', () => {
    expect(required(s.request)).toEqual(['UserPoolId', 'ClientName']);
    expect(at(s.request, '/GenerateSecret')).toEqual({ type: 'boolean' });
    // The 2018 model bounds it at 3650; the current reference at 315360000, and the later document stands.
    expect(at(s.request, '/RefreshTokenValidity')).toEqual({
      type: 'integer',
      minimum: 0,
      maximum: 315360000,
    });
    expect(s.laterConstraints).toContainEqual({
      path: '/RefreshTokenValidity',
      keyword: 'maximum',
      document: 3650,
      reference: 315360000,
    });
  });
  it('offers USER_PASSWORD_AUTH among the explicit auth flows', () => {
    expect(at(s.request, '/ExplicitAuthFlows/*')).toEqual({ type: 'string', enum: EXPLICIT_AUTH_FLOWS });
    expect(at(s.request, '/AllowedOAuthFlows/*')['enum']).toEqual(['code', 'implicit', 'client_credentials']);
    expect(at(s.request, '/AllowedOAuthFlows')).toMatchObject({ minItems: 0, maxItems: 3 });
  });
  it('requires none of the analytics identifiers, as the current reference no longer does', () => {
    const relaxed = ['ApplicationId', 'ExternalId', 'RoleArn'].map((m) => `/AnalyticsConfiguration/${m}`);
    expect(required(s.request, '/AnalyticsConfiguration')).toBeUndefined();
    expect(s.laterOptionalMembers).toEqual(relaxed);
  });
  it('returns the client', () => {
    expect(members(s.response, '/UserPoolClient')).toEqual(CLIENT_MEMBERS);
    expect(at(s.response, '/UserPoolClient/CreationDate')).toEqual(EPOCH);
  });
  it('announces the flow on both sides', () => {
    expect(s.changes).toEqual([
      { direction: 'request', kind: 'enum-value', path: '/ExplicitAuthFlows', value: 'USER_PASSWORD_AUTH' },
      {
        direction: 'response',
        kind: 'enum-value',
        path: '/UserPoolClient/ExplicitAuthFlows',
        value: 'USER_PASSWORD_AUTH',
      },
    ]);
    expect(s.errors).toContain('ResourceNotFoundException');
  });
});

describe('DescribeUserPool', () => {
  const s = spec('DescribeUserPool');
  it('takes a required pool id and returns the pool', () => {
    expect(members(s.request)).toEqual(['UserPoolId']);
    expect(required(s.request)).toEqual(['UserPoolId']);
    expect(at(s.request, '/UserPoolId')).toEqual({
      type: 'string',
      minLength: 1,
      maxLength: 55,
      pattern: '[\\w-]+_[0-9a-zA-Z]+',
    });
    expect(at(s.response, '/UserPool/CreationDate')).toEqual(EPOCH);
    expect(at(s.response, '/UserPool/UserPoolTags')).toEqual(STRING_MAP);
  });
  it('announces only a response change', () => {
    expect(s.changes).toEqual([
      { direction: 'response', kind: 'member', path: '/UserPool/LambdaConfig/UserMigration' },
    ]);
    expect(s.errors).toContain('ResourceNotFoundException');
  });
});

describe('DescribeUserPoolClient', () => {
  const s = spec('DescribeUserPoolClient');
  it('takes pool and client ids and returns the client', () => {
    expect(members(s.request)).toEqual(['UserPoolId', 'ClientId']);
    expect(required(s.request)).toEqual(['UserPoolId', 'ClientId']);
    expect(members(s.response, '/UserPoolClient')).toEqual(CLIENT_MEMBERS);
    expect(at(s.response, '/UserPoolClient/ExplicitAuthFlows/*')['enum']).toEqual([
      ...EXPLICIT_AUTH_FLOWS,
      ...LATER_EXPLICIT_AUTH_FLOWS,
    ]);
  });
  it('announces only a response change', () => {
    expect(s.changes).toEqual([
      {
        direction: 'response',
        kind: 'enum-value',
        path: '/UserPoolClient/ExplicitAuthFlows',
        value: 'USER_PASSWORD_AUTH',
      },
    ]);
    expect(s.errors).toContain('ResourceNotFoundException');
  });
});

describe('InitiateAuth', () => {
  const s = spec('InitiateAuth');
  it('requires AuthFlow and ClientId', () => {
    expect(members(s.request)).toEqual([
      'AuthFlow',
      'AuthParameters',
      'ClientMetadata',
      'ClientId',
      'AnalyticsMetadata',
      'UserContextData',
    ]);
    expect(required(s.request)).toEqual(['AuthFlow', 'ClientId']);
  });
  it('leaves ADMIN_NO_SRP_AUTH out of AuthFlow and records why', () => {
    expect(at(s.request, '/AuthFlow')).toEqual({
      type: 'string',
      enum: AUTH_FLOWS.filter((flow) => flow !== 'ADMIN_NO_SRP_AUTH'),
    });
    expect(s.narrowings).toEqual([
      {
        direction: 'request',
        path: '/AuthFlow',
        excluded: ['ADMIN_NO_SRP_AUTH'],
        reason: expect.any(String),
      },
    ]);
  });
  it('still returns every challenge name', () => {
    // The page's challenges first, then those the current reference adds.
    expect(at(s.response, '/ChallengeName')['enum']).toEqual([...CHALLENGES, ...LATER_CHALLENGES]);
  });
  it('announces USER_PASSWORD_AUTH', () => {
    expect(s.changes).toEqual([
      { direction: 'request', kind: 'enum-value', path: '/AuthFlow', value: 'USER_PASSWORD_AUTH' },
    ]);
    expect(s.errors).toContain('ResourceNotFoundException');
  });
});

describe('ListUserPools', () => {
  const s = spec('ListUserPools');
  it('requires MaxResults between 1 and 60', () => {
    expect(required(s.request)).toEqual(['MaxResults']);
    expect(at(s.request, '/MaxResults')).toEqual({ type: 'integer', minimum: 1, maximum: 60 });
    expect(at(s.request, '/NextToken')).toMatchObject({ type: 'string', minLength: 1 });
  });
  it('returns pool descriptions', () => {
    expect(members(s.response)).toEqual(['UserPools', 'NextToken']);
    expect(members(s.response, '/UserPools/*')).toEqual([
      'Id',
      'Name',
      'LambdaConfig',
      'Status',
      'LastModifiedDate',
      'CreationDate',
    ]);
    expect(at(s.response, '/UserPools/*/CreationDate')).toEqual(EPOCH);
  });
  it('announces UserMigration inside each listed pool', () => {
    expect(s.changes).toEqual([
      { direction: 'response', kind: 'member', path: '/UserPools/*/LambdaConfig/UserMigration' },
    ]);
    expect(s.errors).not.toContain('ResourceNotFoundException');
  });
});

describe('UpdateUserPool', () => {
  const s = spec('UpdateUserPool');
  it('requires UserPoolId and takes no name, aliases, username attributes or schema', () => {
    expect(required(s.request)).toEqual(['UserPoolId']);
    expect(members(s.request)).toHaveLength(16);
    for (const absent of ['PoolName', 'AliasAttributes', 'UsernameAttributes', 'Schema'])
      expect(members(s.request)).not.toContain(absent);
    expect(required(s.request, '/SmsConfiguration')).toEqual(['SnsCallerArn']);
    expect(required(s.request, '/UserPoolAddOns')).toEqual(['AdvancedSecurityMode']);
  });
  it('returns an empty object', () => {
    expect(members(s.response)).toEqual([]);
    expect(s.response['additionalProperties']).toBe(false);
  });
  it('announces UserMigration in the request', () => {
    expect(s.changes).toEqual([
      { direction: 'request', kind: 'member', path: '/LambdaConfig/UserMigration' },
    ]);
    expect(s.errors).toEqual(
      expect.arrayContaining(['ResourceNotFoundException', 'ConcurrentModificationException']),
    );
  });
});

describe('UpdateUserPoolClient', () => {
  const s = spec('UpdateUserPoolClient');
  it('requires UserPoolId and ClientId', () => {
    expect(required(s.request)).toEqual(['UserPoolId', 'ClientId']);
    expect(members(s.request)).toHaveLength(15);
    expect(members(s.request)).not.toContain('GenerateSecret');
    // The 2018 model required the three analytics identifiers; the current reference requires none.
    expect(required(s.request, '/AnalyticsConfiguration')).toBeUndefined();
  });
  it('announces the flow on both sides', () => {
    expect(s.changes).toEqual([
      { direction: 'request', kind: 'enum-value', path: '/ExplicitAuthFlows', value: 'USER_PASSWORD_AUTH' },
      {
        direction: 'response',
        kind: 'enum-value',
        path: '/UserPoolClient/ExplicitAuthFlows',
        value: 'USER_PASSWORD_AUTH',
      },
    ]);
    expect(s.errors).toEqual(
      expect.arrayContaining(['ResourceNotFoundException', 'ScopeDoesNotExistException']),
    );
  });
});
