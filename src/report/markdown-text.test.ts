import { describe, expect, it } from 'vitest';
import { cell, code, codeBlock, escapeInline, jsonText, pointerText, table } from './markdown-text.ts';

describe('markdown text helpers', () => {
  it('escapes pipes and flattens lines in cells', () => {
    expect(cell('a|b\nc')).toBe('a\\|b c');
    expect(cell('  ')).toBe('—');
    expect(table(['x', 'n'], [['a|b', '1']], ['l', 'r'])).toBe('| x | n |\n| --- | ---: |\n| a\\|b | 1 |');
  });

  it('fences code past backticks in the text', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(codeBlock('```\nnested\n```', 'md')).toBe('````md\n```\nnested\n```\n````');
  });

  it('names the absent and the root', () => {
    expect(jsonText(undefined)).toBe('(absent)');
    expect(jsonText({ a: 1 })).toBe('{"a":1}');
    expect(pointerText('')).toBe('(whole body)');
  });

  it('makes prose inert', () => {
    expect(escapeInline('*bold* <b> [l](x) `c`')).toBe('\\*bold\\* \\<b\\> \\[l\\](x) \\`c\\`');
  });
});
