import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toSchemaPattern } from './model-pattern.ts';
import { itWithDocuments } from './test-support/source-documents.ts';

describe('toSchemaPattern', () => {
  it('keeps patterns that compile in u mode as they are', () => {
    expect(toSchemaPattern('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+')).toEqual({
      ok: true,
      pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
    });
  });

  it('rewrites Java-only property names and anchors', () => {
    expect(toSchemaPattern('\\A\\p{IsAlphabetic}\\p{IsL}+\\z')).toEqual({
      ok: true,
      pattern: '^\\p{Alphabetic}\\p{L}+$',
    });
  });

  it('leaves out what has no JavaScript equivalent, with a reason', () => {
    expect(toSchemaPattern('[a-z]++')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('does not compile'),
    });
    expect(toSchemaPattern('\\p{Alpha}+')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('POSIX class \\p{Alpha}'),
    });
  });

  itWithDocuments('keeps every pattern of the service model', ({ modelPath }) => {
    const model = JSON.parse(readFileSync(modelPath, 'utf8')) as {
      shapes: Record<string, { pattern?: string }>;
    };
    const patterns = Object.values(model.shapes).flatMap((shape) =>
      shape.pattern === undefined ? [] : [shape.pattern],
    );
    expect(patterns.length).toBeGreaterThan(0);
    expect(patterns.map(toSchemaPattern).filter((conversion) => !conversion.ok)).toEqual([]);
  });
});
