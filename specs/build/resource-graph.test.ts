import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KindCreator } from '../format/index.ts';
import { generateResourceGraph, serialiseResourceGraph } from './resource-graph.ts';
import { specFiles } from './test-support/committed-model-specs.ts';
import {
  committedResourceGraph,
  committedResourceGraphText,
} from './test-support/committed-resource-graph.ts';
import { describeWithDocuments, lazy, SOURCE_DOCUMENTS } from './test-support/source-documents.ts';

const graph = committedResourceGraph();

/** Every kind a creator needs, its read operation's needs included. */
const creatorKinds = (creator: KindCreator) =>
  [...creator.needs, ...(creator.id.in === 'read' ? creator.id.needs : [])].map(({ kind }) => kind);

describe('specs/resource-graph.json', () => {
  it('covers every operation of the model specs, and no other', () => {
    expect(Object.keys(graph.operations)).toEqual(specFiles().map((name) => name.replace(/\.json$/, '')));
  });

  it('resolves every identifier of every operation to a kind with a creator, every out-of-band input to a value', () => {
    for (const [operation, { identifiers, outOfBand }] of Object.entries(graph.operations)) {
      for (const { kind, pointer } of identifiers)
        expect(graph.kinds[kind]?.creators.length ?? 0, `${operation} ${pointer}: ${kind}`).toBeGreaterThan(
          0,
        );
      for (const { value, pointer } of outOfBand)
        expect(graph.outOfBand[value]?.why, `${operation} ${pointer ?? ''}: ${value}`).toMatch(/\w/);
    }
  });

  it('says why for every explicit fact and for no derived one (an explicit kind speaks for its creators)', () => {
    for (const [name, kind] of Object.entries(graph.kinds)) {
      expect(kind.why !== undefined, name).toBe(kind.basis === 'explicit');
      for (const creator of kind.creators)
        expect(creator.why !== undefined, `${name} ${creator.operation}`).toBe(
          creator.basis === 'explicit' && kind.basis === 'naming',
        );
    }
    for (const [operation, { identifiers }] of Object.entries(graph.operations))
      for (const identifier of identifiers)
        expect(identifier.why !== undefined, `${operation} ${identifier.pointer}`).toBe(
          identifier.basis === 'explicit',
        );
  });

  it('has creators that never need, through any creator, the kind they make', () => {
    const reach = (kind: string, path: readonly string[]): void => {
      expect(path, `${[...path, kind].join(' → ')}`).not.toContain(kind);
      for (const creator of graph.kinds[kind]!.creators)
        for (const need of creatorKinds(creator)) reach(need, [...path, kind]);
    };

    for (const kind of Object.keys(graph.kinds)) reach(kind, []);
  });

  it('gives each deleter its kind and nothing the first creator of its kind does not make', () => {
    const above = (kind: string): string[] =>
      creatorKinds(graph.kinds[kind]!.creators[0]!).flatMap((need) => [need, ...above(need)]);

    for (const [kind, { deleter }] of Object.entries(graph.kinds)) {
      if (deleter === undefined) continue;
      expect(deleter.input.map((use) => use.kind)).toContain(kind);
      for (const use of deleter.input)
        expect([kind, ...above(kind)], `${deleter.operation}`).toContain(use.kind);
    }
  });

  it('knows ListUsersInGroup needs a user pool and a group', () => {
    expect(graph.operations['ListUsersInGroup']?.identifiers).toMatchObject([
      { pointer: '/UserPoolId', kind: 'UserPoolId', need: 'required', use: 'existing', basis: 'naming' },
      { pointer: '/GroupName', kind: 'GroupName', need: 'required', use: 'existing', basis: 'naming' },
    ]);
  });

  it('knows CreateUserPoolClient makes a ClientId at /UserPoolClient/ClientId, and DeleteUserPoolClient removes it', () => {
    expect(graph.kinds['ClientId']).toEqual({
      basis: 'naming',
      family: 'UserPoolClient',
      members: ['ClientId'],
      creators: [
        {
          operation: 'CreateUserPoolClient',
          basis: 'naming',
          needs: [{ pointer: '/UserPoolId', kind: 'UserPoolId' }],
          id: {
            in: 'response',
            pointer: '/UserPoolClient/ClientId',
            source: [
              'com.amazonaws.cognitoidentityprovider#CreateUserPoolClientResponse$UserPoolClient',
              'com.amazonaws.cognitoidentityprovider#UserPoolClientType$ClientId',
            ],
          },
        },
      ],
      deleter: {
        operation: 'DeleteUserPoolClient',
        basis: 'naming',
        input: [
          { pointer: '/UserPoolId', kind: 'UserPoolId' },
          { pointer: '/ClientId', kind: 'ClientId' },
        ],
      },
    });
  });

  it('knows GetUser needs an access token, which a sign-in gives', () => {
    expect(graph.operations['GetUser']?.identifiers).toMatchObject([
      { pointer: '/AccessToken', kind: 'AccessToken', need: 'required', use: 'existing' },
    ]);
    expect(graph.kinds['AccessToken']?.creators[0]).toMatchObject({
      operation: 'AdminInitiateAuth',
      needs: [
        { pointer: '/UserPoolId', kind: 'UserPoolId' },
        { pointer: '/ClientId', kind: 'ClientId' },
        { pointer: '/AuthParameters/USERNAME', kind: 'Username' },
      ],
      id: { in: 'response', pointer: '/AuthenticationResult/AccessToken' },
    });
  });

  it('places each new identifier where the model puts it', () => {
    const where = Object.fromEntries(
      Object.entries(graph.kinds).map(([kind, { creators }]) => [
        kind,
        `${creators[0]!.operation} ${creators[0]!.id.in} ${creators[0]!.id.pointer}`,
      ]),
    );

    expect(where).toMatchObject({
      UserPoolId: 'CreateUserPool response /UserPool/Id',
      Username: 'AdminCreateUser response /User/Username',
      GroupName: 'CreateGroup response /Group/GroupName',
      ProviderName: 'CreateIdentityProvider response /IdentityProvider/ProviderName',
      Identifier: 'CreateResourceServer response /ResourceServer/Identifier',
      Domain: 'CreateUserPoolDomain request /Domain',
      JobId: 'CreateUserImportJob response /UserImportJob/JobId',
      ManagedLoginBrandingId:
        'CreateManagedLoginBranding response /ManagedLoginBranding/ManagedLoginBrandingId',
      ResourceArn: 'DescribeUserPool response /UserPool/Arn',
    });
  });

  it('groups the round-trip operations of the nine families the model names', () => {
    expect(Object.keys(graph.families)).toEqual([
      'Group',
      'IdentityProvider',
      'ManagedLoginBranding',
      'ResourceServer',
      'User',
      'UserImportJob',
      'UserPool',
      'UserPoolClient',
      'UserPoolDomain',
    ]);
    expect(graph.families['User']).toMatchObject({
      kind: 'Username',
      create: 'AdminCreateUser',
      describe: 'AdminGetUser',
      update: 'AdminUpdateUserAttributes',
      list: 'ListUsers',
      delete: 'AdminDeleteUser',
    });
    expect(graph.operations['AdminGetUser']?.family).toEqual({ name: 'User', role: 'describe' });
  });

  it('lists the operations that need a value from outside the API', () => {
    const outside = Object.entries(graph.operations).flatMap(([operation, { outOfBand }]) =>
      outOfBand.map(({ value }) => `${operation}: ${value} (${graph.outOfBand[value]!.channel})`),
    );

    expect(outside).toEqual([
      'AdminDisableProviderForUser: ExternalProviderUser (external-identity-provider)',
      'AdminLinkProviderForUser: ExternalProviderUser (external-identity-provider)',
      'CompleteWebAuthnRegistration: WebAuthnAuthenticatorResponse (webauthn-authenticator)',
      'ConfirmForgotPassword: EmailOrSmsCode (email-or-sms)',
      'ConfirmSignUp: EmailOrSmsCode (email-or-sms)',
      'CreateUserImportJob: IamRoleArn (other-aws-service)',
      'SetLogDeliveryConfiguration: LogDestinationArn (other-aws-service)',
      'StartUserImportJob: UserImportCsv (pre-signed-url)',
      'UpdateAuthEventFeedback: EmailedFeedbackToken (email)',
      'VerifySoftwareToken: AuthenticatorAppCode (authenticator-app)',
      'VerifyUserAttribute: EmailOrSmsCode (email-or-sms)',
    ]);
  });
});

/** Required members that read as identifiers, by name: ids, keys, ARNs, tokens, codes, sessions. */
const IDENTIFIER_LIKE = /(Id|Key|Arn|Token|Code|Identifier|Session|Username|Name)$/;

/** Names that end like identifiers but are labels the caller picks for a new thing, or enum values. */
const NOT_IDENTIFIERS = new Set([
  'PoolName',
  'ClientName',
  'JobName',
  'Name',
  'ChallengeName',
  'AttributeName',
]);

interface Shape {
  readonly type: string;
  readonly members?: Record<string, { target: string; traits?: Record<string, unknown> }>;
  readonly input?: { target: string };
  readonly operations?: { target: string }[];
  readonly traits?: Record<string, unknown>;
}

const shapes = lazy(
  () =>
    (JSON.parse(readFileSync(SOURCE_DOCUMENTS.referencePath, 'utf8')) as { shapes: Record<string, Shape> })
      .shapes,
);

describeWithDocuments('npm run specs, resource graph', ({ referencePath }) => {
  it('regenerates the committed graph byte for byte', () => {
    expect(serialiseResourceGraph(generateResourceGraph(referencePath))).toBe(committedResourceGraphText());
  });

  it('produces the same bytes on a second run', () => {
    expect(serialiseResourceGraph(generateResourceGraph(referencePath))).toBe(
      serialiseResourceGraph(generateResourceGraph(referencePath)),
    );
  });

  it('accounts for every required request member whose name reads as an identifier', () => {
    const unaccounted: string[] = [];
    for (const [operation, { shape, identifiers, outOfBand }] of Object.entries(graph.operations)) {
      const input = shapes()[shapes()[shape]!.input!.target]!;
      const pointers = [...identifiers, ...outOfBand].map(({ pointer }) => pointer ?? '');
      for (const [member, { traits }] of Object.entries(input.members ?? {})) {
        if (traits?.['smithy.api#required'] === undefined || !IDENTIFIER_LIKE.test(member)) continue;
        if (NOT_IDENTIFIERS.has(member)) continue;
        if (!pointers.some((pointer) => pointer === `/${member}` || pointer.startsWith(`/${member}/`)))
          unaccounted.push(`${operation} ${member}`);
      }
    }

    expect(unaccounted).toEqual([]);
  });

  it('marks a top-level identifier required exactly where the model requires its member, unless explicitly needed', () => {
    for (const { shape, identifiers } of Object.values(graph.operations)) {
      const input = shapes()[shapes()[shape]!.input!.target]!;
      for (const { pointer, need } of identifiers) {
        const member = input.members?.[pointer.split('/')[1]!];
        if (pointer.split('/').length === 2 && need !== 'needed')
          expect(need, `${shape} ${pointer}`).toBe(
            member?.traits?.['smithy.api#required'] === undefined ? 'optional' : 'required',
          );
      }
    }
  });

  it('copies no documentation of the model', () => {
    const prose = Object.values(shapes())
      .flatMap((shape) => [
        shape.traits,
        ...Object.values(shape.members ?? {}).map((member) => member.traits),
      ])
      .map((traits) => traits?.['smithy.api#documentation'])
      .filter((text): text is string => typeof text === 'string')
      .join('\n')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ');
    const strings = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : typeof value === 'object' && value !== null
          ? Object.values(value).flatMap(strings)
          : [];
    const ours = strings(graph);
    const runs = ours.flatMap((text) => {
      const words = text.split(/\s+/);
      return words
        .slice(0, Math.max(0, words.length - 7))
        .map((_, index) => words.slice(index, index + 8).join(' '));
    });

    expect(ours.filter((text) => text.length > 40 && prose.includes(text))).toEqual([]);
    expect(runs.filter((run) => prose.includes(run))).toEqual([]);
  });
});
