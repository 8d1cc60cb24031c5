import { modelError, shapeOf, type SmithyMember, type SmithyModel } from './smithy-ast.ts';

/** What a JSON pointer passes through in the model, from a request or response structure. */
export interface PointerPath {
  /** The member ids it passes through: `Shape$member`, a list's `List$member`, a map's `Map$value`. */
  readonly source: string[];
  /** True when every structure member it passes through carries `smithy.api#required` (list items and map values count as present). */
  readonly required: boolean;
}

/**
 * The members a JSON pointer (RFC 6901) passes through, from the structure `rootId`: a structure's segment is a
 * member name, a list's an item index, a map's any key. Used to check the resource graph's pointers against the
 * model and to name their sources.
 * @throws Error naming the file and `where` when a segment names nothing in the model.
 */
export function pointerPath(model: SmithyModel, rootId: string, pointer: string, where: string): PointerPath {
  if (!pointer.startsWith('/')) throw modelError(model, where, `expected a JSON pointer, found '${pointer}'`);
  const segments = pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  const source: string[] = [];
  let required = true;
  let shapeId = rootId;
  for (const segment of segments) {
    const shape = shapeOf(model, shapeId, where);
    let next: SmithyMember | undefined;
    let id: string;
    if (shape.type === 'structure' || shape.type === 'union') {
      next = shape.members?.[segment];
      id = `${shapeId}$${segment}`;
      required &&= next?.traits?.['smithy.api#required'] !== undefined;
    } else if (shape.type === 'list' && /^(0|[1-9][0-9]*)$/.test(segment)) {
      next = shape.member;
      id = `${shapeId}$member`;
    } else if (shape.type === 'map') {
      next = shape.value;
      id = `${shapeId}$value`;
    } else {
      next = undefined;
      id = shapeId;
    }
    if (next === undefined)
      throw modelError(
        model,
        where,
        `expected ${pointer} to lead through the model, found no '${segment}' in ${id}`,
      );
    source.push(id);
    shapeId = next.target;
  }
  return { source, required };
}
