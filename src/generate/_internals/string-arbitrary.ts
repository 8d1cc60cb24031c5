import fc from 'fast-check';
import type { JsonSchema } from '../../../specs/format/index.ts';
import { codePointLength, fullMatchTester, generationRegex } from './generation-regex.ts';
import { parsePatternSequence, sequenceStringArbitrary } from './pattern-sequence.ts';
import { numberKeyword, stringKeyword } from './schema-node.ts';

/** The lengths a string node may take, as Ajv counts them (code points). */
export interface LengthBounds {
  readonly min: number;
  readonly max: number;
}

/** `minLength`/`maxLength` of a node (0 and +∞ when absent). */
export function declaredLengthBounds(node: JsonSchema): LengthBounds {
  return {
    min: numberKeyword(node, 'minLength') ?? 0,
    max: numberKeyword(node, 'maxLength') ?? Number.POSITIVE_INFINITY,
  };
}

/**
 * Strings of code-point length within `declared` matching `pattern` (when given), at most about `extra`
 * characters longer than the shortest allowed, so requests stay small. AWS-style patterns go through a
 * length-aware generator; anything else through `fc.stringMatching`, filtered on length. Printable
 * ASCII is used when there is no pattern.
 */
export function boundedStringArbitrary(
  pattern: string | undefined,
  declared: LengthBounds,
  extra: number,
  where: string,
): fc.Arbitrary<string> {
  if (declared.min > declared.max) {
    throw new Error(
      `arbitraryFromSchema: minLength ${declared.min} exceeds maxLength ${declared.max} at ${where}`,
    );
  }
  const short = Math.min(declared.max, declared.min + extra);
  if (pattern === undefined)
    return fc.string({ unit: 'grapheme-ascii', minLength: declared.min, maxLength: short });
  const fits = (value: string): boolean => {
    const length = codePointLength(value);
    return length >= declared.min && length <= declared.max;
  };
  const sequence = parsePatternSequence(pattern);
  const fast =
    sequence === undefined ? undefined : sequenceStringArbitrary(sequence, declared.min, declared.max, extra);
  if (fast !== undefined) {
    // Guards the length arithmetic and the parser: both should make this filter a no-op.
    const matches = fullMatchTester(pattern);
    return fast.filter((value) => fits(value) && matches(value));
  }
  const matching = fc.stringMatching(
    generationRegex(pattern),
    Number.isFinite(short) ? { maxLength: short } : {},
  );
  return declared.min === 0 ? matching : matching.filter(fits);
}

/** The generator for a `type: string` node without `enum`. */
export function stringArbitrary(node: JsonSchema, extraLength: number, where: string): fc.Arbitrary<string> {
  if (node.format !== undefined)
    throw new Error(`arbitraryFromSchema: unsupported string format "${String(node.format)}" at ${where}`);
  return boundedStringArbitrary(
    stringKeyword(node, 'pattern'),
    declaredLengthBounds(node),
    extraLength,
    where,
  );
}
