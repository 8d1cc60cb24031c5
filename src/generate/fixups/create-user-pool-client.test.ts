import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FixupContext } from '../request-fixup.ts';
import { arbitraryFromSchema } from '../schema-arbitrary.ts';
import { fakeContext } from '../test-support/fake-context.ts';
import { HAND_WRITTEN_SPECS } from '../test-support/hand-written-specs.ts';
import {
  READABLE_STANDARD_ATTRIBUTES,
  STANDARD_OAUTH_SCOPES,
  WRITABLE_STANDARD_ATTRIBUTES,
} from './_internals/aws-values.ts';
import { createUserPoolClientFixup } from './create-user-pool-client.ts';
import { updateUserPoolClientFixup } from './update-user-pool-client.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions over JSON

const CUSTOM_SCOPES = ['api/read', 'api/write'];

function requestsFor(operation: string): fc.Arbitrary<Json> {
  const spec = HAND_WRITTEN_SPECS.find((candidate) => candidate.operation === operation);
  if (spec === undefined) throw new Error(`hand-written ${operation} missing`);
  return arbitraryFromSchema(spec.request, { optionalPresence: 0.7 }) as fc.Arbitrary<Json>;
}

function expectConsistentClient(request: Json, context: FixupContext): void {
  expect(request.UserPoolId).toBe(context.userPoolId);
  if (request.RefreshTokenValidity !== undefined)
    expect(request.RefreshTokenValidity).toBeGreaterThanOrEqual(1);
  for (const attribute of request.WriteAttributes ?? []) {
    expect(WRITABLE_STANDARD_ATTRIBUTES).toContain(attribute);
    if (request.ReadAttributes !== undefined) expect(request.ReadAttributes).toContain(attribute);
  }
  for (const attribute of request.ReadAttributes ?? [])
    expect(READABLE_STANDARD_ATTRIBUTES).toContain(attribute);
  const explicit: string[] = request.ExplicitAuthFlows ?? [];
  if (explicit.includes('CUSTOM_AUTH_FLOW_ONLY')) expect(explicit).toEqual(['CUSTOM_AUTH_FLOW_ONLY']);
  for (const provider of request.SupportedIdentityProviders ?? []) expect(provider).toBe('COGNITO');
  for (const url of [...(request.CallbackURLs ?? []), ...(request.LogoutURLs ?? [])])
    expect(url).toMatch(/^https:\/\/[^#]+$/u);
  if (request.DefaultRedirectURI !== undefined)
    expect(request.CallbackURLs).toContain(request.DefaultRedirectURI);
  const flows: string[] = request.AllowedOAuthFlows ?? [];
  const scopes: string[] = request.AllowedOAuthScopes ?? [];
  if (flows.length > 0 || scopes.length > 0 || request.AllowedOAuthFlowsUserPoolClient === true) {
    expect(request.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(flows.length).toBeGreaterThan(0);
    expect(scopes.length).toBeGreaterThan(0);
    if (flows.includes('client_credentials')) {
      expect(flows).toEqual(['client_credentials']);
      for (const scope of scopes) expect(context.customScopes).toContain(scope);
    } else {
      for (const scope of scopes) expect(STANDARD_OAUTH_SCOPES).toContain(scope);
      if (scopes.some((scope) => ['email', 'phone', 'profile'].includes(scope)))
        expect(scopes).toContain('openid');
      expect(request.CallbackURLs.length).toBeGreaterThan(0);
    }
  }
}

describe('createUserPoolClientFixup', () => {
  it.each([
    ['without custom scopes', fakeContext()],
    ['with custom scopes', fakeContext({ customScopes: CUSTOM_SCOPES })],
  ])('makes generated clients consistent, %s (300 runs)', (_, context) => {
    fc.assert(
      fc.property(requestsFor('CreateUserPoolClient'), (generated) => {
        const request: Json = createUserPoolClientFixup.apply(generated, context);
        expect(request.ClientName).toMatch(/^ccf-run1-client-\d+$/u);
        expectConsistentClient(request, context);
        if ((request.AllowedOAuthFlows ?? []).includes('client_credentials'))
          expect(request.GenerateSecret).toBe(true);
      }),
      { numRuns: 300, seed: 10 },
    );
  });

  it('allows client_credentials alone, with a secret, only when the pool has custom scopes', () => {
    const input = {
      UserPoolId: 'x_1',
      ClientName: 'c',
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['openid'],
    };
    const machine: Json = createUserPoolClientFixup.apply(
      input,
      fakeContext({ customScopes: CUSTOM_SCOPES }),
    );
    expect(machine).toMatchObject({
      AllowedOAuthFlows: ['client_credentials'],
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
    });
    expect(CUSTOM_SCOPES).toContain(machine.AllowedOAuthScopes[0]);
    const fallback: Json = createUserPoolClientFixup.apply(input, fakeContext());
    expect(fallback).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: ['https://example.com/callback/0'],
    });
  });

  it('puts the default redirect among the callback URLs', () => {
    const request: Json = createUserPoolClientFixup.apply(
      { UserPoolId: 'x_1', ClientName: 'c', DefaultRedirectURI: 'zz' },
      fakeContext(),
    );
    expect(request).toMatchObject({
      DefaultRedirectURI: 'https://example.com/callback/0',
      CallbackURLs: ['https://example.com/callback/0'],
    });
  });
});

describe('updateUserPoolClientFixup', () => {
  it('targets the live client and keeps client_credentials only for a client with a secret (300 runs)', () => {
    for (const context of [
      fakeContext({ customScopes: CUSTOM_SCOPES }),
      fakeContext({ customScopes: CUSTOM_SCOPES, clientSecret: undefined }),
    ]) {
      fc.assert(
        fc.property(requestsFor('UpdateUserPoolClient'), (generated) => {
          const request: Json = updateUserPoolClientFixup.apply(generated, context);
          expect(request.ClientId).toBe('abc123def456');
          expectConsistentClient(request, context);
          if (context.clientSecret === undefined)
            expect(request.AllowedOAuthFlows ?? []).not.toContain('client_credentials');
        }),
        { numRuns: 150, seed: 12 },
      );
    }
  });
});
