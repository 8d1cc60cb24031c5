import { documentError, type SourceDocument } from './source-document.ts';
import type { CallNode, DictNode, SyntaxNode, UnionNode } from './syntax-tree.ts';

/**
 * What a syntax block says about a member's type, once its literals are read as type placeholders
 * (`'string'`, `123`, `True|False`, …). Later stages (required markers, narrowings, changes, JSON Schema)
 * work on this tree rather than on raw literals.
 */
export type PageShape =
  | { readonly kind: 'string' | 'integer' | 'float' | 'boolean' | 'timestamp'; readonly line: number }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly line: number }
  | { readonly kind: 'map'; readonly value: PageShape; readonly line: number }
  | { readonly kind: 'list'; readonly item: PageShape; readonly line: number }
  | PageStructure;

/** A dict of named members (a structure), in the order the syntax block lists them. */
export interface PageStructure {
  readonly kind: 'structure';
  readonly members: readonly PageMember[];
  readonly line: number;
}

/** One named member of a structure, with the line of its key in the syntax block. */
export interface PageMember {
  readonly name: string;
  readonly shape: PageShape;
  readonly line: number;
}

/** The placeholder a syntax block writes for "any string"; any other quoted literal is an enum value. */
const STRING_PLACEHOLDER = 'string';

const TYPE_LITERALS = "'string', 123, 123.0, True|False, 'A'|'B', datetime(...), {...} or [...]";

/** The request's members, from the keyword arguments of the `client.<operation>(...)` call. */
export function requestShapeFromCall(document: SourceDocument, call: CallNode): PageStructure {
  if (call.args.length > 0) {
    throw documentError(
      document,
      call.args[0]!.line,
      `expected only keyword arguments in ${call.callee}(...)`,
    );
  }
  const members = call.kwargs.map((kwarg) => ({
    name: kwarg.name,
    shape: shapeOf(document, kwarg.value),
    line: kwarg.line,
  }));
  assertUniqueMembers(document, members);
  return { kind: 'structure', members, line: call.line };
}

/** Reads one syntax node as a type. Throws a located error for literals that are not type placeholders. */
export function shapeOf(document: SourceDocument, node: SyntaxNode): PageShape {
  switch (node.kind) {
    case 'string':
      return node.value === STRING_PLACEHOLDER
        ? { kind: 'string', line: node.line }
        : { kind: 'enum', values: [node.value], line: node.line };
    case 'number':
      return { kind: node.text.includes('.') ? 'float' : 'integer', line: node.line };
    case 'union':
      return unionShape(document, node);
    case 'call':
      return callShape(document, node);
    case 'dict':
      return dictShape(document, node);
    case 'list':
      if (node.items.length !== 1) {
        throw documentError(
          document,
          node.line,
          `expected exactly one item in a list type, found ${node.items.length}`,
        );
      }
      return { kind: 'list', item: shapeOf(document, node.items[0]!), line: node.line };
    case 'name':
      throw documentError(
        document,
        node.line,
        `expected a type literal (${TYPE_LITERALS}), found ${node.name}`,
      );
    case 'set':
      throw documentError(
        document,
        node.line,
        `expected a type literal (${TYPE_LITERALS}), found a set {...}`,
      );
  }
}

function unionShape(document: SourceDocument, node: UnionNode): PageShape {
  const names = node.options.map((option) => (option.kind === 'name' ? option.name : undefined));
  if (names.length === 2 && names.includes('True') && names.includes('False'))
    return { kind: 'boolean', line: node.line };
  const values = node.options.map((option) => {
    if (option.kind !== 'string') {
      throw documentError(document, option.line, "expected 'VALUE' alternatives or True|False in a '|' list");
    }
    return option.value;
  });
  const duplicate = values.find((value, index) => values.indexOf(value) !== index);
  if (duplicate !== undefined)
    throw documentError(document, node.line, `expected distinct enum values, found '${duplicate}' twice`);
  return { kind: 'enum', values, line: node.line };
}

function callShape(document: SourceDocument, node: CallNode): PageShape {
  const numeric = node.args.every((arg) => arg.kind === 'number') && node.kwargs.length === 0;
  if (node.callee === 'datetime' && numeric) return { kind: 'timestamp', line: node.line };
  throw documentError(
    document,
    node.line,
    `expected a type literal (${TYPE_LITERALS}), found ${node.callee}(...)`,
  );
}

function dictShape(document: SourceDocument, node: DictNode): PageShape {
  const only = node.entries.length === 1 ? node.entries[0]! : undefined;
  if (only?.key === STRING_PLACEHOLDER)
    return { kind: 'map', value: shapeOf(document, only.value), line: node.line };
  const members = node.entries.map((entry) => ({
    name: entry.key,
    shape: shapeOf(document, entry.value),
    line: entry.line,
  }));
  assertUniqueMembers(document, members);
  return { kind: 'structure', members, line: node.line };
}

function assertUniqueMembers(document: SourceDocument, members: readonly PageMember[]): void {
  const seen = new Map<string, number>();
  for (const member of members) {
    const first = seen.get(member.name);
    if (first !== undefined) {
      throw documentError(
        document,
        member.line,
        `expected each member once, found '${member.name}' again (first at line ${first})`,
      );
    }
    seen.set(member.name, member.line);
  }
}

/** The type word the document's prose uses for a shape (`(string)`, `type X: dict`). */
export function documentTypeOf(shape: PageShape): string {
  switch (shape.kind) {
    case 'string':
    case 'enum':
      return 'string';
    case 'structure':
    case 'map':
      return 'dict';
    case 'timestamp':
      return 'datetime';
    default:
      return shape.kind;
  }
}
