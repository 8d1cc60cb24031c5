import type { JsonSchema } from '../format/index.ts';
import { ANY_ITEM, childPointer } from './json-pointer.ts';
import type { PageShape, PageStructure } from './page-shape.ts';

/** The JSON Schema dialect of every generated schema. */
export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** What the prose adds to a syntax tree: required members and enum values to leave out, by pointer. */
export interface SchemaMarks {
  readonly required: ReadonlySet<string>;
  readonly excluded: ReadonlyMap<string, readonly string[]>;
}

const NO_MARKS: SchemaMarks = { required: new Set(), excluded: new Map() };

/**
 * The top-level request or response schema, following the conventions of `operation-spec.ts`, with the
 * `$schema` and `$id` (`urn:cognito-conformance:<Operation>:<request|response>`) that identify it.
 */
export function toRootSchema(
  shape: PageStructure,
  operation: string,
  direction: 'request' | 'response',
  marks: SchemaMarks,
): JsonSchema {
  return {
    $schema: SCHEMA_DIALECT,
    $id: `urn:cognito-conformance:${operation}:${direction}`,
    ...toJsonSchema(shape, marks),
  };
}

/** The schema of one shape; `pointer` is where the shape sits, for looking up its marks. */
export function toJsonSchema(shape: PageShape, marks: SchemaMarks = NO_MARKS, pointer = ''): JsonSchema {
  switch (shape.kind) {
    case 'string':
      return { type: 'string' };
    case 'integer':
      return { type: 'integer' };
    case 'float':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'timestamp':
      return { type: 'number', format: 'epoch-seconds' };
    case 'enum': {
      const excluded = marks.excluded.get(pointer) ?? [];
      return { type: 'string', enum: shape.values.filter((value) => !excluded.includes(value)) };
    }
    case 'map':
      return {
        type: 'object',
        additionalProperties: toJsonSchema(shape.value, marks, childPointer(pointer, ANY_ITEM)),
      };
    case 'list':
      return { type: 'array', items: toJsonSchema(shape.item, marks, childPointer(pointer, ANY_ITEM)) };
    case 'structure':
      return structureSchema(shape, marks, pointer);
  }
}

function structureSchema(shape: PageStructure, marks: SchemaMarks, pointer: string): JsonSchema {
  const properties = Object.fromEntries(
    shape.members.map((member) => [
      member.name,
      toJsonSchema(member.shape, marks, childPointer(pointer, member.name)),
    ]),
  );
  const required = shape.members
    .map((member) => member.name)
    .filter((name) => marks.required.has(childPointer(pointer, name)));
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}
