import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpecAjv } from '../../specs/format/index.ts';
import { fixupFor, REQUEST_FIXUPS } from './fixup-registry.ts';
import { narrowedRequestSchema } from './narrow-request-schema.ts';
import { arbitraryFromSchema } from './schema-arbitrary.ts';
import { fakeContext } from './test-support/fake-context.ts';
import { HAND_WRITTEN_SPECS } from './test-support/hand-written-specs.ts';
import { specsUnderTest } from './test-support/specs-under-test.ts';

const ajv = createSpecAjv();

describe('fixupFor', () => {
  it('has an own fix-up per operation of the release, and the live identifiers for every operation', () => {
    expect(REQUEST_FIXUPS.map((fixup) => fixup.operation).sort()).toEqual(
      HAND_WRITTEN_SPECS.map((spec) => spec.operation).sort(),
    );
    for (const spec of HAND_WRITTEN_SPECS) expect(fixupFor(spec.operation)?.operation).toBe(spec.operation);
    expect(fixupFor('DeleteUserPool')?.apply({ UserPoolId: 'x_y' }, fakeContext())).toEqual({
      UserPoolId: 'eu-west-2_AbC123xyZ',
    });
    expect(fixupFor('NoSuchOperation')).toBeUndefined();
  });

  it('sets what the operation needs even when the request lacks it, and map keys only where the map has them', () => {
    const context = fakeContext();

    expect(fixupFor('AdminAddUserToGroup')?.apply({}, context)).toEqual({
      UserPoolId: 'eu-west-2_AbC123xyZ',
      Username: 'alice',
      GroupName: 'ccf-run1-group',
    });
    expect(
      fixupFor('RespondToAuthChallenge')?.apply({ ClientId: 'c', ChallengeName: 'SMS_MFA' }, context),
    ).toEqual({ ClientId: 'abc123def456', ChallengeName: 'SMS_MFA', Session: 'session-0123456789-abcdef' });
    expect(
      fixupFor('RespondToAuthChallenge')?.apply(
        { ClientId: 'c', ChallengeResponses: { USERNAME: 'u' } },
        context,
      ),
    ).toMatchObject({ ChallengeResponses: { USERNAME: 'alice' } });
    // SignUp brings its Username into being: not the live user's, but one of its own (its value fix-up).
    expect(
      fixupFor('SignUp')?.apply({ ClientId: 'c', Username: 'new-user', Password: 'p' }, context),
    ).toEqual({
      ClientId: 'abc123def456',
      Username: 'ccf-run1-signup-1@example.com',
      Password: 'Aa1!ccf-run1-pw-2',
    });
    // CreateGroup brings its GroupName into being: a run-prefixed name where the member's pattern takes it.
    expect(fixupFor('CreateGroup')?.apply({ UserPoolId: 'p_1', GroupName: 'g' }, fakeContext())).toEqual({
      UserPoolId: 'eu-west-2_AbC123xyZ',
      GroupName: 'ccf-run1-group-name-0',
    });
  });

  describe.each(specsUnderTest())('$label', ({ spec }) => {
    const fixup = fixupFor(spec.operation);
    const validate = ajv.compile(spec.request as object);
    const { schema } = narrowedRequestSchema(spec);

    it.each([
      ['with a full context', fakeContext()],
      [
        'with no live resources',
        fakeContext({ userPoolId: undefined, clientId: undefined, clientSecret: undefined }),
      ],
    ])('keeps valid requests valid (valid → fix-up → valid), %s, and never edits its input', (_, context) => {
      if (fixup === undefined) throw new Error(`no fix-up for ${spec.operation}`);
      fc.assert(
        fc.property(arbitraryFromSchema(schema, { optionalPresence: 0.7 }), (generated) => {
          const request = generated as Record<string, unknown>;
          const before = structuredClone(request);
          const fixed = fixup.apply(request, context);
          expect(request).toEqual(before);
          if (!validate(fixed))
            throw new Error(`${ajv.errorsText(validate.errors)} in ${JSON.stringify(fixed)}`);
        }),
        { numRuns: 200, seed: 11 },
      );
    });
  });
});
