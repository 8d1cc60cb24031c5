import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { JsonSchema } from '../format/index.ts';
import { committedModelSpec, specFiles } from './test-support/committed-model-specs.ts';
import { describeWithDocuments } from './test-support/source-documents.ts';

/** The schema at a JSON pointer of an instance (`*` for list items and map values). */
function at(schema: JsonSchema, pointer: string): JsonSchema {
  return pointer
    .split('/')
    .slice(1)
    .reduce((node, segment) => {
      const next =
        segment === '*'
          ? (node['items'] ?? node['additionalProperties'])
          : (node['properties'] as Record<string, JsonSchema> | undefined)?.[segment];
      if (next === undefined) throw new Error(`at: no ${segment} in ${JSON.stringify(node).slice(0, 80)}`);
      return next as JsonSchema;
    }, schema);
}

const request = (operation: string, pointer: string) => at(committedModelSpec(operation).request, pointer);
const response = (operation: string, pointer: string) => at(committedModelSpec(operation).response, pointer);
const allSpecs = () => specFiles().map((name) => committedModelSpec(name.replace(/\.json$/, '')));

// The model specs of the operations a page describes are generated from the reference, so these read the documents.
describeWithDocuments('model specs: facts of the current reference', () => {
  it('names the target, the source shape and the sorted modeled errors', () => {
    expect(committedModelSpec('ListUsers')).toMatchObject({
      target: 'AWSCognitoIdentityProviderService.ListUsers',
      source: {
        document: 'cognito-identity-provider-2016-04-18.smithy.json',
        shape: 'com.amazonaws.cognitoidentityprovider#ListUsers',
      },
      errors: [
        'InternalErrorException',
        'InvalidParameterException',
        'NotAuthorizedException',
        'ResourceNotFoundException',
        'TooManyRequestsException',
      ],
    });
  });

  it('takes ListUsers pagination from smithy.api#paginated', () => {
    expect(committedModelSpec('ListUsers').pagination).toEqual({
      inputToken: 'PaginationToken',
      outputToken: 'PaginationToken',
      items: 'Users',
      pageSize: 'Limit',
    });
    expect(committedModelSpec('AdminCreateUser').pagination).toBeUndefined();
  });

  it('sends InitiateAuth and SignUp unsigned, as both auth traits say, and AdminCreateUser with SigV4', () => {
    const unsigned = { auth: 'none', authTraits: { 'smithy.api#auth': [], 'smithy.api#optionalAuth': {} } };

    expect(committedModelSpec('InitiateAuth')).toMatchObject(unsigned);
    expect(committedModelSpec('SignUp')).toMatchObject(unsigned);
    expect(committedModelSpec('AdminCreateUser')).toMatchObject({ auth: 'sigv4', authTraits: {} });
  });

  it('counts 31 unsigned operations, 82 SigV4 ones and 9 paginated ones', () => {
    const specs = allSpecs();

    expect(specs.filter((spec) => spec.auth === 'none')).toHaveLength(31);
    expect(specs.filter((spec) => spec.auth === 'sigv4')).toHaveLength(82);
    expect(specs.filter((spec) => spec.pagination !== undefined)).toHaveLength(9);
  });

  it('marks sensitive members, from the target shape', () => {
    expect(request('AdminCreateUser', '/TemporaryPassword')).toMatchObject({ sensitive: true });
    expect(request('InitiateAuth', '/AuthParameters')).toMatchObject({ type: 'object', sensitive: true });
    expect(request('AdminCreateUser', '/UserPoolId')).not.toHaveProperty('sensitive');
  });

  it('bounds UserPoolId by length and pattern', () => {
    expect(request('AdminCreateUser', '/UserPoolId')).toEqual({
      type: 'string',
      minLength: 1,
      maxLength: 55,
      pattern: '^[\\w-]+_[0-9a-zA-Z]+$',
    });
  });

  it('writes timestamps as epoch seconds, integers with their range, maps with key constraints', () => {
    expect(response('AdminGetUser', '/UserCreateDate')).toEqual({ type: 'number', format: 'epoch-seconds' });
    expect(request('ListUserPools', '/MaxResults')).toEqual({ type: 'integer', minimum: 1, maximum: 60 });
    expect(request('CreateIdentityProvider', '/AttributeMapping')).toMatchObject({
      propertyNames: { type: 'string', minLength: 1, maxLength: 32 },
      additionalProperties: { type: 'string', minLength: 0, maxLength: 131072 },
    });
  });

  it("lists an enum's wire values (smithy.api#enumValue), not its member names", () => {
    expect(request('AdminCreateUser', '/MessageAction')).toEqual({
      type: 'string',
      enum: ['RESEND', 'SUPPRESS'],
    });
    expect(request('CreateUserPool', '/AliasAttributes/*')).toEqual({
      type: 'string',
      enum: ['phone_number', 'email', 'preferred_username'],
    });
  });

  it('shows defaults, and none where the member sets default to null', () => {
    expect(request('AdminCreateUser', '/ForceAliasCreation')).toEqual({ type: 'boolean', default: false });
    expect(request('CreateUserPoolClient', '/RefreshTokenValidity')).toEqual({
      type: 'integer',
      minimum: 0,
      maximum: 315360000,
      default: 0,
    });
    expect(response('DescribeUserPool', '/UserPool/SchemaAttributes/*/Mutable')).toEqual({ type: 'boolean' });
  });

  it('writes blobs as base64 text and an operation without output as an empty object', () => {
    expect(request('SetUICustomization', '/ImageFile')).toEqual({
      type: 'string',
      contentEncoding: 'base64',
      minLength: 0,
      maxLength: 174764,
    });
    expect(committedModelSpec('AdminDeleteUser').response).toMatchObject({
      type: 'object',
      properties: {},
      additionalProperties: false,
    });
  });

  it('marks deprecated members and records the constraints it relaxes', () => {
    expect(response('DescribeUserPool', '/UserPool/Status')).toMatchObject({ deprecated: true });
    expect(committedModelSpec('UpdateUserPool').relaxedConstraints).toEqual([
      expect.objectContaining({
        direction: 'request',
        path: '/AdminCreateUserConfig/InviteMessageTemplate/SMSMessage',
        source: 'com.amazonaws.cognitoidentityprovider#SmsInviteMessageType',
        trait: 'smithy.api#pattern',
        value: '^(?s)',
      }),
    ]);
  });

  it('inlines every shape: none recurs in the current reference', () => {
    for (const spec of allSpecs()) expect(JSON.stringify(spec), spec.operation).not.toContain('"$ref"');
  });
});

describeWithDocuments('model specs against the current reference', ({ referencePath }) => {
  it('are unsigned exactly where an operation carries smithy.api#auth [] or smithy.api#optionalAuth', () => {
    const { shapes } = JSON.parse(readFileSync(referencePath, 'utf8')) as {
      shapes: Record<string, { type: string; traits?: Record<string, unknown> }>;
    };
    const operations = Object.entries(shapes).filter(([, shape]) => shape.type === 'operation');
    const unsigned = operations
      .filter(([, { traits = {} }]) => 'smithy.api#optionalAuth' in traits || 'smithy.api#auth' in traits)
      .map(([id]) => id.split('#')[1])
      .sort();
    const paginated = operations
      .filter(([, { traits = {} }]) => 'smithy.api#paginated' in traits)
      .map(([id]) => id.split('#')[1])
      .sort();

    const specs = allSpecs();
    expect(specs.filter((spec) => spec.auth === 'none').map((spec) => spec.operation)).toEqual(unsigned);
    expect(specs.filter((spec) => spec.pagination).map((spec) => spec.operation)).toEqual(paginated);
  });
});
