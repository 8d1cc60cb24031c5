import { describe, expect, it } from 'vitest';
import { UsageError } from './exit-codes.ts';
import { parseFormatList } from './format-list.ts';

const ALLOWED = ['json', 'md', 'junit', 'html'] as const;

describe('parseFormatList', () => {
  it('gives the fallback when no --format was given', () => {
    expect(parseFormatList('run', undefined, ALLOWED, ['json', 'md'])).toEqual(['json', 'md']);
  });

  it('keeps the order given, trims spaces and drops duplicates', () => {
    expect(parseFormatList('run', ' html,json , html', ALLOWED, ['json'])).toEqual(['html', 'json']);
  });

  it('refuses unknown and empty lists with a usage error naming the allowed formats', () => {
    expect(() => parseFormatList('merge', 'json,pdf,xml', ALLOWED, ['json'])).toThrow(
      new UsageError('merge: unknown --format pdf,xml; use a comma-separated list of json,md,junit,html'),
    );
    expect(() => parseFormatList('diff', ' , ', ALLOWED, ['json'])).toThrow(/diff: empty --format/);
    expect(() => parseFormatList('diff', '', ALLOWED, ['json'])).toThrow(UsageError);
  });
});
