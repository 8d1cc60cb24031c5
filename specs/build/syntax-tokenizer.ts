import { documentError, type SourceDocument } from './source-document.ts';
import type { SourcePosition } from './syntax-tree.ts';

/** Token classes of the syntax blocks; `end` marks the end of the document. */
export type TokenKind = 'string' | 'number' | 'name' | 'punct' | 'end';

/** One token of a syntax block, with its position for error messages. */
export interface Token {
  readonly kind: TokenKind;
  /** The source text (for strings, with quotes). */
  readonly text: string;
  /** The string's content, or the text for other kinds. */
  readonly value: string;
  readonly line: number;
  readonly column: number;
}

const PUNCTUATION = new Set(['(', ')', '{', '}', '[', ']', ',', ':', '=', '|', '.']);
const NUMBER = /^-?\d+(?:\.\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Reads tokens of a syntax block on demand, starting at a position in a document. Lazy on purpose: a block
 * is followed by prose that is not Python, so the parser must never read past the block's closing token.
 */
export class SyntaxTokenizer {
  private line: number;
  private column: number;
  private readonly lookahead: Token[] = [];
  private consumedEnd: SourcePosition;

  constructor(
    private readonly document: SourceDocument,
    start: SourcePosition,
  ) {
    this.line = start.line;
    this.column = start.column;
    this.consumedEnd = start;
  }

  /** The token after the next `offset` ones, without consuming anything. */
  peek(offset = 0): Token {
    while (this.lookahead.length <= offset) this.lookahead.push(this.read());
    return this.lookahead[offset]!;
  }

  next(): Token {
    const token = this.peek();
    this.lookahead.shift();
    this.consumedEnd = { line: token.line, column: token.column + token.text.length };
    return token;
  }

  /** Just after the last consumed token. */
  get end(): SourcePosition {
    return this.consumedEnd;
  }

  private read(): Token {
    this.skipBlank();
    const text = this.document.lines[this.line - 1];
    if (text === undefined) return this.token('end', '', '');
    const rest = text.slice(this.column);
    const char = rest[0]!;
    if (char === "'" || char === '"') return this.readString(rest, char);
    const number = NUMBER.exec(rest);
    if (number) return this.take('number', number[0], number[0]);
    const name = NAME.exec(rest);
    if (name) return this.take('name', name[0], name[0]);
    if (PUNCTUATION.has(char)) return this.take('punct', char, char);
    throw documentError(this.document, this.line, `expected a syntax token, found '${char}'`);
  }

  private skipBlank(): void {
    for (;;) {
      const text = this.document.lines[this.line - 1];
      if (text === undefined) return;
      while (this.column < text.length && /\s/.test(text[this.column]!)) this.column++;
      if (this.column < text.length) return;
      this.line++;
      this.column = 0;
    }
  }

  private readString(rest: string, quote: string): Token {
    let value = '';
    for (let i = 1; i < rest.length; i++) {
      const char = rest[i]!;
      if (char === quote) return this.take('string', rest.slice(0, i + 1), value);
      if (char === '\\' && i + 1 < rest.length) i++;
      value += rest[i];
    }
    throw documentError(
      this.document,
      this.line,
      `expected ${quote} to close the string ${rest}, found end of line`,
    );
  }

  private take(kind: TokenKind, text: string, value: string): Token {
    const token = this.token(kind, text, value);
    this.column += text.length;
    return token;
  }

  private token(kind: TokenKind, text: string, value: string): Token {
    return { kind, text, value, line: this.line, column: this.column };
  }
}

/** How an error message names a token: quoted source text, or `end of document`. */
export function describeToken(token: Token): string {
  if (token.kind === 'end') return 'end of document';
  return token.kind === 'string' ? token.text : `'${token.text}'`;
}
