import { describe, expect, it } from 'vitest';
import { shapeOf } from './page-shape.ts';
import { toSourceDocument } from './source-document.ts';
import { parseSyntaxBlock } from './syntax-parser.ts';

function shape(text: string) {
  const document = toSourceDocument('doc.txt', text);
  return shapeOf(document, parseSyntaxBlock(document, { line: 1, column: 0 }).node);
}

describe('shapeOf', () => {
  it.each([
    ["'string'", { kind: 'string', line: 1 }],
    ['123', { kind: 'integer', line: 1 }],
    ['123.0', { kind: 'float', line: 1 }],
    ['datetime(2015, 1, 1)', { kind: 'timestamp', line: 1 }],
    ["'ONLY'", { kind: 'enum', values: ['ONLY'], line: 1 }],
  ])('reads %s as a type placeholder', (text, expected) => {
    expect(shape(text)).toEqual(expected);
  });

  it('reads unions, maps, lists and structures', () => {
    expect(shape("{'F': True|False, 'E': 'A'|'B', 'M': {'string': ['string',]}}")).toEqual({
      kind: 'structure',
      line: 1,
      members: [
        { name: 'F', line: 1, shape: { kind: 'boolean', line: 1 } },
        { name: 'E', line: 1, shape: { kind: 'enum', values: ['A', 'B'], line: 1 } },
        {
          name: 'M',
          line: 1,
          shape: {
            kind: 'map',
            line: 1,
            value: { kind: 'list', line: 1, item: { kind: 'string', line: 1 } },
          },
        },
      ],
    });
  });

  it.each([
    ["{'A': frozenset(['x'])}", 'found frozenset(...)'],
    ["{'A': None}", 'found None'],
    ["{'A': {'x'}}", 'found a set {...}'],
    ["{'A': ['string', 'string']}", 'expected exactly one item in a list type, found 2'],
    ["{'A': 'X'|'X'}", "expected distinct enum values, found 'X' twice"],
    ["{'A': 'string', 'A': 123}", "expected each member once, found 'A' again (first at line 1)"],
  ])('rejects %s', (text, message) => {
    expect(() => shape(text)).toThrow(message);
  });
});
