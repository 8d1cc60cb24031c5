import type { JsonSchema } from '../../specs/format/index.ts';

/**
 * JSON-pointer helpers for the `changes` check: reading a value out of a response, placing a member
 * into a request (creating the objects on its way), and finding the schema of a member. Change paths
 * use `*` for "any array item"; only `schemaAt` follows it.
 */

/** Unescaped reference tokens of a pointer (`''` is the root). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The value at `pointer`, or undefined when any step is missing. */
export function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const token of pointerTokens(pointer)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

/** A copy of `request` with `value` at `pointer`, creating missing objects on the way. */
export function withMember(
  request: Readonly<Record<string, unknown>>,
  pointer: string,
  value: unknown,
): Record<string, unknown> {
  const tokens = pointerTokens(pointer);
  const last = tokens.pop();
  if (last === undefined) throw new Error('withMember: cannot replace the whole request');
  const copy = structuredClone(request) as Record<string, unknown>;
  let parent = copy;
  for (const token of tokens) {
    const next = parent[token];
    parent[token] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {};
    parent = parent[token] as Record<string, unknown>;
  }
  parent[last] = value;
  return copy;
}

/** The schema node describing `pointer` (properties by name, `*` or an index for array items). */
export function schemaAt(schema: JsonSchema, pointer: string): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const token of pointerTokens(pointer)) {
    if (current === undefined) return undefined;
    if (current['type'] === 'array') {
      current = current['items'] as JsonSchema | undefined;
    } else {
      current = ((current['properties'] ?? {}) as Record<string, JsonSchema>)[token];
    }
  }
  return current;
}
