import type { CallNode, DictNode, SyntaxNode } from './syntax-tree.ts';

/**
 * One operation's section of a document page, as the page lays it out. Produced by `parsePage`; nothing
 * here is interpreted yet beyond the page's own structure.
 */
export interface OperationSection {
  readonly operation: string;
  readonly status: 'new' | 'updated';
  /** The header without its link marker, e.g. `CreateUserPool (updated)`. */
  readonly heading: string;
  /** 1-based line of the header. */
  readonly line: number;
  readonly changes: readonly ChangeLiteral[];
  readonly requestCall: CallNode;
  readonly params: readonly ParamBlock[];
  readonly responseSyntax: SyntaxNode;
  /** The bullets under `Response Structure` (usually one unnamed `(dict)` root). */
  readonly responseStructure: readonly Bullet[];
}

/** One literal of a `Changes (…)` block and the side it applies to. */
export interface ChangeLiteral {
  readonly direction: 'request' | 'response';
  readonly node: DictNode;
  readonly line: number;
}

/** A `param X:` block with its `type X:` line. */
export interface ParamBlock {
  readonly name: string;
  readonly line: number;
  /** The word under `type X:` (`string`, `dict`, …) and its line, when present. */
  readonly declaredType: { readonly name: string; readonly line: number } | undefined;
  /** The block opens with `[REQUIRED]`. */
  readonly required: boolean;
  readonly bullets: readonly Bullet[];
  readonly exclusions: readonly ValueExclusion[];
}

/** A structural bullet: `• Name (type) --`, `• (type) --`, optionally `-- [REQUIRED]`. */
export interface Bullet {
  /** Absent for list items, map keys/values and a response's root. */
  readonly name: string | undefined;
  readonly type: string;
  readonly required: boolean;
  readonly line: number;
  readonly indent: number;
  readonly children: readonly Bullet[];
}

/** A `<VALUE> is not a valid value.` line, and the bullet it sits under (`undefined`: the param itself). */
export interface ValueExclusion {
  readonly value: string;
  readonly line: number;
  readonly target: Bullet | undefined;
}
