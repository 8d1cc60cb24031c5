import type { RelaxedConstraint } from '../format/index.ts';
import { modelError, type SmithyModel, type SmithyTraits } from './smithy-ast.ts';
import { toSchemaPattern } from './model-pattern.ts';

/** Traits that hold, with the id of the shape or member that holds each set (for messages and sources). */
export interface TraitHolder {
  readonly id: string;
  readonly traits: SmithyTraits | undefined;
}

/** Where a schema is being built: the operation's side and the JSON pointer, for relaxed constraints. */
export interface SchemaPlace {
  readonly direction: 'request' | 'response';
  readonly path: string;
}

/**
 * The JSON Schema keywords for the constraint and annotation traits on a shape of Smithy type `type`:
 * `holders` in order of precedence (a member before the shape it targets; a trait the first holder has wins).
 * A constraint the schema cannot state exactly is added to `relaxed`.
 * @throws Error naming the file and the holder when a trait's value or the type it sits on is not one the
 *   model specs know.
 */
export function constraintKeywords(
  model: SmithyModel,
  type: string,
  holders: readonly TraitHolder[],
  place: SchemaPlace,
  relaxed: RelaxedConstraint[],
): Record<string, unknown> {
  const trait = (name: string) => {
    const holder = holders.find((candidate) => candidate.traits?.[name] !== undefined);
    return holder === undefined ? undefined : { source: holder.id, value: holder.traits![name] };
  };
  const keywords: Record<string, unknown> = {};
  const length = trait('smithy.api#length');
  if (length) Object.assign(keywords, lengthKeywords(model, type, length, place, relaxed));
  const range = trait('smithy.api#range');
  if (range) Object.assign(keywords, rangeKeywords(model, type, range));
  const pattern = trait('smithy.api#pattern');
  if (pattern) Object.assign(keywords, patternKeyword(model, type, pattern, place, relaxed));
  const fallback = trait('smithy.api#default');
  if (fallback && fallback.value !== null) keywords['default'] = fallback.value;
  if (trait('smithy.api#deprecated')) keywords['deprecated'] = true;
  if (trait('smithy.api#sensitive')) keywords['sensitive'] = true;
  return keywords;
}

interface Found {
  readonly source: string;
  readonly value: unknown;
}

const LENGTH_KEYWORDS: Readonly<Record<string, readonly [string, string]>> = {
  string: ['minLength', 'maxLength'],
  enum: ['minLength', 'maxLength'],
  list: ['minItems', 'maxItems'],
  set: ['minItems', 'maxItems'],
  map: ['minProperties', 'maxProperties'],
};

function lengthKeywords(
  model: SmithyModel,
  type: string,
  length: Found,
  place: SchemaPlace,
  relaxed: RelaxedConstraint[],
): Record<string, number> {
  const { min, max } = bounds(model, 'smithy.api#length', length);
  if (type === 'blob') return blobLength(length, min, max, place, relaxed);
  const names = LENGTH_KEYWORDS[type];
  if (names === undefined)
    throw modelError(
      model,
      length.source,
      `expected smithy.api#length on a string, list, map or blob, found a ${type}`,
    );
  return {
    ...(min === undefined ? {} : { [names[0]]: min }),
    ...(max === undefined ? {} : { [names[1]]: max }),
  };
}

/**
 * A blob travels as base64 text, 4 characters per 3 bytes (padded): bounds on its bytes become the bounds on the
 * text that let every allowed blob through, exact when the byte bound is a whole number of 3-byte groups.
 */
function blobLength(
  length: Found,
  min: number | undefined,
  max: number | undefined,
  place: SchemaPlace,
  relaxed: RelaxedConstraint[],
): Record<string, number> {
  const text = (bytes: number) => 4 * Math.ceil(bytes / 3);
  const exact = (min === undefined || min === 0 || min % 3 === 1) && (max === undefined || max % 3 === 0);
  if (!exact)
    relaxed.push({
      ...place,
      source: length.source,
      trait: 'smithy.api#length',
      value: length.value,
      reason:
        'bounds the decoded bytes; the schema bounds the base64 text, which can be up to 2 bytes looser',
    });
  return {
    ...(min === undefined ? {} : { minLength: text(min) }),
    ...(max === undefined ? {} : { maxLength: text(max) }),
  };
}

const NUMERIC = new Set(['byte', 'short', 'integer', 'long', 'float', 'double', 'bigInteger', 'bigDecimal']);

function rangeKeywords(model: SmithyModel, type: string, range: Found): Record<string, number> {
  if (!NUMERIC.has(type))
    throw modelError(model, range.source, `expected smithy.api#range on a number, found a ${type}`);
  const { min, max } = bounds(model, 'smithy.api#range', range);
  return { ...(min === undefined ? {} : { minimum: min }), ...(max === undefined ? {} : { maximum: max }) };
}

function patternKeyword(
  model: SmithyModel,
  type: string,
  pattern: Found,
  place: SchemaPlace,
  relaxed: RelaxedConstraint[],
): Record<string, string> {
  if (typeof pattern.value !== 'string' || (type !== 'string' && type !== 'enum'))
    throw modelError(model, pattern.source, `expected smithy.api#pattern to be a string on a string shape`);
  const converted = toSchemaPattern(pattern.value);
  if (converted.ok) return { pattern: converted.pattern };
  relaxed.push({
    ...place,
    source: pattern.source,
    trait: 'smithy.api#pattern',
    value: pattern.value,
    reason: `left out: ${converted.reason}`,
  });
  return {};
}

function bounds(model: SmithyModel, name: string, found: Found): { min?: number; max?: number } {
  const value = found.value as { min?: unknown; max?: unknown } | null;
  const ok = (bound: unknown) => bound === undefined || (typeof bound === 'number' && Number.isFinite(bound));
  if (typeof value !== 'object' || value === null || !ok(value.min) || !ok(value.max))
    throw modelError(
      model,
      found.source,
      `expected ${name} to be {min?: number, max?: number}, found ${JSON.stringify(found.value)}`,
    );
  return {
    ...(value.min === undefined ? {} : { min: value.min as number }),
    ...(value.max === undefined ? {} : { max: value.max as number }),
  };
}
