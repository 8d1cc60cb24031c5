import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { JsonSchema, OperationSpec } from '../format/index.ts';
import { ANY_ITEM, childPointer } from './json-pointer.ts';

/** The shapes of a Smithy JSON AST, as far as members go. */
export type SmithyShapes = Readonly<Record<string, SmithyShape>>;

interface SmithyShape {
  readonly type: string;
  readonly members?: Readonly<Record<string, { readonly target: string }>>;
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
export function laterResponseMembers(spec: OperationSpec, shapes: SmithyShapes): string[] {
  const output = shapes[`${NAMESPACE}#${spec.operation}`]?.output?.target;
  if (output === undefined) return [];
  const later: string[] = [];
  collect(spec.response, output, '', shapes, later, new Set());
  return later.sort();
}

function collect(
  schema: JsonSchema | undefined,
  shapeId: string,
  pointer: string,
  shapes: SmithyShapes,
  later: string[],
  visiting: ReadonlySet<string>,
): void {
  const shape = shapes[shapeId];
  if (shape === undefined || visiting.has(shapeId)) return;
  const inside = new Set([...visiting, shapeId]);
  if (shape.type === 'structure') {
    const properties = (schema?.['properties'] ?? {}) as Record<string, JsonSchema>;
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const child = childPointer(pointer, name);
      if (schema !== undefined && properties[name] === undefined) later.push(child);
      collect(properties[name], member.target, child, shapes, later, inside);
    }
  } else if (shape.type === 'list' && shape.member) {
    collect(
      schema?.['items'] as JsonSchema | undefined,
      shape.member.target,
      childPointer(pointer, ANY_ITEM),
      shapes,
      later,
      inside,
    );
  }
}
