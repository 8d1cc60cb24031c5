import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPECS_DIR, specFiles } from './test-support/committed-model-specs.ts';
import { itWithDocuments, lazy, SOURCE_DOCUMENTS } from './test-support/source-documents.ts';
import { keyedStrings, keywordKeys } from './test-support/json-strings.ts';

/** Traits whose values are prose (or hold prose): the model specs must copy none of it. */
const PROSE_TRAITS = new Set([
  'smithy.api#documentation',
  'smithy.api#examples',
  'smithy.api#title',
  'smithy.api#deprecated',
]);

/** Every prose string of the current reference, whitespace collapsed, as written and with its HTML tags dropped. */
const prose = lazy(() => {
  const found: string[] = [];
  const collect = (value: unknown, inProse: boolean): void => {
    if (typeof value === 'string') {
      if (inProse) found.push(value);
    } else if (Array.isArray(value)) value.forEach((item) => collect(item, inProse));
    else if (typeof value === 'object' && value !== null)
      for (const [key, child] of Object.entries(value))
        collect(child, inProse || PROSE_TRAITS.has(key) || key === 'documentation');
  };
  collect(JSON.parse(readFileSync(SOURCE_DOCUMENTS.referencePath, 'utf8')), false);
  const text = found.join('\n');
  return [text, text.replace(/<[^>]*>/g, ' ')].map((variant) => variant.replace(/[^\S\n]+/g, ' ')).join('\n');
});

/** Every run of `words` consecutive words of a text. */
function phrases(text: string, words: number): string[] {
  const tokens = text.split(/\s+/).filter(Boolean);
  return tokens
    .slice(0, Math.max(0, tokens.length - words + 1))
    .map((_, index) => tokens.slice(index, index + words).join(' '));
}

describe.each(specFiles())('specs/operations/%s copies no prose from the model', (name) => {
  const json: unknown = JSON.parse(readFileSync(join(SPECS_DIR, name), 'utf8'));

  it('has no description, documentation, title or examples keys', () => {
    expect(
      keywordKeys(json).filter((key) => /^(description|documentation|title|examples?)$/i.test(key)),
    ).toEqual([]);
  });

  itWithDocuments('has no string longer than 40 characters that appears in the documentation', () => {
    const copied = keyedStrings(json).filter(([, value]) => value.length > 40 && prose().includes(value));
    expect(copied).toEqual([]);
  });

  itWithDocuments('shares no run of eight words with the documentation', () => {
    const copied = keyedStrings(json).flatMap(([, value]) =>
      phrases(value, 8).filter((phrase) => prose().includes(phrase)),
    );
    expect(copied).toEqual([]);
  });
});

describe('the prose check itself', () => {
  it('reads keywords, not member names', () => {
    const schema = { properties: { Description: { type: 'string', description: 'copied' } } };

    expect(keywordKeys(schema)).toEqual(['properties', 'type', 'description']);
  });

  itWithDocuments('catches a copied sentence, as written and without its tags', () => {
    // Arrange: a spec that copies the start of AdminCreateUser's documentation, read from the model here.
    const { shapes } = JSON.parse(readFileSync(SOURCE_DOCUMENTS.referencePath, 'utf8')) as {
      shapes: Record<string, { traits?: Record<string, unknown> }>;
    };
    const documentation = String(
      shapes['com.amazonaws.cognitoidentityprovider#AdminCreateUser']?.traits?.['smithy.api#documentation'],
    );
    const copied = { note: documentation.slice(0, 45), words: documentation.replace(/<[^>]*>/g, ' ') };

    // Act
    const long = keyedStrings(copied).filter(([, value]) => value.length > 40 && prose().includes(value));
    const runs = keyedStrings(copied).flatMap(([, value]) =>
      phrases(value, 8).filter((phrase) => prose().includes(phrase)),
    );

    // Assert
    expect(long.map(([key]) => key)).toContain('note');
    expect(runs.length).toBeGreaterThan(0);
  });
});
