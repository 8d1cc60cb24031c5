import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpecAjv, type JsonSchema } from '../../specs/format/index.ts';
import { arbitraryFromSchema } from './schema-arbitrary.ts';
import { HAND_WRITTEN_SPECS } from './test-support/hand-written-specs.ts';
import { specsUnderTest } from './test-support/specs-under-test.ts';

const ajv = createSpecAjv();

function createUserPoolRequest(): JsonSchema {
  const spec = HAND_WRITTEN_SPECS.find((candidate) => candidate.operation === 'CreateUserPool');
  if (spec === undefined) throw new Error('hand-written CreateUserPool missing');
  return spec.request;
}

/** Every string (values and keys) inside a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  }
  return [];
}

describe('arbitraryFromSchema', () => {
  describe.each(specsUnderTest())('$label', ({ spec }) => {
    const validate = ajv.compile(spec.request as object);

    it('only produces requests valid against the request schema (200 runs)', () => {
      fc.assert(
        fc.property(arbitraryFromSchema(spec.request), (request) => {
          if (!validate(request)) throw new Error(ajv.errorsText(validate.errors));
        }),
        { numRuns: 200, seed: 42 },
      );
    });

    it('keeps strings printable and requests small', () => {
      const samples = fc.sample(arbitraryFromSchema(spec.request), { numRuns: 100, seed: 7 });
      for (const text of samples.flatMap(stringsIn)) expect(text).not.toMatch(/[\u0000-\u001f\u007f]/u);
      const meanSize =
        samples.reduce<number>((total, request) => total + JSON.stringify(request).length, 0) /
        samples.length;
      expect(meanSize).toBeLessThan(1500);
    });
  });

  it('omits optional members when asked, and beyond maxDepth', () => {
    const schema = createUserPoolRequest();
    for (const request of fc.sample(arbitraryFromSchema(schema, { optionalPresence: 0 }), {
      numRuns: 20,
      seed: 1,
    })) {
      expect(Object.keys(request as object)).toEqual(['PoolName']);
    }
    for (const request of fc.sample(arbitraryFromSchema(schema, { maxDepth: 1, optionalPresence: 1 }), {
      numRuns: 20,
      seed: 1,
    })) {
      const record = request as Record<string, Record<string, unknown>>;
      expect(Object.keys(record).length).toBeGreaterThan(10);
      expect(record.Policies).toEqual({});
      expect(record.SmsConfiguration).toEqual({ SnsCallerArn: expect.any(String) });
    }
  });

  it('honours \\p{…} classes with the u flag and length bounds', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { Subject: { type: 'string', minLength: 3, maxLength: 5, pattern: String.raw`^\p{Lu}+$` } },
      required: ['Subject'],
      additionalProperties: false,
    };
    for (const request of fc.sample(arbitraryFromSchema(schema), { numRuns: 50, seed: 3 })) {
      const subject = (request as { Subject: string }).Subject;
      expect(subject).toMatch(/^\p{Lu}{3,5}$/u);
    }
  });

  it('resolves local $refs and generates unique enum arrays', () => {
    const schema: JsonSchema = {
      $defs: { Flow: { type: 'string', enum: ['a', 'b', 'c'] } },
      type: 'object',
      properties: { Flows: { type: 'array', minItems: 2, items: { $ref: '#/$defs/Flow' } } },
      required: ['Flows'],
      additionalProperties: false,
    };
    for (const request of fc.sample(arbitraryFromSchema(schema), { numRuns: 50, seed: 3 })) {
      const flows = (request as { Flows: string[] }).Flows;
      expect(flows.length).toBeGreaterThanOrEqual(2);
      expect(new Set(flows).size).toBe(flows.length);
    }
  });

  it('generates whole epoch seconds in a plausible window, within declared bounds', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        At: { type: 'number', format: 'epoch-seconds' },
        Count: { type: 'integer', exclusiveMinimum: 0, maximum: 3 },
      },
      required: ['At', 'Count'],
      additionalProperties: false,
    };
    const validate = ajv.compile(schema as object);
    for (const request of fc.sample(arbitraryFromSchema(schema), { numRuns: 50, seed: 3 })) {
      expect(validate(request)).toBe(true);
      const { At, Count } = request as { At: number; Count: number };
      expect(Number.isInteger(At) && At >= 1_500_000_000 && At <= 2_000_000_000).toBe(true);
      expect([1, 2, 3]).toContain(Count);
    }
  });

  it('refuses keywords it cannot honour, naming itself first', () => {
    const schema: JsonSchema = { type: 'object', properties: { A: { type: 'string', not: { const: 'x' } } } };
    expect(() => arbitraryFromSchema(schema)).toThrow(
      /^arbitraryFromSchema: unsupported schema keyword "not" at \/A/u,
    );
  });

  it('shrinks a failing request to the required members with a minimal value', () => {
    const result = fc.check(
      fc.property(
        arbitraryFromSchema(createUserPoolRequest()),
        (request) => (request as { PoolName: string }).PoolName.length <= 3,
      ),
      { seed: 20180212, numRuns: 500 },
    );
    expect(result.failed).toBe(true);
    const [counterexample] = result.counterexample ?? [];
    expect(counterexample).toEqual({ PoolName: 'aaaa' });
  });
});
