import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpecAjv } from '../../specs/format/index.ts';
import { listUserPoolsFixup } from './fixups/list-user-pools.ts';
import { type InvalidRequest, invalidRequestArbitrary } from './invalid-request.ts';
import { mismatch } from './test-support/ajv-expectations.ts';
import { fakeContext } from './test-support/fake-context.ts';
import { handWritten } from './test-support/hand-written-specs.ts';
import { specsUnderTest } from './test-support/specs-under-test.ts';
import { VIOLATION_RULES } from './violation.ts';

const ajv = createSpecAjv();

describe('invalidRequestArbitrary', () => {
  describe.each(specsUnderTest())('$label', ({ spec }) => {
    const validate = ajv.compile(spec.request as object);

    it('breaks exactly the one rule it reports (Ajv, allErrors; 200 runs)', () => {
      fc.assert(
        fc.property(invalidRequestArbitrary(spec.request), ({ request, violation }) => {
          expect(VIOLATION_RULES).toContain(violation.rule);
          validate(request);
          const problem = mismatch(violation, validate.errors ?? []);
          if (problem !== undefined) throw new Error(`${problem}: ${violation.description}`);
        }),
        { numRuns: 200, seed: 42 },
      );
    });
  });

  it('reaches every kind of rule on CreateUserPool', () => {
    const samples = fc.sample(invalidRequestArbitrary(handWritten('CreateUserPool').request), {
      numRuns: 1500,
      seed: 5,
    });
    expect(new Set(samples.map((sample) => sample.violation.rule))).toEqual(new Set(VIOLATION_RULES));
  });

  it('describes the violation in plain words', () => {
    const [sample] = fc.sample(
      invalidRequestArbitrary(handWritten('ListUserPools').request, {
        include: (rule) => rule.rule === 'above-maximum',
      }),
      { numRuns: 1, seed: 1 },
    );
    expect(sample?.violation).toEqual({
      rule: 'above-maximum',
      path: '/MaxResults',
      description: expect.stringMatching(/^\/MaxResults is \d+; maximum is 60$/u),
      rulePath: '/MaxResults/$maximum',
    });
  });

  it('breaks after `prepare`, restoring a member the fix-up removed', () => {
    const spec = handWritten('ListUserPools');
    const validate = ajv.compile(spec.request as object);
    const arb = invalidRequestArbitrary(spec.request, {
      include: (rule) => rule.template === '/NextToken',
      prepare: (request) => listUserPoolsFixup.apply(request, fakeContext()),
    });
    for (const { request, violation } of fc.sample(arb, { numRuns: 50, seed: 2 })) {
      expect(violation.path).toBe('/NextToken');
      validate(request);
      expect(mismatch(violation, validate.errors ?? [])).toBeUndefined();
    }
  });

  it('shrinks to the required members plus the broken one, at the boundary', () => {
    const arb = invalidRequestArbitrary(handWritten('CreateUserPool').request, {
      include: (rule) =>
        rule.template === '/Policies/PasswordPolicy/MinimumLength' && rule.rule === 'above-maximum',
    });
    const result = fc.check(
      fc.property(arb, () => false),
      { seed: 3 },
    );
    const [shrunk] = (result.counterexample ?? []) as [InvalidRequest?];
    expect(shrunk?.request).toEqual({ PoolName: 'a', Policies: { PasswordPolicy: { MinimumLength: 100 } } });
  });

  it('refuses a schema with nothing to break', () => {
    expect(() => invalidRequestArbitrary({ type: 'object', additionalProperties: false })).toThrow(
      /^invalidRequestArbitrary: /u,
    );
  });
});
