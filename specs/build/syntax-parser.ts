import { documentError, type SourceDocument } from './source-document.ts';
import { describeToken, SyntaxTokenizer, type Token } from './syntax-tokenizer.ts';
import type {
  CallNode,
  DictEntry,
  DictNode,
  KeywordArgument,
  ListNode,
  SetNode,
  SourcePosition,
  SyntaxNode,
} from './syntax-tree.ts';

/** A parsed syntax block and the position just after its last token. */
export interface ParsedBlock {
  readonly node: SyntaxNode;
  readonly end: SourcePosition;
}

/**
 * Parses one Python-literal block (a call, dict, list, …) that starts at `start`, and stops right after it.
 * Throws a located error when the block is malformed or unbalanced.
 */
export function parseSyntaxBlock(document: SourceDocument, start: SourcePosition): ParsedBlock {
  const parser = new SyntaxParser(document, new SyntaxTokenizer(document, start), start.line);
  const node = parser.block();
  return { node, end: parser.end };
}

/** The bracket being parsed, so errors can say what is left open. */
interface Opener {
  readonly label: string;
  readonly close: string;
  readonly line: number;
}

class SyntaxParser {
  constructor(
    private readonly document: SourceDocument,
    private readonly tokens: SyntaxTokenizer,
    private readonly startLine: number,
  ) {}

  get end(): SourcePosition {
    return this.tokens.end;
  }

  /** A top-level block: one primary, without looking past it for `|`. */
  block(): SyntaxNode {
    return this.primary(undefined);
  }

  private value(opener: Opener): SyntaxNode {
    const first = this.primary(opener);
    if (!this.atPunct('|')) return first;
    const options = [first];
    while (this.atPunct('|')) {
      this.tokens.next();
      options.push(this.primary(opener));
    }
    return { kind: 'union', options, line: first.line };
  }

  private primary(opener: Opener | undefined): SyntaxNode {
    const token = this.tokens.next();
    if (token.kind === 'string') return { kind: 'string', value: token.value, line: token.line };
    if (token.kind === 'number') return { kind: 'number', text: token.text, line: token.line };
    if (token.kind === 'name') return this.nameOrCall(token);
    if (token.kind === 'punct' && token.text === '{') return this.dictOrSet(token);
    if (token.kind === 'punct' && token.text === '[') return this.list(token);
    throw this.unexpected(token, 'a value', opener, 'in');
  }

  private nameOrCall(first: Token): SyntaxNode {
    let callee = first.text;
    while (this.atPunct('.')) {
      this.tokens.next();
      callee += `.${this.expectName(first).text}`;
    }
    if (!this.atPunct('(')) {
      if (callee.includes('.')) throw this.unexpected(this.tokens.peek(), `'(' after ${callee}`, undefined);
      return { kind: 'name', name: callee, line: first.line };
    }
    this.tokens.next();
    return this.callArguments(callee, first.line);
  }

  private callArguments(callee: string, line: number): CallNode {
    const opener = { label: `${callee}(`, close: ')', line };
    const args: SyntaxNode[] = [];
    const kwargs: KeywordArgument[] = [];
    while (!this.atPunct(')')) {
      if (this.atKeywordArgument()) kwargs.push(this.keywordArgument(opener));
      else args.push(this.value(opener));
      if (!this.separatorOrClose(')', opener)) break;
    }
    this.tokens.next();
    return { kind: 'call', callee, args, kwargs, line };
  }

  private keywordArgument(opener: Opener): KeywordArgument {
    const name = this.tokens.next();
    this.tokens.next();
    return { name: name.text, value: this.value(opener), line: name.line };
  }

  private dictOrSet(open: Token): DictNode | SetNode {
    const opener = { label: '{', close: '}', line: open.line };
    if (this.atPunct('}')) {
      this.tokens.next();
      return { kind: 'dict', entries: [], line: open.line };
    }
    const first = this.primary(opener);
    return this.atPunct(':') ? this.dictEntries(first, opener) : this.setItems(first, opener);
  }

  private dictEntries(firstKey: SyntaxNode, opener: Opener): DictNode {
    const entries: DictEntry[] = [];
    let key = firstKey;
    for (;;) {
      entries.push(this.dictEntry(key, opener));
      if (!this.separatorOrClose('}', opener)) break;
      if (this.atPunct('}')) break;
      key = this.primary(opener);
    }
    this.tokens.next();
    return { kind: 'dict', entries, line: opener.line };
  }

  private dictEntry(key: SyntaxNode, opener: Opener): DictEntry {
    if (key.kind !== 'string') {
      throw documentError(
        this.document,
        key.line,
        `expected a quoted string key in { opened at line ${opener.line}`,
      );
    }
    const colon = this.tokens.next();
    if (colon.text !== ':' || colon.kind !== 'punct')
      throw this.unexpected(colon, `':' after the key '${key.value}'`, opener);
    return { key: key.value, value: this.value(opener), line: key.line };
  }

  private setItems(first: SyntaxNode, opener: Opener): SetNode {
    const items = [first];
    while (this.separatorOrClose('}', opener) && !this.atPunct('}')) items.push(this.primary(opener));
    this.tokens.next();
    return { kind: 'set', items, line: opener.line };
  }

  private list(open: Token): ListNode {
    const opener = { label: '[', close: ']', line: open.line };
    const items: SyntaxNode[] = [];
    while (!this.atPunct(']')) {
      items.push(this.value(opener));
      if (!this.separatorOrClose(']', opener)) break;
    }
    this.tokens.next();
    return { kind: 'list', items, line: open.line };
  }

  /**
   * After an element: consumes a `,` and returns true, or leaves the closing bracket for the caller and
   * returns false. Anything else is an unbalanced block.
   */
  private separatorOrClose(close: string, opener: Opener): boolean {
    const token = this.tokens.peek();
    if (token.kind === 'punct' && token.text === ',') {
      this.tokens.next();
      return true;
    }
    if (token.kind === 'punct' && token.text === close) return false;
    throw this.unexpected(token, `',' or '${close}'`, opener);
  }

  private expectName(context: Token): Token {
    const token = this.tokens.next();
    if (token.kind !== 'name')
      throw this.unexpected(token, `a name after '.' in the call at line ${context.line}`, undefined);
    return token;
  }

  private atPunct(text: string): boolean {
    const token = this.tokens.peek();
    return token.kind === 'punct' && token.text === text;
  }

  private atKeywordArgument(): boolean {
    const second = this.tokens.peek(1);
    return this.tokens.peek().kind === 'name' && second.kind === 'punct' && second.text === '=';
  }

  /**
   * `expected ',' or ')' to close client.f( opened at line 3, found 'type'`. At the end of the document
   * only the missing bracket matters, and the error points at the line that opened it.
   */
  private unexpected(
    token: Token,
    expected: string,
    opener: Opener | undefined,
    relation = 'to close',
  ): Error {
    if (token.kind === 'end' && opener) {
      const message = `expected '${opener.close}' to close ${opener.label} opened at line ${opener.line}, found end of document`;
      return documentError(this.document, opener.line, message);
    }
    const where = opener ? ` ${relation} ${opener.label} opened at line ${opener.line}` : '';
    const line = token.kind === 'end' ? this.startLine : token.line;
    return documentError(this.document, line, `expected ${expected}${where}, found ${describeToken(token)}`);
  }
}
