import type { SpecChange } from '../format/index.ts';
import { ANY_ITEM, childPointer } from './json-pointer.ts';
import type { ChangeLiteral } from './operation-section.ts';
import type { PageShape, PageStructure } from './page-shape.ts';
import { documentError, type SourceDocument } from './source-document.ts';
import type { DictNode, SetNode, SyntaxNode } from './syntax-tree.ts';

/** The change every `(new)` operation gets: the whole operation is new. */
export const NEW_OPERATION_CHANGE: SpecChange = { direction: 'operation', kind: 'operation', path: '' };

/**
 * Reads `Changes` literals against the operation's syntax trees. A set (`{'A'}`) adds enum values to the
 * member it sits on (for a list of enums, the list's path); a dict descends (through list items as `*`);
 * any other value is a new member. Throws a located error for a member or value the syntax block lacks.
 */
export function resolveChanges(
  document: SourceDocument,
  literals: readonly ChangeLiteral[],
  shapes: { readonly request: PageStructure; readonly response: PageStructure },
): SpecChange[] {
  return literals.flatMap((literal) => {
    const resolver = new ChangeResolver(document, literal.direction);
    return resolver.dict(literal.node, shapes[literal.direction], '');
  });
}

class ChangeResolver {
  constructor(
    private readonly document: SourceDocument,
    private readonly direction: 'request' | 'response',
  ) {}

  dict(node: DictNode, shape: PageStructure, pointer: string): SpecChange[] {
    return node.entries.flatMap((entry) => {
      const member = shape.members.find((candidate) => candidate.name === entry.key);
      if (!member) {
        const where = pointer === '' ? `the ${this.direction}` : pointer;
        throw documentError(
          this.document,
          entry.line,
          `expected a member of ${where} in the syntax block, found '${entry.key}' in the changes`,
        );
      }
      return this.value(entry.value, member.shape, childPointer(pointer, entry.key));
    });
  }

  private value(node: SyntaxNode, shape: PageShape, pointer: string): SpecChange[] {
    if (node.kind === 'set') return this.enumValues(node, shape, pointer);
    const structure = shape.kind === 'list' ? shape.item : shape;
    if (node.kind === 'dict' && structure.kind === 'structure') {
      return this.dict(node, structure, shape.kind === 'list' ? childPointer(pointer, ANY_ITEM) : pointer);
    }
    if (node.kind === 'dict' && shape.kind !== 'map') {
      throw documentError(
        this.document,
        node.line,
        `expected ${pointer} to be a dict in the syntax block to list changes inside it`,
      );
    }
    return [{ direction: this.direction, kind: 'member', path: pointer }];
  }

  private enumValues(node: SetNode, shape: PageShape, pointer: string): SpecChange[] {
    const enumShape = shape.kind === 'list' ? shape.item : shape;
    if (enumShape.kind !== 'enum')
      throw documentError(this.document, node.line, `expected ${pointer} to be an enum for the added values`);
    return node.items.map((item) => {
      if (item.kind !== 'string' || !enumShape.values.includes(item.value)) {
        throw documentError(
          this.document,
          item.line,
          `expected an added value among ${enumShape.values.join('|')} for ${pointer}`,
        );
      }
      return { direction: this.direction, kind: 'enum-value', path: pointer, value: item.value };
    });
  }
}
