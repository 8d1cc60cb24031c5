import type { SmithyModel, SmithyShape } from './smithy-ast.ts';

/**
 * The shapes that can contain themselves (through members, list members, map keys or values): the model specs
 * write each of these once under `$defs` and refer to it, since inlining would never end. Empty for a model
 * without recursion (cognito-idp's, today).
 */
export function recursiveShapes(model: SmithyModel): Set<string> {
  const recursive = new Set<string>();
  for (const id of Object.keys(model.shapes)) if (reachesItself(model, id)) recursive.add(id);
  return recursive;
}

function reachesItself(model: SmithyModel, start: string): boolean {
  const seen = new Set<string>();
  const pending = [...children(model.shapes[start])];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id === start) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...children(model.shapes[id]));
  }
  return false;
}

/** The shapes a shape's value holds: an enum's members name values, not shapes. */
function children(shape: SmithyShape | undefined): string[] {
  if (shape === undefined || shape.type === 'enum' || shape.type === 'intEnum') return [];
  return [
    ...Object.values(shape.members ?? {}),
    ...(shape.type === 'list' || shape.type === 'set' || shape.type === 'map'
      ? [shape.member, shape.key, shape.value]
      : []),
  ].flatMap((member) => (member === undefined ? [] : [member.target]));
}
