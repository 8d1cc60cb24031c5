import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvalidRequest } from './invalid-request.ts';
import { narrowedRequestSchema } from './narrow-request-schema.ts';
import { fixupFor, invalidRequests, validRequests } from './request-generators.ts';
import { mismatch, requestValidator } from './test-support/ajv-expectations.ts';
import { fakeContext } from './test-support/fake-context.ts';
import { specsUnderTest } from './test-support/specs-under-test.ts';

describe('request generators', () => {
  describe.each(specsUnderTest())('$label', ({ spec }) => {
    // Judged against the spec as narrowed by its document: a narrowed-out value is invalid.
    const validate = requestValidator(narrowedRequestSchema(spec).schema);
    const fixup = fixupFor(spec.operation);
    const context = fakeContext();

    it('validRequests: fixed-up requests stay valid and never use narrowed-out values (200 runs)', () => {
      const excluded = spec.narrowings.flatMap((narrowing) => narrowing.excluded);
      fc.assert(
        fc.property(validRequests(spec, fixup, context), (request) => {
          if (!validate(request)) throw new Error(JSON.stringify(validate.errors));
          for (const value of excluded) expect(JSON.stringify(request)).not.toContain(`"${value}"`);
        }),
        { numRuns: 200, seed: 21 },
      );
    });

    it('invalidRequests: the fix-up never repairs the one violation, and live ids survive other breaks (200 runs)', () => {
      fc.assert(
        fc.property(invalidRequests(spec, fixup, context), ({ request, violation }) => {
          validate(request);
          const problem = mismatch(violation, validate.errors ?? []);
          if (problem !== undefined) throw new Error(`${problem}: ${violation.description}`);
          for (const [member, id] of [
            ['UserPoolId', context.userPoolId],
            ['ClientId', context.clientId],
          ] as const) {
            if (member in request && !violation.path.startsWith(`/${member}`))
              expect(request[member]).toBe(id);
          }
        }),
        { numRuns: 200, seed: 22 },
      );
    });
  });

  it('tries the narrowed-out value first when breaking an enum', () => {
    const spec = specsUnderTest().find(({ spec: candidate }) => candidate.operation === 'InitiateAuth')?.spec;
    if (spec === undefined) throw new Error('InitiateAuth missing');
    const arb = invalidRequests(spec, fixupFor('InitiateAuth'), fakeContext(), {
      include: (rule) => rule.rule === 'enum-value',
    });
    const values = fc.sample(arb, { numRuns: 100, seed: 4 }).map(({ request }) => request.AuthFlow);
    expect(values).toContain('ADMIN_NO_SRP_AUTH');
    const result = fc.check(
      fc.property(arb, () => false),
      { seed: 4 },
    );
    const [shrunk] = (result.counterexample ?? []) as [InvalidRequest?];
    expect(shrunk?.request.AuthFlow).toBe('ADMIN_NO_SRP_AUTH');
  });
});
