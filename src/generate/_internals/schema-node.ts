import type { JsonSchema } from '../../../specs/format/index.ts';

/** Keywords with no effect on validity. `contentEncoding` (a blob's base64 text) is an annotation in 2020-12. */
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'sensitive',
  'contentEncoding',
]);

/**
 * Typed reads of the JSON Schema keywords the generators understand. Anything that changes which
 * instances are valid and is not listed here is refused loudly: silently ignoring it would make the
 * "always valid" and "breaks exactly one rule" promises false.
 */
const UNDERSTOOD_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'format',
  '$ref',
  '$defs',
  ...ANNOTATIONS,
]);

/** The JSON types a node can take, as the generators see them. */
export type NodeType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

/** Fails on keywords the generators cannot honour, naming the API that was misused. */
export function assertUnderstood(api: string, node: JsonSchema, where: string): void {
  for (const keyword of Object.keys(node)) {
    if (!UNDERSTOOD_KEYWORDS.has(keyword)) {
      throw new Error(`${api}: unsupported schema keyword "${keyword}" at ${where || '(root)'}`);
    }
  }
}

/** Follows local `#/$defs/...` references against the root schema. */
export function resolveRef(api: string, node: JsonSchema, root: JsonSchema): JsonSchema {
  let current = node;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new Error(`${api}: $ref cycle through ${String(current.$ref)}`);
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`${api}: only local $ref is supported, got ${ref}`);
    let target: unknown = root;
    for (const token of ref.slice(2).split('/')) {
      const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
      target =
        typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[key] : undefined;
    }
    if (typeof target !== 'object' || target === null) throw new Error(`${api}: unresolvable $ref ${ref}`);
    current = target as JsonSchema;
  }
  return current;
}

/**
 * Whether the node allows any JSON value: a Smithy `document` member is written `{}`. Only annotations may sit
 * beside nothing else.
 */
export function isAnyValue(node: JsonSchema): boolean {
  return Object.keys(node).every((keyword) => ANNOTATIONS.has(keyword));
}

/** The node's type: its `type` keyword, or what its other keywords imply. */
export function nodeType(node: JsonSchema): NodeType | undefined {
  const declared = node.type;
  if (typeof declared === 'string') return declared as NodeType;
  if (Array.isArray(declared)) {
    const first = declared.find((t) => t !== 'null') ?? declared[0];
    return first as NodeType | undefined;
  }
  const values = enumValues(node);
  if (values !== undefined && values.length > 0) return jsonTypeOf(values[0]);
  if (node.properties !== undefined || node.additionalProperties !== undefined) return 'object';
  if (node.items !== undefined) return 'array';
  return undefined;
}

/** The JSON Schema type name of a JSON value (integers report `integer`). */
export function jsonTypeOf(value: unknown): NodeType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return 'object';
}

/** Whether a value satisfies a `type` keyword value (a number that is whole satisfies `integer`). */
export function satisfiesType(value: unknown, type: NodeType): boolean {
  const actual = jsonTypeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** `enum` (or `const` as a one-value enum). */
export function enumValues(node: JsonSchema): readonly unknown[] | undefined {
  if (Array.isArray(node.enum)) return node.enum as unknown[];
  if (Object.hasOwn(node, 'const')) return [node.const];
  return undefined;
}

/** A numeric keyword, or `undefined`. */
export function numberKeyword(node: JsonSchema, keyword: string): number | undefined {
  const value = node[keyword];
  return typeof value === 'number' ? value : undefined;
}

/** A string keyword, or `undefined`. */
export function stringKeyword(node: JsonSchema, keyword: string): string | undefined {
  const value = node[keyword];
  return typeof value === 'string' ? value : undefined;
}

/** A sub-schema keyword (`items`, `propertyNames`, an object-valued `additionalProperties`), or `undefined`. */
export function schemaKeyword(node: JsonSchema, keyword: string): JsonSchema | undefined {
  const value = node[keyword];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonSchema)
    : undefined;
}

/** `properties` as entries, in declaration order. */
export function propertyEntries(node: JsonSchema): [string, JsonSchema][] {
  const properties = schemaKeyword(node, 'properties');
  return properties === undefined ? [] : Object.entries(properties as Record<string, JsonSchema>);
}

/** `required` member names. */
export function requiredNames(node: JsonSchema): readonly string[] {
  return Array.isArray(node.required) ? (node.required as string[]) : [];
}

/** Whether an object node is a map (no declared properties, values described by `additionalProperties`). */
export function isMap(node: JsonSchema): boolean {
  return (
    schemaKeyword(node, 'properties') === undefined &&
    schemaKeyword(node, 'additionalProperties') !== undefined
  );
}
