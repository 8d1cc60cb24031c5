import { describe, expect, it } from 'vitest';
import { formatPointer, getPointer, hasPointer, parsePointer, removePointer, setPointer } from './pointer.ts';

describe('JSON pointer helpers', () => {
  it('escapes and unescapes reference tokens', () => {
    const pointer = formatPointer(['a/b', 'c~d', 0]);
    expect(pointer).toBe('/a~1b/c~0d/0');
    expect(parsePointer(pointer)).toEqual(['a/b', 'c~d', '0']);
    expect(parsePointer('')).toEqual([]);
  });

  it('reads, writes and removes members and items in place', () => {
    const doc: Record<string, unknown> = { A: { B: [1, 2, 3] } };
    expect(getPointer(doc, '/A/B/1')).toBe(2);
    expect(hasPointer(doc, '/A/C')).toBe(false);
    setPointer(doc, '/A/C', 'x');
    setPointer(doc, '/A/B/3', 4);
    removePointer(doc, '/A/B/0');
    expect(doc).toEqual({ A: { B: [2, 3, 4], C: 'x' } });
  });

  it('refuses misuse with the API name first', () => {
    expect(() => setPointer({}, '/missing/x', 1)).toThrow(/^setPointer: /);
    expect(() => removePointer({}, '')).toThrow(/^removePointer: /);
    expect(() => parsePointer('nope')).toThrow(/^parsePointer: /);
  });
});
