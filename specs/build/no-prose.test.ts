import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentsIn } from './default-paths.ts';
import { itWithDocuments, lazy, SOURCE_DOCUMENTS } from './test-support/source-documents.ts';
import { keyedStrings, keywordKeys } from './test-support/json-strings.ts';

const OPERATIONS_DIR = fileURLToPath(new URL('../operations/', import.meta.url));
const SPEC_FILES = readdirSync(OPERATIONS_DIR).filter((name) => /^[A-Z][A-Za-z0-9]*\.json$/.test(name));
const pages = lazy(() =>
  documentsIn(SOURCE_DOCUMENTS.seedsDir).map((path) => readFileSync(path, 'utf8').replace(/\s+/g, ' ')),
);
const KNOWN_DISAGREEMENTS = fileURLToPath(new URL('./known-disagreements.json', import.meta.url));

/** Every run of `words` consecutive words of a text. */
function phrases(text: string, words: number): string[] {
  const tokens = text.split(/\s+/).filter(Boolean);
  return tokens
    .slice(0, Math.max(0, tokens.length - words + 1))
    .map((_, index) => tokens.slice(index, index + words).join(' '));
}

describe.each([...SPEC_FILES, 'known-disagreements.json'])(
  '%s copies no prose from the documents',
  (name) => {
    const path = name === 'known-disagreements.json' ? KNOWN_DISAGREEMENTS : join(OPERATIONS_DIR, name);
    const json: unknown = JSON.parse(readFileSync(path, 'utf8'));

    it('has no description or documentation keys', () => {
      expect(keywordKeys(json).filter((key) => /^(description|documentation|title)$/i.test(key))).toEqual([]);
    });

    itWithDocuments('has no string longer than 40 characters that appears in a page', () => {
      const copied = keyedStrings(json).filter(
        ([, value]) => value.length > 40 && pages().some((page) => page.includes(value)),
      );
      expect(copied).toEqual([]);
    });

    itWithDocuments('shares no run of eight words with a page', () => {
      const copied = keyedStrings(json).flatMap(([, value]) =>
        phrases(value, 8).filter((phrase) => pages().some((page) => page.includes(phrase))),
      );
      expect(copied).toEqual([]);
    });
  },
);
