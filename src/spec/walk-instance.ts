import type { JsonSchema } from '../../specs/format/index.ts';

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Visits every value of `instance` that `schema` describes, with the schema node and JSON pointer.
 * Only follows the shapes our generated specs use (properties, map values, array items), which is why
 * it is small; values the schema does not describe are the response-schema check's business.
 */
export function walkInstance(
  schema: JsonSchema,
  instance: unknown,
  visit: (node: JsonSchema, value: unknown, pointer: string) => void,
  pointer = '',
): void {
  visit(schema, instance, pointer);
  if (Array.isArray(instance)) {
    const items = schema['items'] as JsonSchema | undefined;
    if (items) instance.forEach((item, index) => walkInstance(items, item, visit, `${pointer}/${index}`));
    return;
  }
  if (instance === null || typeof instance !== 'object') return;
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const additional = schema['additionalProperties'];
  for (const [key, value] of Object.entries(instance)) {
    const child =
      properties[key] ??
      (typeof additional === 'object' && additional !== null ? (additional as JsonSchema) : undefined);
    if (child) walkInstance(child, value, visit, `${pointer}/${pointerSegment(key)}`);
  }
}

/** Whether a schema node is a timestamp (`datetime(...)` in the document). */
export function isTimestampSchema(node: JsonSchema | undefined): boolean {
  return node?.['format'] === 'epoch-seconds';
}

/** The JSON type name of a value as JSON Schema names them. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
