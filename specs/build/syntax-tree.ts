/**
 * The Python-literal syntax blocks of a document page (`Request Syntax`, `Response Syntax`, `Changes`),
 * as written: no interpretation of `'string'` or `123` yet. Every node keeps its 1-based line so later
 * stages can point at the document.
 */
export type SyntaxNode =
  StringNode | NumberNode | NameNode | UnionNode | DictNode | SetNode | ListNode | CallNode;

/** A quoted literal: `'string'` (the placeholder) or an enum value. */
export interface StringNode {
  readonly kind: 'string';
  readonly value: string;
  readonly line: number;
}

/** A numeric literal, kept as its source text (`123`, `123.0`). */
export interface NumberNode {
  readonly kind: 'number';
  readonly text: string;
  readonly line: number;
}

/** A bare name such as `True`. */
export interface NameNode {
  readonly kind: 'name';
  readonly name: string;
  readonly line: number;
}

/** `a|b|c`: the syntax blocks' way of listing alternatives (enum values, `True|False`). */
export interface UnionNode {
  readonly kind: 'union';
  readonly options: readonly SyntaxNode[];
  readonly line: number;
}

/** One `'key': value` pair of a dict, with the key's line. */
export interface DictEntry {
  readonly key: string;
  readonly value: SyntaxNode;
  readonly line: number;
}

/** `{...}` with `key: value` pairs: a structure, or a map when its only key is `'string'`. */
export interface DictNode {
  readonly kind: 'dict';
  readonly entries: readonly DictEntry[];
  readonly line: number;
}

/** `{'A', 'B'}`: used by `Changes` blocks for added enum values. */
export interface SetNode {
  readonly kind: 'set';
  readonly items: readonly SyntaxNode[];
  readonly line: number;
}

/** `[...]`: a list type, written with one item (and a trailing comma). */
export interface ListNode {
  readonly kind: 'list';
  readonly items: readonly SyntaxNode[];
  readonly line: number;
}

/** `Name=value` in a call: one request member of `client.<operation>(...)`. */
export interface KeywordArgument {
  readonly name: string;
  readonly value: SyntaxNode;
  readonly line: number;
}

/** `callee(args, name=value)`, e.g. `client.create_user_pool(...)` or `datetime(2015, 1, 1)`. */
export interface CallNode {
  readonly kind: 'call';
  readonly callee: string;
  readonly args: readonly SyntaxNode[];
  readonly kwargs: readonly KeywordArgument[];
  readonly line: number;
}

/** A place in a document: 1-based line, 0-based column. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}
