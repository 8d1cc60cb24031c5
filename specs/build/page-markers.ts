import { ANY_ITEM, childPointer } from './json-pointer.ts';
import type { Bullet, ParamBlock } from './operation-section.ts';
import { documentTypeOf, type PageShape, type PageStructure } from './page-shape.ts';
import { documentError, type SourceDocument } from './source-document.ts';

/** A `<VALUE> is not a valid value.` line placed on the member it is about. */
export interface ResolvedExclusion {
  readonly value: string;
  readonly line: number;
  /** The member the prose is about (for a list of enums, the list). */
  readonly memberPointer: string;
  readonly memberShape: PageShape;
}

/** What the prose around a syntax block adds to it: required members and value exclusions. */
export interface PageMarkers {
  /** JSON pointers (`*` for items and map values) of members marked `[REQUIRED]`. */
  readonly required: ReadonlySet<string>;
  readonly exclusions: readonly ResolvedExclusion[];
}

/** Where a bullet lands in the syntax tree. `mapValue` is set when the bullet is a map's key. */
interface Target {
  readonly shape: PageShape;
  readonly pointer: string;
  readonly mapValue?: PageShape;
  readonly isRoot?: boolean;
}

/**
 * Places each `param` block, its nested bullets and its exclusion lines on the request's syntax tree.
 * Throws a located error when the prose names a member the syntax block lacks or gives it another type.
 */
export function requestMarkers(
  document: SourceDocument,
  request: PageStructure,
  params: readonly ParamBlock[],
): PageMarkers {
  const resolver = new MarkerResolver(document);
  const exclusions = params.flatMap((param) => resolver.param(request, param));
  return { required: resolver.required, exclusions };
}

/** Places the `Response Structure` bullets on the response's syntax tree; returns the required pointers. */
export function responseRequired(
  document: SourceDocument,
  response: PageStructure,
  bullets: readonly Bullet[],
): ReadonlySet<string> {
  const resolver = new MarkerResolver(document);
  resolver.children(bullets, { shape: response, pointer: '', isRoot: true });
  return resolver.required;
}

class MarkerResolver {
  readonly required = new Set<string>();
  private readonly targets = new Map<Bullet, Target>();

  constructor(private readonly document: SourceDocument) {}

  param(request: PageStructure, param: ParamBlock): ResolvedExclusion[] {
    const member = request.members.find((candidate) => candidate.name === param.name);
    if (!member)
      throw documentError(
        this.document,
        param.line,
        `expected a keyword argument of the request call, found 'param ${param.name}:'`,
      );
    const target = { shape: member.shape, pointer: childPointer('', param.name) };
    if (param.declaredType) this.checkType(param.declaredType.name, target, param.declaredType.line);
    if (param.required) this.required.add(target.pointer);
    this.children(param.bullets, target);
    return param.exclusions.map((exclusion) => {
      const on = exclusion.target ? this.targets.get(exclusion.target)! : target;
      return {
        value: exclusion.value,
        line: exclusion.line,
        memberPointer: on.pointer,
        memberShape: on.shape,
      };
    });
  }

  children(bullets: readonly Bullet[], parent: Target): void {
    for (const bullet of bullets) {
      const target =
        bullet.name === undefined ? this.unnamed(bullet, parent) : this.named(bullet, bullet.name, parent);
      this.checkType(bullet.type, target, bullet.line);
      this.targets.set(bullet, target);
      if (bullet.required) this.markRequired(bullet, target);
      this.children(bullet.children, target);
    }
  }

  private named(bullet: Bullet, name: string, parent: Target): Target {
    if (parent.shape.kind !== 'structure' || parent.mapValue) {
      throw this.error(
        bullet,
        `expected '${name}' under a dict of named members, but ${describe(parent)} is not one`,
      );
    }
    const member = parent.shape.members.find((candidate) => candidate.name === name);
    if (!member)
      throw this.error(
        bullet,
        `expected a member of ${describe(parent)} from the syntax block, found '${name}'`,
      );
    return { shape: member.shape, pointer: childPointer(parent.pointer, name) };
  }

  private unnamed(bullet: Bullet, parent: Target): Target {
    if (parent.mapValue) return { shape: parent.mapValue, pointer: parent.pointer };
    if (parent.isRoot) return { shape: parent.shape, pointer: parent.pointer };
    if (parent.shape.kind === 'list')
      return { shape: parent.shape.item, pointer: childPointer(parent.pointer, ANY_ITEM) };
    if (parent.shape.kind === 'map') {
      return {
        shape: { kind: 'string', line: bullet.line },
        pointer: childPointer(parent.pointer, ANY_ITEM),
        mapValue: parent.shape.value,
      };
    }
    throw this.error(
      bullet,
      `expected a named member under ${describe(parent)}, found an unnamed (${bullet.type}) bullet`,
    );
  }

  private markRequired(bullet: Bullet, target: Target): void {
    if (bullet.name === undefined) throw this.error(bullet, 'expected [REQUIRED] on a named member only');
    this.required.add(target.pointer);
  }

  private checkType(type: string, target: Target, line: number): void {
    const expected = documentTypeOf(target.shape);
    if (type !== expected) {
      throw documentError(
        this.document,
        line,
        `expected type ${expected} for ${describe(target)} as in the syntax block, found ${type}`,
      );
    }
  }

  private error(bullet: Bullet, message: string): Error {
    return documentError(this.document, bullet.line, message);
  }
}

function describe(target: Target): string {
  return target.pointer === '' ? 'the top level' : target.pointer;
}
