import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFromSchema } from '../schema-arbitrary.ts';
import { fakeContext } from '../test-support/fake-context.ts';
import { HAND_WRITTEN_SPECS } from '../test-support/hand-written-specs.ts';
import { STANDARD_ATTRIBUTE_NAMES } from './_internals/aws-values.ts';
import { createUserPoolFixup } from './create-user-pool.ts';
import { updateUserPoolFixup } from './update-user-pool.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions over JSON

function requestsFor(operation: string): fc.Arbitrary<Json> {
  const spec = HAND_WRITTEN_SPECS.find((candidate) => candidate.operation === operation);
  if (spec === undefined) throw new Error(`hand-written ${operation} missing`);
  return arbitraryFromSchema(spec.request, { optionalPresence: 0.8 }) as fc.Arbitrary<Json>;
}

/** The settings CreateUserPool and UpdateUserPool share. */
function expectConsistentPoolSettings(request: Json): void {
  for (const arn of Object.values(request.LambdaConfig ?? {})) {
    expect(arn).toBe('arn:aws:lambda:eu-west-2:123456789012:function:ccf-trigger');
  }
  if (request.EmailConfiguration?.SourceArn !== undefined) {
    expect(request.EmailConfiguration.SourceArn).toBe(
      'arn:aws:ses:eu-west-2:123456789012:identity/noreply@example.com',
    );
  }
  if (request.SmsConfiguration !== undefined)
    expect(request.SmsConfiguration.SnsCallerArn).toBe('arn:aws:iam::123456789012:role/ccf-sns-caller');
  for (const message of [
    request.SmsVerificationMessage,
    request.EmailVerificationMessage,
    request.SmsAuthenticationMessage,
  ]) {
    if (message !== undefined) expect(message).toContain('{####}');
  }
  const template = request.VerificationMessageTemplate ?? {};
  if (template.EmailMessageByLink !== undefined) expect(template.EmailMessageByLink).toMatch(/\{##.*##\}/u);
  if (template.SmsMessage !== undefined && request.SmsVerificationMessage !== undefined) {
    expect(template.SmsMessage).toBe(request.SmsVerificationMessage);
  }
  for (const message of Object.values(request.AdminCreateUserConfig?.InviteMessageTemplate ?? {})) {
    if (message !== request.AdminCreateUserConfig.InviteMessageTemplate.EmailSubject) {
      expect(message).toContain('{username}');
      expect(message).toContain('{####}');
    }
  }
  if (request.MfaConfiguration !== undefined && request.SmsConfiguration === undefined)
    expect(request.MfaConfiguration).toBe('OFF');
  const minimumLength = request.Policies?.PasswordPolicy?.MinimumLength;
  if (minimumLength !== undefined) expect(minimumLength).toBeGreaterThanOrEqual(6);
  for (const key of Object.keys(request.UserPoolTags ?? {})) {
    expect(key).toMatch(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u);
    expect(key.toLowerCase().startsWith('aws:')).toBe(false);
  }
}

describe('createUserPoolFixup', () => {
  it('makes generated pools consistent (200 runs)', () => {
    fc.assert(
      fc.property(requestsFor('CreateUserPool'), (generated) => {
        const request: Json = createUserPoolFixup.apply(generated, fakeContext());
        expect(request.PoolName).toMatch(/^ccf-run1-pool-\d+$/u);
        expect(request.UsernameAttributes !== undefined && request.AliasAttributes !== undefined).toBe(false);
        const names: string[] = (request.Schema ?? []).map((attribute: Json) => attribute.Name);
        expect(new Set(names).size).toBe(names.length);
        for (const attribute of request.Schema ?? []) expect(attribute.AttributeDataType).toBeDefined();
        for (const name of names) expect(name).toMatch(/^[A-Za-z]\w{0,19}$/u);
        for (const name of names) expect(STANDARD_ATTRIBUTE_NAMES.has(name)).toBe(false);
        for (const attribute of request.Schema ?? []) {
          expect(attribute.Required === true).toBe(false);
          for (const [constraints, low, high] of [
            [attribute.NumberAttributeConstraints, 'MinValue', 'MaxValue'],
            [attribute.StringAttributeConstraints, 'MinLength', 'MaxLength'],
          ] as const) {
            for (const value of Object.values(constraints ?? {})) expect(value).toMatch(/^\d+$/u);
            if (constraints?.[low] !== undefined && constraints?.[high] !== undefined) {
              expect(Number(constraints[low])).toBeLessThan(Number(constraints[high]));
            }
          }
        }
        expectConsistentPoolSettings(request);
      }),
      { numRuns: 200, seed: 8 },
    );
  });

  it('uses the suite Lambda when the context has one', () => {
    const context = fakeContext({
      lambdaArn: () => 'arn:aws:lambda:eu-west-2:111122223333:function:suite-trigger',
    });
    const request = createUserPoolFixup.apply(
      { PoolName: 'x', LambdaConfig: { PreSignUp: 'arn:a:b::1:c-placeholder-xx' } },
      context,
    );
    expect(request.LambdaConfig).toEqual({
      PreSignUp: 'arn:aws:lambda:eu-west-2:111122223333:function:suite-trigger',
    });
  });

  it('keeps MFA on when an SMS configuration can send codes', () => {
    const sms = { SnsCallerArn: 'arn:aws:iam::123456789012:role/x' };
    expect(
      createUserPoolFixup.apply(
        { PoolName: 'x', MfaConfiguration: 'ON', SmsConfiguration: sms },
        fakeContext(),
      ).MfaConfiguration,
    ).toBe('ON');
    expect(
      createUserPoolFixup.apply({ PoolName: 'x', MfaConfiguration: 'ON' }, fakeContext()).MfaConfiguration,
    ).toBe('OFF');
  });
});

describe('updateUserPoolFixup', () => {
  it('targets the live pool and shares the pool-settings consistency (200 runs)', () => {
    fc.assert(
      fc.property(requestsFor('UpdateUserPool'), (generated) => {
        const request: Json = updateUserPoolFixup.apply(generated, fakeContext());
        expect(request.UserPoolId).toBe('eu-west-2_AbC123xyZ');
        expectConsistentPoolSettings(request);
      }),
      { numRuns: 200, seed: 9 },
    );
  });
});
