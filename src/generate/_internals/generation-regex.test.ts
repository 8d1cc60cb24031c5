import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ajvPatternTester,
  codePointLength,
  fullMatchTester,
  generationRegex,
  printableMembers,
  sanitisePattern,
} from './generation-regex.ts';

const CLASSES = String.raw`[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*`;

describe('generation regex', () => {
  it('replaces Unicode properties and \\s outside negated classes by printable subsets', () => {
    const sanitised = sanitisePattern(String.raw`[\p{N}\s]+\s[^\p{L}\s]`);
    expect(sanitised).toBe(`[0123456789½ ]+ [^\\p{L}\\s]`);
  });

  it('anchors the pattern and keeps the u flag', () => {
    const regex = generationRegex(String.raw`[\w-]+_[0-9a-zA-Z]+`);
    expect(regex.flags).toBe('u');
    expect(regex.source.startsWith('^(?:')).toBe(true);
    expect(regex.test('us-east-1_abc')).toBe(true);
    expect(regex.test('x us-east-1_abc')).toBe(false);
  });

  it('only narrows: every string it generates matches the original pattern as Ajv reads it', () => {
    for (const pattern of [
      CLASSES,
      String.raw`^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`,
      String.raw`[\x21\x23-\x5B\x5D-\x7E]+`,
    ]) {
      const matches = ajvPatternTester(pattern);
      fc.assert(fc.property(fc.stringMatching(generationRegex(pattern), { maxLength: 20 }), matches), {
        numRuns: 100,
        seed: 1,
      });
    }
  });

  it('lists the printable members of a one-character atom, best shrink target first', () => {
    expect(printableMembers(String.raw`[\w+]`).slice(0, 3)).toEqual(['a', 'b', 'c']);
    expect(printableMembers(String.raw`[\w+]`)).toContain('+');
    expect(printableMembers(String.raw`\p{Lu}`)).toContain('Ж');
    expect(printableMembers(String.raw`\p{Cc}`)).toEqual([]);
  });

  it('reads model patterns both ways: Ajv search and AWS full match', () => {
    expect(ajvPatternTester('[a-z]+')('1a1')).toBe(true);
    expect(fullMatchTester('[a-z]+')('1a1')).toBe(false);
    expect(codePointLength('a😀é')).toBe(3);
  });
});
