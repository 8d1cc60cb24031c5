import type { SmithyShapes } from './later-members.ts';
import { ANY_ITEM, childPointer } from './json-pointer.ts';

const NAMESPACE = 'com.amazonaws.cognitoidentityprovider';

/**
 * The enum members of an operation's response in the current reference (a Smithy JSON AST): JSON pointer
 * (`*` for list items and map values) → the name of the Smithy `enum` shape it targets, without the namespace
 * (`/UserPool/Status` → `StatusType`). Facts only: the shape ids, never their documentation. The sdk-parse check
 * looks up what an SDK knows of each enum by that name. Empty when the reference lacks the operation; a recursive
 * shape is walked once per path. Keys are sorted so the written spec is deterministic.
 */
export function responseEnums(operation: string, shapes: SmithyShapes): Record<string, string> {
  const output = shapes[`${NAMESPACE}#${operation}`]?.output?.target;
  if (output === undefined) return {};
  const found = new Map<string, string>();
  walk(output, '', shapes, new Set(), found);
  return Object.fromEntries([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function walk(
  shapeId: string,
  pointer: string,
  shapes: SmithyShapes,
  visiting: ReadonlySet<string>,
  found: Map<string, string>,
): void {
  const shape = shapes[shapeId];
  if (shape === undefined || visiting.has(shapeId)) return;
  if (shape.type === 'enum') {
    found.set(pointer, shapeId.slice(shapeId.indexOf('#') + 1));
    return;
  }
  const inside = new Set([...visiting, shapeId]);
  if (shape.type === 'structure')
    for (const [name, member] of Object.entries(shape.members ?? {}))
      walk(member.target, childPointer(pointer, name), shapes, inside, found);
  else if (shape.type === 'list' && shape.member)
    walk(shape.member.target, childPointer(pointer, ANY_ITEM), shapes, inside, found);
  else if (shape.type === 'map' && shape.value)
    walk(shape.value.target, childPointer(pointer, ANY_ITEM), shapes, inside, found);
}
