import type { Arbitrary } from 'fast-check';
import type { JsonSchema } from '../../specs/format/index.ts';
import { buildArbitrary } from './_internals/build-arbitrary.ts';
import type { SchemaArbitraryOptions } from './_internals/schema-arbitrary-options.ts';

export type { SchemaArbitraryOptions };

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
