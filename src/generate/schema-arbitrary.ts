import type { Arbitrary } from 'fast-check';
import type { JsonSchema } from '../spec/operation-spec.ts';
import { buildArbitrary } from './_internals/build-arbitrary.ts';

/**
 * Knobs that keep generated requests small. Every value stays valid against the schema whatever the
 * options: they only decide how much optional content appears.
 */
export interface SchemaArbitraryOptions {
  /**
   * Deepest level at which optional members, extra array items and extra map entries still appear
   * (the request's own members are level 1). Deeper, only what the schema requires is generated.
   * Default 4.
   */
  readonly maxDepth?: number;
  /** Chance (0..1) that an optional member is present. Shrinking always removes it first. Default 0.4. */
  readonly optionalPresence?: number;
  /** Array items / map entries generated beyond `minItems` / `minProperties`. Default 2. */
  readonly maxExtraItems?: number;
  /** Characters generated beyond `minLength` (never beyond `maxLength`). Default 12. */
  readonly maxExtraLength?: number;
}

/** Defaults documented on {@link SchemaArbitraryOptions}. */
export const DEFAULT_SCHEMA_ARBITRARY_OPTIONS: Required<SchemaArbitraryOptions> = {
  maxDepth: 4,
  optionalPresence: 0.4,
  maxExtraItems: 2,
  maxExtraLength: 12,
};

/**
 * Instances valid against a request schema (types, enums, required members, lengths, ranges, item
 * counts, patterns, maps), built from fast-check combinators so failures shrink towards the smallest
 * request: optional members drop out, arrays and strings shorten, numbers approach their bound.
 *
 * Use it for "valid request" properties; operation-level meaning (live ids, consistent settings) is
 * added afterwards by a {@link RequestFixup}. Throws on schema keywords it cannot honour.
 */
export function arbitraryFromSchema(
  schema: JsonSchema,
  options: SchemaArbitraryOptions = {},
): Arbitrary<unknown> {
  return buildArbitrary(schema, { ...DEFAULT_SCHEMA_ARBITRARY_OPTIONS, ...options }, []);
}
