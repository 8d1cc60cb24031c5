import { describe, expect, it } from 'vitest';
import { toSourceDocument } from './source-document.ts';
import { parseSyntaxBlock } from './syntax-parser.ts';

function parse(text: string, line = 1, column = 0) {
  return parseSyntaxBlock(toSourceDocument('doc.txt', text), { line, column });
}

describe('parseSyntaxBlock', () => {
  it('parses a keyword call with nested dicts, lists, unions, calls and trailing commas, keeping lines', () => {
    // Arrange
    const text = [
      'client.do_thing(',
      "    Name='string',",
      "    Mode='A'|'B',",
      '    Flag=True|False,',
      '    Count=123,',
      '    When=datetime(2015, 1, 1),',
      "    Tags={'string': 'string'},",
      "    Items=[{'Key': 'string'},],",
      ')',
      'prose that is not Python',
    ].join('\n');

    // Act
    const { node, end } = parse(text);

    // Assert
    expect(end).toEqual({ line: 9, column: 1 });
    expect(node.kind).toBe('call');
    if (node.kind !== 'call') return;
    expect(node.callee).toBe('client.do_thing');
    expect(node.kwargs.map((kwarg) => [kwarg.name, kwarg.value.kind, kwarg.line])).toEqual([
      ['Name', 'string', 2],
      ['Mode', 'union', 3],
      ['Flag', 'union', 4],
      ['Count', 'number', 5],
      ['When', 'call', 6],
      ['Tags', 'dict', 7],
      ['Items', 'list', 8],
    ]);
  });

  it('reads sets, for the added enum values of a Changes block', () => {
    const { node } = parse("{'AuthFlow': {'A', 'B'}}");
    expect(node).toEqual({
      kind: 'dict',
      line: 1,
      entries: [
        {
          key: 'AuthFlow',
          line: 1,
          value: {
            kind: 'set',
            line: 1,
            items: [
              { kind: 'string', value: 'A', line: 1 },
              { kind: 'string', value: 'B', line: 1 },
            ],
          },
        },
      ],
    });
  });

  it('starts at a column, for literals that follow a label on the same line', () => {
    const { node, end } = parse("Response {'X': 'string'}", 1, 9);
    expect(node.kind).toBe('dict');
    expect(end).toEqual({ line: 1, column: 24 });
  });

  it('reads an empty dict', () => {
    expect(parse('{}').node).toEqual({ kind: 'dict', entries: [], line: 1 });
  });

  it('reports an unclosed call at the line that opened it', () => {
    expect(() => parse("\n\nclient.f(\n    A='string',\n", 3)).toThrow(
      "doc.txt:3: expected ')' to close client.f( opened at line 3, found end of document",
    );
  });

  it('reports a missing separator where it finds the next token', () => {
    expect(() => parse("{\n  'A': 'string'\n  'B': 'string'\n}")).toThrow(
      "doc.txt:3: expected ',' or '}' to close { opened at line 1, found 'B'",
    );
  });

  it('rejects unterminated strings and stray characters', () => {
    expect(() => parse("{'A': 'string}")).toThrow(
      "doc.txt:1: expected ' to close the string 'string}, found end of line",
    );
    expect(() => parse("{'A': @}")).toThrow("doc.txt:1: expected a syntax token, found '@'");
  });

  it('rejects non-string dict keys', () => {
    expect(() => parse('{A: 1}')).toThrow('doc.txt:1: expected a quoted string key in { opened at line 1');
  });
});
