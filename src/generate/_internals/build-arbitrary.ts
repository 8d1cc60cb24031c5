import fc from 'fast-check';
import type { JsonSchema } from '../../../specs/format/index.ts';
import type { SchemaArbitraryOptions } from './schema-arbitrary-options.ts';
import { numberArbitrary } from './number-arbitrary.ts';
import type { PathStep } from './path-template.ts';
import { formatPointer } from './pointer.ts';
import {
  assertUnderstood,
  enumValues,
  isAnyValue,
  isMap,
  nodeType,
  numberKeyword,
  propertyEntries,
  requiredNames,
  resolveRef,
  schemaKeyword,
} from './schema-node.ts';
import { boundedStringArbitrary, stringArbitrary } from './string-arbitrary.ts';

const API = 'arbitraryFromSchema';

/** Marks an optional member left out; removed before the instance leaves the generator. */
const ABSENT: unique symbol = Symbol('absent');

interface Build {
  readonly root: JsonSchema;
  readonly options: Required<SchemaArbitraryOptions>;
  /** Arbitraries of unforced nodes, by depth: invalid-request generation builds many variants of one schema. */
  readonly cache: WeakMap<JsonSchema, Map<number, fc.Arbitrary<unknown>>>;
}

const builds = new WeakMap<JsonSchema, Map<string, Build>>();

function buildFor(root: JsonSchema, options: Required<SchemaArbitraryOptions>): Build {
  const key = JSON.stringify(options);
  let byOptions = builds.get(root);
  if (byOptions === undefined) {
    byOptions = new Map();
    builds.set(root, byOptions);
  }
  let build = byOptions.get(key);
  if (build === undefined) {
    build = { root, options, cache: new WeakMap() };
    byOptions.set(key, build);
  }
  return build;
}

/**
 * Valid instances of `root`; along `force` (a path template) every member is present and every array or
 * map on the way has at least one item, so a rule at that template can be broken in every instance.
 */
export function buildArbitrary(
  root: JsonSchema,
  options: Required<SchemaArbitraryOptions>,
  force: readonly PathStep[],
): fc.Arbitrary<unknown> {
  return node(buildFor(root, options), root, 0, [], force.length > 0 ? force : undefined);
}

function node(
  build: Build,
  raw: JsonSchema,
  depth: number,
  where: readonly string[],
  force: readonly PathStep[] | undefined,
): fc.Arbitrary<unknown> {
  const schema = resolveRef(API, raw, build.root);
  if (force !== undefined) return uncached(build, schema, depth, where, force);
  let byDepth = build.cache.get(schema);
  if (byDepth === undefined) {
    byDepth = new Map();
    build.cache.set(schema, byDepth);
  }
  let arb = byDepth.get(depth);
  if (arb === undefined) {
    arb = uncached(build, schema, depth, where, undefined);
    byDepth.set(depth, arb);
  }
  return arb;
}

function uncached(
  build: Build,
  schema: JsonSchema,
  depth: number,
  where: readonly string[],
  force: readonly PathStep[] | undefined,
): fc.Arbitrary<unknown> {
  const pointer = formatPointer(where);
  assertUnderstood(API, schema, pointer);
  const values = enumValues(schema);
  if (values !== undefined) {
    if (values.length === 0) throw new Error(`${API}: empty enum at ${pointer || '(root)'}`);
    return fc.constantFrom(...values);
  }
  switch (nodeType(schema)) {
    case 'object':
      return isMap(schema)
        ? mapArbitrary(build, schema, depth, where, force)
        : objectArbitrary(build, schema, depth, where, force);
    case 'array':
      return arrayArbitrary(build, schema, depth, where, force);
    case 'string':
      return stringArbitrary(schema, build.options.maxExtraLength, pointer);
    case 'integer':
      return numberArbitrary(schema, true, pointer);
    case 'number':
      return numberArbitrary(schema, false, pointer);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      // A document member (any JSON): the smallest value an object-holding member takes.
      if (isAnyValue(schema)) return fc.constant({});
      throw new Error(`${API}: no type at ${pointer || '(root)'}`);
  }
}

/** Optional members appear with `optionalPresence`; the absent branch comes first and cross-shrinking drops them. */
function optional(build: Build, arb: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const present = Math.round(Math.min(1, Math.max(0, build.options.optionalPresence)) * 100);
  if (present === 0) return fc.constant(ABSENT);
  if (present === 100) return arb;
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 100 - present, arbitrary: fc.constant(ABSENT) },
    { weight: present, arbitrary: arb },
  );
}

function withoutAbsent(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== ABSENT) out[key] = value;
  return out;
}

function objectArbitrary(
  build: Build,
  schema: JsonSchema,
  depth: number,
  where: readonly string[],
  force: readonly PathStep[] | undefined,
): fc.Arbitrary<unknown> {
  const pointer = formatPointer(where);
  if (
    schema.minProperties !== undefined ||
    schema.maxProperties !== undefined ||
    schema.propertyNames !== undefined
  ) {
    throw new Error(
      `${API}: minProperties/maxProperties/propertyNames on a structure are unsupported at ${pointer || '(root)'}`,
    );
  }
  const required = new Set(requiredNames(schema));
  const head = force?.[0];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  let hasOptional = false;
  for (const [name, member] of propertyEntries(schema)) {
    const forced = head?.kind === 'property' && head.name === name;
    const arb = node(
      build,
      member,
      depth + 1,
      [...where, name],
      forced ? (force as readonly PathStep[]).slice(1) : undefined,
    );
    if (required.has(name) || forced) {
      model[name] = arb;
    } else if (depth + 1 <= build.options.maxDepth) {
      model[name] = optional(build, arb);
      hasOptional = true;
    }
  }
  for (const name of required) {
    if (!(name in model))
      throw new Error(`${API}: required member ${name} has no schema at ${pointer || '(root)'}`);
  }
  const record = fc.record(model, { noNullPrototype: true });
  return hasOptional ? record.map(withoutAbsent) : record;
}

/** How many extra items/entries a container at this depth may get. */
function extraItems(build: Build, depth: number): number {
  return depth + 1 <= build.options.maxDepth ? build.options.maxExtraItems : 0;
}

function mapArbitrary(
  build: Build,
  schema: JsonSchema,
  depth: number,
  where: readonly string[],
  force: readonly PathStep[] | undefined,
): fc.Arbitrary<unknown> {
  const pointer = formatPointer(where);
  const forced = force !== undefined && force.length > 0;
  const minKeys = Math.max(numberKeyword(schema, 'minProperties') ?? 0, forced ? 1 : 0);
  const maxKeys = Math.min(
    numberKeyword(schema, 'maxProperties') ?? Number.POSITIVE_INFINITY,
    minKeys + extraItems(build, depth),
  );
  const valueSchema = schemaKeyword(schema, 'additionalProperties') as JsonSchema;
  const values = node(build, valueSchema, depth + 1, [...where, '*'], forced ? force.slice(1) : undefined);
  return fc.dictionary(mapKeyArbitrary(build, schema, pointer), values, {
    minKeys,
    maxKeys,
    noNullPrototype: true,
  });
}

/** Map keys: valid against `propertyNames` when given, else 1–8 printable characters. */
export function mapKeyArbitrary(
  build: { readonly options: Required<SchemaArbitraryOptions> },
  schema: JsonSchema,
  pointer: string,
): fc.Arbitrary<string> {
  const names = schemaKeyword(schema, 'propertyNames');
  const keys =
    names === undefined
      ? boundedStringArbitrary(undefined, { min: 1, max: 8 }, 7, pointer)
      : (stringArbitrary(
          names,
          Math.min(build.options.maxExtraLength, 8),
          `${pointer}/propertyNames`,
        ) as fc.Arbitrary<string>);
  return keys.filter((key) => key !== '__proto__');
}

function arrayArbitrary(
  build: Build,
  schema: JsonSchema,
  depth: number,
  where: readonly string[],
  force: readonly PathStep[] | undefined,
): fc.Arbitrary<unknown> {
  const pointer = formatPointer(where);
  const forced = force !== undefined && force.length > 0;
  const itemSchema = schemaKeyword(schema, 'items');
  if (itemSchema === undefined) throw new Error(`${API}: array without items at ${pointer || '(root)'}`);
  const item = node(build, itemSchema, depth + 1, [...where, '*'], forced ? force.slice(1) : undefined);
  const minLength = Math.max(numberKeyword(schema, 'minItems') ?? 0, forced ? 1 : 0);
  let maxLength = Math.min(
    numberKeyword(schema, 'maxItems') ?? Number.POSITIVE_INFINITY,
    minLength + extraItems(build, depth),
  );
  const itemEnum = enumValues(resolveRef(API, itemSchema, build.root));
  const unique = schema.uniqueItems === true || (itemEnum !== undefined && itemEnum.length >= minLength);
  if (!unique) return fc.array(item, { minLength, maxLength });
  if (itemEnum !== undefined) maxLength = Math.min(maxLength, itemEnum.length);
  if (minLength > maxLength)
    throw new Error(`${API}: cannot fit ${minLength} unique items at ${pointer || '(root)'}`);
  return fc.uniqueArray(item, { minLength, maxLength, selector: (value) => JSON.stringify(value) });
}

/** Valid instances of a sub-schema of `root` (resolving its `$ref`s against `root`), as if met at `depth`. */
export function subArbitrary(
  root: JsonSchema,
  options: Required<SchemaArbitraryOptions>,
  sub: JsonSchema,
  depth: number,
  where: readonly string[],
): fc.Arbitrary<unknown> {
  return node(buildFor(root, options), sub, depth, where, undefined);
}
