import type { Finding } from '../deviations/index.ts';
import type { JsonSchema } from '../../specs/format/index.ts';
import { jsonTypeOf, pointerSegment } from '../spec/index.ts';

/**
 * Compares a value a request sent with the value a later response holds for it, member by member:
 * only what was sent is judged (members the response adds are defaults, not echoes). Used wherever the
 * contract is "what you set is what you read back" (round-trip, stateful).
 *
 * - A sent member the response lacks → `missing-member` at its pointer. An empty list or structure
 *   carries nothing to read back, and AWS JSON responses commonly leave empty members out, so its
 *   absence is fine (a non-empty value in its place is not).
 * - A different value → `state`, with the sent value as `expected`.
 * - Arrays of enum strings are sets of flags (auth flows, OAuth flows, verified attributes): compared
 *   order-insensitively and without duplicates, since the spec gives their order no meaning.
 * - Arrays of structures keyed by a `Name` member (a user's `AttributeType` list) are read by name: each item sent
 *   must be there under its name, wherever it stands; items the response adds (`sub`) are not judged.
 * - Other arrays are compared item by item.
 *
 * `schema` is the response schema node at `pointer`; it only tells enum arrays and maps apart.
 */
export function compareSent(
  sent: unknown,
  actual: unknown,
  schema: JsonSchema | undefined,
  pointer: string,
): Finding[] {
  if (sent === undefined) return [];
  if (actual === undefined) return isEmptyContainer(sent) ? [] : [missing(sent, pointer)];
  if (Array.isArray(sent)) return compareArray(sent, actual, schema, pointer);
  if (isPlainObject(sent)) return compareObject(sent, actual, schema, pointer);
  return sent === actual ? [] : [differs(sent, actual, pointer)];
}

function compareArray(
  sent: readonly unknown[],
  actual: unknown,
  schema: JsonSchema | undefined,
  pointer: string,
): Finding[] {
  if (!Array.isArray(actual)) return [differs(sent, actual, pointer)];
  const items = schema?.['items'] as JsonSchema | undefined;
  if (isEnumStringSchema(items))
    return sameSet(sent, actual) ? [] : [differs(sortedCopy(sent), sortedCopy(actual), pointer, 'as a set')];
  if (isNamedList(sent, items)) return compareByName(sent, actual, items, pointer);
  if (sent.length !== actual.length) return [differs(sent, actual, pointer)];
  return sent.flatMap((item, index) => compareSent(item, actual[index], items, `${pointer}/${index}`));
}

function compareObject(
  sent: Readonly<Record<string, unknown>>,
  actual: unknown,
  schema: JsonSchema | undefined,
  pointer: string,
): Finding[] {
  if (!isPlainObject(actual)) return [differs(sent, actual, pointer)];
  return Object.entries(sent).flatMap(([key, value]) =>
    compareSent(value, actual[key], childSchema(schema, key), `${pointer}/${pointerSegment(key)}`),
  );
}

/** The schema of a member: a named property, or the value schema of a map. */
function childSchema(schema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  const properties = schema?.['properties'] as Record<string, JsonSchema> | undefined;
  const named = properties?.[key];
  if (named) return named;
  const additional = schema?.['additionalProperties'];
  return typeof additional === 'object' && additional !== null ? (additional as JsonSchema) : undefined;
}

/**
 * Whether a sent list is keyed by name: its items' schema has a string `Name`, and every item sent carries one (an
 * empty list sent names nothing, so whatever the response adds is fine).
 */
function isNamedList(sent: readonly unknown[], items: JsonSchema | undefined): boolean {
  const name = (items?.['properties'] as Record<string, JsonSchema> | undefined)?.['Name'];
  return (
    name?.['type'] === 'string' &&
    sent.every((item) => isPlainObject(item) && typeof item['Name'] === 'string')
  );
}

function compareByName(
  sent: readonly unknown[],
  actual: readonly unknown[],
  items: JsonSchema | undefined,
  pointer: string,
): Finding[] {
  return sent.flatMap((item, index) => {
    const name = (item as Record<string, unknown>)['Name'];
    const at = actual.findIndex((candidate) => isPlainObject(candidate) && candidate['Name'] === name);
    return at < 0
      ? [missing(item, `${pointer}/${index}`)]
      : compareSent(item, actual[at], items, `${pointer}/${at}`);
  });
}

function isEmptyContainer(value: unknown): boolean {
  return Array.isArray(value) ? value.length === 0 : isPlainObject(value) && Object.keys(value).length === 0;
}

function isEnumStringSchema(schema: JsonSchema | undefined): boolean {
  return schema?.['type'] === 'string' && Array.isArray(schema['enum']);
}

function sameSet(sent: readonly unknown[], actual: readonly unknown[]): boolean {
  const left = new Set(sent);
  const right = new Set(actual);
  return left.size === right.size && [...left].every((value) => right.has(value));
}

function sortedCopy(values: readonly unknown[]): unknown[] {
  return [...new Set(values)].sort((a, b) => String(a).localeCompare(String(b)));
}

function missing(sent: unknown, pointer: string): Finding {
  return {
    kind: 'missing-member',
    severity: 'error',
    path: pointer,
    expected: sent,
    actual: 'absent',
    message: `${pointer} was sent but is absent from the response`,
  };
}

function differs(sent: unknown, actual: unknown, pointer: string, how = ''): Finding {
  return {
    kind: 'state',
    severity: 'error',
    path: pointer,
    expected: sent,
    actual,
    message: `${pointer} reads back ${describe(actual)}, not the ${jsonTypeOf(sent)} sent${how ? ` (compared ${how})` : ''}`,
  };
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
