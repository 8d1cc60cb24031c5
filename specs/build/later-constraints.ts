import type { JsonSchema, LaterConstraint, OperationSpec } from '../format/index.ts';
import { ANY_ITEM, childPointer } from './json-pointer.ts';
import type { SmithyShapes } from './later-members.ts';

const NAMESPACE = 'com.amazonaws.cognitoidentityprovider';

type Traits = Readonly<Record<string, unknown>>;

interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

/**
 * Request constraints of the spec's document that the current reference states differently: a length, range or
 * item count with other bounds, or another pattern (anchors aside). Only constraints the document states count. Where the documents disagree the later one
 * stands, so {@link withLaterConstraints} puts the reference's value in the request schema, and a request that
 * only the older document forbids is never held against a target. Pointers use `*` for list items and map
 * values; `reference` is `null` where the reference's pattern cannot be checked as an ECMAScript `u` regular
 * expression (the rule is then dropped). Empty when the reference lacks the operation.
 * Source: the current reference's `smithy.api#length`, `smithy.api#range` and `smithy.api#pattern` traits.
 */
export function laterConstraints(
  spec: Pick<OperationSpec, 'operation' | 'request'>,
  shapes: SmithyShapes,
): LaterConstraint[] {
  const input = shapes[`${NAMESPACE}#${spec.operation}`]?.input?.target;
  if (input === undefined) return [];
  const found: LaterConstraint[] = [];
  compare(spec.request, input, {}, '', shapes, found, new Set());
  return found;
}

function compare(
  node: JsonSchema | undefined,
  shapeId: string,
  memberTraits: Traits,
  pointer: string,
  shapes: SmithyShapes,
  found: LaterConstraint[],
  visiting: ReadonlySet<string>,
): void {
  const shape = shapes[shapeId] as
    | (SmithyShapes[string] & { readonly traits?: Traits; readonly value?: { readonly target: string } })
    | undefined;
  if (node === undefined || shape === undefined || visiting.has(shapeId)) return;
  const inside = new Set([...visiting, shapeId]);
  const traits: Traits = { ...(shape.traits ?? {}), ...memberTraits };
  const type = node['type'];
  if (type === 'string' && node['enum'] === undefined) {
    bounds(node, pointer, traits['smithy.api#length'], ['minLength', 'maxLength'], found);
    pattern(node, pointer, traits['smithy.api#pattern'], found);
  } else if (type === 'integer' || type === 'number') {
    bounds(node, pointer, traits['smithy.api#range'], ['minimum', 'maximum'], found);
  } else if (type === 'array') {
    bounds(node, pointer, traits['smithy.api#length'], ['minItems', 'maxItems'], found);
    const member = shape.member as { target: string; traits?: Traits } | undefined;
    if (member)
      compare(
        node['items'] as JsonSchema | undefined,
        member.target,
        member.traits ?? {},
        childPointer(pointer, ANY_ITEM),
        shapes,
        found,
        inside,
      );
  } else if (type === 'object' && shape.type === 'structure') {
    const properties = (node['properties'] ?? {}) as Record<string, JsonSchema>;
    for (const [name, member] of Object.entries(shape.members ?? {}))
      compare(
        properties[name],
        member.target,
        member.traits ?? {},
        childPointer(pointer, name),
        shapes,
        found,
        inside,
      );
  } else if (type === 'object' && shape.type === 'map' && shape.value) {
    const value = shape.value as { target: string; traits?: Traits };
    compare(
      node['additionalProperties'] as JsonSchema | undefined,
      value.target,
      value.traits ?? {},
      childPointer(pointer, ANY_ITEM),
      shapes,
      found,
      inside,
    );
  }
}

/**
 * A length, range or count the document bounds and the reference bounds otherwise. Only bounds the document states
 * are compared: a bound the reference adds is a new rule, which the issue on the current model takes on.
 */
function bounds(
  node: JsonSchema,
  pointer: string,
  trait: unknown,
  keywords: readonly [string, string],
  found: LaterConstraint[],
): void {
  if (typeof trait !== 'object' || trait === null) return;
  const reference = trait as Bounds;
  const [minKeyword, maxKeyword] = keywords;
  for (const [keyword, referenceValue] of [
    [minKeyword, reference.min],
    [maxKeyword, reference.max],
  ] as const) {
    const documentValue = node[keyword] as number | undefined;
    if (documentValue === undefined || documentValue === referenceValue) continue;
    // A lower length or count bound the reference leaves out is 0.
    const stated =
      referenceValue ??
      (keyword === 'minimum' || keyword === 'maximum' ? null : keyword.startsWith('min') ? 0 : null);
    if (documentValue === stated) continue;
    found.push({ path: pointer, keyword, document: documentValue, reference: stated });
  }
}

/**
 * A pattern the reference states otherwise. The spec's patterns are read as whole-string matches, as AWS reads
 * the document's model; the reference marks a whole-string match with `^…$`, and a pattern without anchors only
 * has to occur in the value (Smithy's reading). So the reference's pattern is compared, and adopted, in the
 * spec's whole-match form: its anchors taken off, or `[\s\S]*` put where it has none.
 */
function pattern(node: JsonSchema, pointer: string, trait: unknown, found: LaterConstraint[]): void {
  if (typeof trait !== 'string') return;
  const documentPattern = node['pattern'] as string | undefined;
  if (documentPattern === undefined) return;
  const wholeMatch = wholeMatchPattern(trait);
  if (documentPattern === wholeMatch || documentPattern === trait) return;
  found.push({
    path: pointer,
    keyword: 'pattern',
    document: documentPattern,
    reference: compiles(wholeMatch) ? wholeMatch : null,
  });
}

/**
 * A reference pattern in the spec's whole-match form: `^…$` loses its anchors, and an unanchored end gets
 * `[\s\S]*` (the reference's pattern only has to occur in the value).
 */
export function wholeMatchPattern(trait: string): string {
  const start = trait.startsWith('^');
  const end = /(?<!\\)\$$/.test(trait);
  const body = trait.slice(start ? 1 : 0, end ? -1 : undefined);
  return start && end ? body : `${start ? '' : '[\\s\\S]*'}(?:${body})${end ? '' : '[\\s\\S]*'}`;
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/** `schema` with each of `constraints` set to the reference's value, or left out where that is `null` or 0 for a lower bound. */
export function withLaterConstraints(
  schema: JsonSchema,
  constraints: readonly LaterConstraint[],
): JsonSchema {
  let result = schema;
  for (const constraint of constraints) result = setAt(result, segments(constraint.path), constraint);
  return result;
}

function segments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function setAt(node: JsonSchema, path: readonly string[], constraint: LaterConstraint): JsonSchema {
  const [head, ...rest] = path;
  if (head === undefined) {
    const result: Record<string, unknown> = { ...node };
    const value = constraint.reference;
    const lowerBoundOfZero =
      (constraint.keyword === 'minLength' || constraint.keyword === 'minItems') && value === 0;
    if (value === null || lowerBoundOfZero) delete result[constraint.keyword];
    else result[constraint.keyword] = value;
    return result as JsonSchema;
  }
  if (head === ANY_ITEM) {
    const key = node['items'] !== undefined ? 'items' : 'additionalProperties';
    return { ...node, [key]: setAt(node[key] as JsonSchema, rest, constraint) } as JsonSchema;
  }
  const properties = node['properties'] as Record<string, JsonSchema>;
  return {
    ...node,
    properties: { ...properties, [head]: setAt(properties[head] as JsonSchema, rest, constraint) },
  } as JsonSchema;
}
