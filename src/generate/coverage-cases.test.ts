import { describe, expect, it } from 'vitest';
import { createSpecAjv } from '../../specs/format/index.ts';
import { exactLengthString } from './_internals/string-breakers.ts';
import { getPointer } from './_internals/pointer.ts';
import { breakableRules } from './breakable-rules.ts';
import { coveragePlan } from './coverage-cases.ts';
import { rulePathOf } from './violation.ts';
import { fixupFor } from './fixup-registry.ts';
import { baseRequest, coverageRequests } from './request-generators.ts';
import { coverageBases } from './narrow-request-schema.ts';
import { mismatch } from './test-support/ajv-expectations.ts';
import { fakeContext } from './test-support/fake-context.ts';
import { handWritten } from './test-support/hand-written-specs.ts';
import { specsUnderTest } from './test-support/specs-under-test.ts';
import fc from 'fast-check';

const ajv = createSpecAjv();

describe('coveragePlan', () => {
  describe.each(specsUnderTest())('$label', ({ spec }) => {
    const validate = ajv.compile(spec.request as object);
    const plan = coveragePlan(spec.request, 7);

    it('breaks every breakable rule, with each of its fixed wrong values at each place, and each case breaks only its rule (Ajv)', () => {
      const { rules } = breakableRules(spec.request);
      // In the walk's order; a rule with a fixed set of wrong values (types, enums) has a case per value, and one
      // over items or entries a case per place.
      expect([...new Set(plan.invalid.map((c) => `${c.covers.template} ${c.covers.keyword}`))]).toEqual(
        rules.map((rule) => `${rule.template} ${rule.keyword}`),
      );
      for (const rule of rules) {
        const cases = plan.invalid.filter(
          (c) => c.covers.template === rule.template && c.covers.keyword === rule.keyword,
        );
        expect(cases.length).toBeGreaterThanOrEqual(rule.edits?.length ?? 1);
        expect(new Set(cases.map((c) => JSON.stringify(c.request))).size).toBe(cases.length);
      }
      for (const invalid of plan.invalid) {
        expect(invalid.violation.rulePath).toBe(rulePathOf(invalid.covers.template, invalid.covers.keyword));
        validate(invalid.request);
        const problem = mismatch(invalid.violation, validate.errors ?? []);
        if (problem !== undefined) throw new Error(`${problem}: ${invalid.violation.description}`);
      }
    });

    it('sends the valid side of bounds and enums as valid requests holding the boundary value', () => {
      for (const boundary of plan.boundary) {
        expect(
          validate(boundary.request),
          `${boundary.description}: ${ajv.errorsText(validate.errors)}`,
        ).toBe(true);
        expect(getPointer(boundary.request, boundary.path)).toBeDefined();
      }
    });

    it('is the same plan for the same seed', () => {
      expect(JSON.stringify(coveragePlan(spec.request, 7))).toBe(JSON.stringify(plan));
    });
  });

  it('breaks a rule over map entries at each entry the request holds, with each wrong type', () => {
    const schema = {
      type: 'object',
      required: ['Params'],
      properties: {
        Params: {
          type: 'object',
          minProperties: 2,
          additionalProperties: { type: 'string' },
        },
      },
    };
    const plan = coveragePlan(schema, 3, { side: 'invalid' });
    const typeCases = plan.invalid.filter(
      (c) => c.covers.template === '/Params/*' && c.covers.keyword === 'type',
    );
    const places = new Set(typeCases.map((c) => c.violation.path));
    const values = new Set(typeCases.map((c) => JSON.stringify(getPointer(c.request, c.violation.path))));
    expect(places.size).toBe(2);
    expect(values).toEqual(new Set(['42', 'true', '{}', '["x"]']));
    expect(typeCases).toHaveLength(8);
  });

  it('breaks each rule on the smallest request: nothing but what the rule needs', () => {
    const plan = coveragePlan(handWritten('ListUserPools').request, 3);
    const byRule = Object.fromEntries(plan.invalid.map((c) => [`${c.covers.template} ${c.covers.rule}`, c]));
    expect(byRule['/MaxResults missing-required']?.request).toEqual({});
    expect(byRule['/MaxResults above-maximum']?.request).toEqual({ MaxResults: 61 });
    expect(byRule['/MaxResults below-minimum']?.request).toEqual({ MaxResults: 0 });
  });

  it('puts the valid side exactly on the boundary: the minimum and the maximum', () => {
    const plan = coveragePlan(handWritten('ListUserPools').request, 3);
    expect(plan.boundary.map((b) => b.request)).toEqual([{ MaxResults: 1 }, { MaxResults: 60 }]);
    expect(plan.boundary.map((b) => b.description)).toEqual([
      '/MaxResults is 1 (the minimum)',
      '/MaxResults is 60 (the maximum)',
    ]);
  });

  it('counts a boundary the fix-up overwrites as pinned, and does not send it', () => {
    const plan = coveragePlan(handWritten('ListUserPools').request, 3, {
      prepare: (request) => ({ ...request, MaxResults: 10 }),
    });
    expect(plan.boundary).toEqual([]);
    expect(plan.pinned.map((p) => p.keyword)).toEqual(['minimum', 'maximum']);
  });

  it('keeps a container boundary whose items the fix-up changed but whose count it kept', () => {
    const schema = {
      type: 'object',
      properties: {
        Tags: { type: 'array', minItems: 1, maxItems: 3, items: { type: 'string', maxLength: 4 } },
      },
    };
    const plan = coveragePlan(schema, 3, {
      prepare: (request) => ({
        ...request,
        ...(Array.isArray(request['Tags']) ? { Tags: request['Tags'].map(() => 'ok') } : {}),
      }),
    });
    expect(plan.pinned.filter((p) => p.template === '/Tags')).toEqual([]);
    expect(
      plan.boundary.filter((b) => b.path === '/Tags').map((b) => (b.request['Tags'] as unknown[]).length),
    ).toEqual([1, 3]);
  });

  it('covers each allowed enum value and the exact string lengths of a generated spec', () => {
    const spec = specsUnderTest().find((s) => s.label === 'generated InitiateAuth')?.spec;
    if (spec === undefined) return;
    const plan = coverageRequests(spec, fixupFor('InitiateAuth'), fakeContext(), 1);
    const flows = plan.boundary.filter((b) => b.path === '/AuthFlow').map((b) => b.request['AuthFlow']);
    const schema = spec.request as { properties: { AuthFlow: { enum: string[] } } };
    expect(flows.length).toBeGreaterThan(0);
    for (const flow of flows) expect(schema.properties.AuthFlow.enum).toContain(flow);
  });
});

describe('coverage bases', () => {
  const spec = specsUnderTest().find((s) => s.label === 'generated AdminInitiateAuth')?.spec;

  it("are the allowed values of the first required enum member, in the spec's order, narrowings applied", () => {
    if (spec === undefined) return;
    const bases = coverageBases(spec);
    expect(new Set(bases.map((base) => base.member))).toEqual(new Set(['AuthFlow']));
    // USER_PASSWORD_AUTH is withdrawn from AdminInitiateAuth by the current reference.
    expect(bases.map((base) => base.value)).not.toContain('USER_PASSWORD_AUTH');
    expect(coverageBases(handWritten('ListUserPools'))).toEqual([]);
  });

  it('put the base value into every invalid case except the ones breaking that member, before the fix-up', () => {
    if (spec === undefined) return;
    const base = { member: 'AuthFlow', value: 'ADMIN_NO_SRP_AUTH' };
    const context = fakeContext();
    const plan = coverageRequests(spec, fixupFor('AdminInitiateAuth'), context, 1, 'invalid', base);
    for (const invalid of plan.invalid.filter((c) => !c.covers.template.startsWith('/AuthFlow')))
      expect(invalid.request['AuthFlow'], invalid.violation.description).toBe('ADMIN_NO_SRP_AUTH');
    const request = baseRequest(spec, fixupFor('AdminInitiateAuth'), context, 1, base);
    expect(request['AuthFlow']).toBe('ADMIN_NO_SRP_AUTH');
    // The fix-up saw the base: the password flow's parameters.
    expect(Object.keys(request['AuthParameters'] as object)).toEqual(
      expect.arrayContaining(['PASSWORD', 'USERNAME']),
    );
  });
});

describe('exactLengthString', () => {
  it('finds a string of exactly the length that still matches the pattern', () => {
    const valid = fc.stringMatching(/^[\w+=,.@-]+$/u, { maxLength: 6 }).filter((s) => s.length > 0);
    for (const length of [1, 5, 128]) {
      const found = exactLengthString('[\\w+=,.@-]+', length, valid);
      expect('found' in found && found.found.length).toBe(length);
      expect('found' in found && /^[\w+=,.@-]+$/u.test(found.found)).toBe(true);
    }
  });

  it('says why when no such string exists', () => {
    expect(exactLengthString('[a-z]{3}', 5, fc.constant('abc'))).toEqual({
      reason: 'no string of exactly 5 characters was found that matches the pattern',
    });
  });
});
