import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, fullMatchTester } from './generation-regex.ts';
import { parsePatternSequence, sequenceStringArbitrary } from './pattern-sequence.ts';

const ARN = String.raw`arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?`;

function arbitraryFor(pattern: string, min: number, max: number, extra = 12): fc.Arbitrary<string> {
  const sequence = parsePatternSequence(pattern);
  if (sequence === undefined) throw new Error(`unsupported ${pattern}`);
  const arb = sequenceStringArbitrary(sequence, min, max, extra);
  if (arb === undefined) throw new Error(`no plan for ${pattern}`);
  return arb;
}

describe('pattern sequences', () => {
  it.each([
    [ARN, 20, 2048],
    [String.raw`.*\{####\}.*`, 6, 140],
    [
      String.raw`[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{##[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*##\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*`,
      6,
      20000,
    ],
    [String.raw`[\w-]+_[0-9a-zA-Z]+`, 1, 55],
    ['(ab|cde){2,3}x?', 0, 10],
    ['^ab|cd$', 0, 10],
  ])('%s: every string fully matches and fits %i..%i without rejection', (pattern, min, max) => {
    const matches = fullMatchTester(pattern);
    fc.assert(
      fc.property(arbitraryFor(pattern, min, max), (value) => {
        expect(matches(value)).toBe(true);
        expect(codePointLength(value)).toBeGreaterThanOrEqual(min);
        expect(codePointLength(value)).toBeLessThanOrEqual(Math.min(max, min + 40));
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it('shrinks towards the shortest string of the first characters', () => {
    const result = fc.check(
      fc.property(arbitraryFor(String.raw`[\w-]+_[0-9a-zA-Z]+`, 1, 55), () => false),
      { seed: 2 },
    );
    expect(result.counterexample).toEqual(['a_a']);
  });

  it('declines what it cannot plan or parse, so callers fall back to fc.stringMatching', () => {
    expect(parsePatternSequence('a(?=b)')).toBeUndefined();
    expect(parsePatternSequence(String.raw`(a)\1`)).toBeUndefined();
    expect(parsePatternSequence('a)')).toBeUndefined();
    const fixed = parsePatternSequence('abcdef');
    expect(fixed).toBeDefined();
    expect(sequenceStringArbitrary(fixed ?? [], 0, 3, 12)).toBeUndefined();
    expect(sequenceStringArbitrary(fixed ?? [], 7, 10, 12)).toBeUndefined();
  });
});
