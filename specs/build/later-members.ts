import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { JsonSchema, OperationSpec } from '../format/index.ts';
import { ANY_ITEM, childPointer } from './json-pointer.ts';

/** The shapes of a Smithy JSON AST, as far as members go. */
export type SmithyShapes = Readonly<Record<string, SmithyShape>>;

interface SmithyShape {
  readonly type: string;
  readonly traits?: Readonly<Record<string, unknown>>;
  readonly members?: Readonly<
    Record<string, { readonly target: string; readonly traits?: Readonly<Record<string, unknown>> }>
  >;
  readonly member?: { readonly target: string };
  readonly value?: { readonly target: string };
  readonly input?: { readonly target: string };
  readonly output?: { readonly target: string };
}

const NAMESPACE = 'com.amazonaws.cognitoidentityprovider';

/**
 * Reads the shapes of the current reference (a Smithy JSON AST).
 * @throws Error naming the file when it is not one.
 */
export function loadReferenceShapes(path: string): SmithyShapes {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { shapes?: SmithyShapes };
  if (parsed.shapes === undefined)
    throw new Error(`${basename(path)}: expected a Smithy JSON AST with 'shapes'`);
  return parsed.shapes;
}

/**
 * Response members the current reference defines and the spec's response schema does not: JSON pointers,
 * with `*` for list items, sorted. A response carrying one of them is up to date, not unexpected, so the
 * response-schema check does not note it. Empty when the reference lacks the operation.
 */
export function laterResponseMembers(
  spec: Pick<OperationSpec, 'operation' | 'response'>,
  shapes: SmithyShapes,
): string[] {
  const output = shapes[`${NAMESPACE}#${spec.operation}`]?.output?.target;
  if (output === undefined) return [];
  const later: string[] = [];
  walkStructures(spec.response, output, '', shapes, (schema, shape, pointer) => {
    const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
    for (const name of Object.keys(shape.members ?? {}))
      if (properties[name] === undefined) later.push(childPointer(pointer, name));
  });
  return later.sort();
}

/**
 * Walks a schema and the reference shape it describes in step (structure members, list items; a member's items
 * point at `*`), calling `visit` on each structure the schema also has. Recursive shapes are visited once per path.
 */
function walkStructures(
  schema: JsonSchema | undefined,
  shapeId: string,
  pointer: string,
  shapes: SmithyShapes,
  visit: (schema: JsonSchema, shape: SmithyShape, pointer: string) => void,
  visiting: ReadonlySet<string> = new Set(),
): void {
  const shape = shapes[shapeId];
  if (schema === undefined || shape === undefined || visiting.has(shapeId)) return;
  const inside = new Set([...visiting, shapeId]);
  if (shape.type === 'structure') {
    visit(schema, shape, pointer);
    const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
    for (const [name, member] of Object.entries(shape.members ?? {}))
      walkStructures(properties[name], member.target, childPointer(pointer, name), shapes, visit, inside);
  } else if (shape.type === 'list' && shape.member) {
    const items = schema['items'] as JsonSchema | undefined;
    walkStructures(items, shape.member.target, childPointer(pointer, ANY_ITEM), shapes, visit, inside);
  }
}

/**
 * Request members the spec requires and the current reference no longer does (JSON pointers, `*` for list
 * items), sorted. Where the documents disagree the later one stands, so these leave the request schema's
 * `required`, and a request without them is not "invalid". Empty when the reference lacks the operation.
 */
export function laterOptionalMembers(
  spec: Pick<OperationSpec, 'operation' | 'request'>,
  shapes: SmithyShapes,
): string[] {
  const input = shapes[`${NAMESPACE}#${spec.operation}`]?.input?.target;
  if (input === undefined) return [];
  const relaxed: string[] = [];
  walkStructures(spec.request, input, '', shapes, (schema, shape, pointer) => {
    for (const name of (schema['required'] ?? []) as readonly string[]) {
      const member = shape.members?.[name];
      if (member !== undefined && member.traits?.['smithy.api#required'] === undefined)
        relaxed.push(childPointer(pointer, name));
    }
  });
  return relaxed.sort();
}

/** `schema` with the members at `pointers` (from {@link laterOptionalMembers}) no longer required. */
export function withoutRequired(schema: JsonSchema, pointers: readonly string[]): JsonSchema {
  if (pointers.length === 0) return schema;
  return dropRequired(schema, '', new Set(pointers));
}

function dropRequired(schema: JsonSchema, pointer: string, drop: ReadonlySet<string>): JsonSchema {
  const result: Record<string, unknown> = { ...schema };
  const required = schema['required'] as readonly string[] | undefined;
  if (required !== undefined) {
    const kept = required.filter((name) => !drop.has(childPointer(pointer, name)));
    if (kept.length > 0) result['required'] = kept;
    else delete result['required'];
  }
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
  if (properties !== undefined)
    result['properties'] = Object.fromEntries(
      Object.entries(properties).map(([name, child]) => [
        name,
        dropRequired(child, childPointer(pointer, name), drop),
      ]),
    );
  const items = schema['items'] as JsonSchema | undefined;
  if (items !== undefined) result['items'] = dropRequired(items, childPointer(pointer, ANY_ITEM), drop);
  return result as JsonSchema;
}
