import type fc from 'fast-check';
import type { OperationSpec } from '../../specs/format/index.ts';
import { breakableRules } from './breakable-rules.ts';
import { type CoveragePlan, coveragePlan, presenceAndBoundaryRequests } from './coverage-cases.ts';
import {
  type InvalidRequest,
  invalidRequestArbitrary,
  type InvalidRequestOptions,
} from './invalid-request.ts';
import { type CoverageBase, narrowedRequestSchema } from './narrow-request-schema.ts';
import { smallestValue } from './_internals/smallest-value.ts';
import type { FixupContext, RequestFixup } from './request-fixup.ts';
import { arbitraryFromSchema, type SchemaArbitraryOptions } from './schema-arbitrary.ts';

export { fixupFor } from './fixup-registry.ts';

/**
 * Requests the service should accept: valid against the spec's request schema (with the document's
 * narrowings applied) and made meaningful by the operation's fix-up (live ids, consistent settings).
 * The fix-up runs inside the arbitrary, so shrinking still minimises the generated part.
 */
export function validRequests(
  spec: OperationSpec,
  fixup: RequestFixup | undefined,
  context: FixupContext,
  options: SchemaArbitraryOptions = {},
): fc.Arbitrary<Record<string, unknown>> {
  const { schema } = narrowedRequestSchema(spec);
  const requests = arbitraryFromSchema(schema, options) as fc.Arbitrary<Record<string, unknown>>;
  return fixup === undefined ? requests : requests.map((request) => fixup.apply(request, context));
}

/**
 * Requests the service should reject, each breaking exactly one schema rule, with that rule.
 *
 * Order: generate a valid request, apply the fix-up, then break the rule, so the fix-up can never
 * repair the violation (if the fix-up dropped the targeted member, it is restored first). Enum values
 * narrowed out by the document are the first `enum-value` candidates.
 *
 * Live ids: breaks of other members leave the substituted UserPoolId/ClientId intact, so the only
 * thing wrong is the violation, never a "not found". Breaks of the id members themselves are kept:
 * each makes the id malformed (missing, wrong type, too long, bad characters), which is a validation
 * error the service must report before any lookup; a well-formed id that merely does not exist is
 * never produced here. Pass `include` to leave id members out.
 */
export function invalidRequests(
  spec: OperationSpec,
  fixup: RequestFixup | undefined,
  context: FixupContext,
  options: Omit<InvalidRequestOptions, 'prepare' | 'narrowedOut'> = {},
): fc.Arbitrary<InvalidRequest> {
  const { schema, narrowedOut } = narrowedRequestSchema(spec);
  return invalidRequestArbitrary(schema, {
    ...options,
    narrowedOut,
    ...(fixup === undefined
      ? {}
      : { prepare: (request: Record<string, unknown>) => fixup.apply(request, context) }),
  });
}

/**
 * The coverage phase of one operation ({@link coveragePlan}): each breakable rule of its request schema (with the
 * document's narrowings applied) broken once on the smallest request, and the valid side of every bound and
 * enum, each made meaningful by the operation's fix-up. Deterministic for a `seed`; nothing is sent here.
 */
export function coverageRequests(
  spec: OperationSpec,
  fixup: RequestFixup | undefined,
  context: FixupContext,
  seed: number,
  side?: 'invalid' | 'boundary',
  base?: CoverageBase,
): CoveragePlan {
  const { schema, narrowedOut } = narrowedRequestSchema(spec);
  const prepare = onBase(fixup, context, base);
  return coveragePlan(schema, seed, {
    narrowedOut,
    ...(side ? { side } : {}),
    ...(prepare ? { prepare } : {}),
  });
}

/**
 * The smallest valid request of `spec` on `base` (its member set to the base's value; no base: as generated),
 * made meaningful by the fix-up: what the coverage phase sends first to learn whether the target can answer
 * requests on that base, and what the unknown-id requests are built on.
 */
export function baseRequest(
  spec: OperationSpec,
  fixup: RequestFixup | undefined,
  context: FixupContext,
  seed: number,
  base?: CoverageBase,
): Record<string, unknown> {
  return smallestRequest(spec, fixup, context, seed, {}, base);
}

/**
 * The smallest valid request of `spec` with every optional member present (each at its smallest value), made
 * meaningful by the fix-up: a write that carries all it can, the same for every seed (a round trip's first write).
 */
export function fullRequest(
  spec: OperationSpec,
  fixup: RequestFixup | undefined,
  context: FixupContext,
  seed: number,
): Record<string, unknown> {
  return smallestRequest(spec, fixup, context, seed, { optionalPresence: 1 });
}

function smallestRequest(
  spec: OperationSpec,
  fixup: RequestFixup | undefined,
  context: FixupContext,
  seed: number,
  options: SchemaArbitraryOptions,
  base?: CoverageBase,
): Record<string, unknown> {
  const { schema } = narrowedRequestSchema(spec);
  const smallest = smallestValue(
    arbitraryFromSchema(schema, options) as fc.Arbitrary<Record<string, unknown>>,
    seed,
  );
  return (onBase(fixup, context, base) ?? ((request) => request))(smallest);
}

/** The prepare step of coverage requests: the base's value first, then the fix-up (which may depend on it). */
function onBase(
  fixup: RequestFixup | undefined,
  context: FixupContext,
  base: CoverageBase | undefined,
): ((request: Record<string, unknown>) => Record<string, unknown>) | undefined {
  if (fixup === undefined && base === undefined) return undefined;
  return (request) => {
    const based = base === undefined ? request : { ...request, [base.member]: base.value };
    return fixup === undefined ? based : fixup.apply(based, context);
  };
}

/**
 * About how many requests the coverage phase sends for one operation: per breakable rule, one per wrong value of
 * a fixed set (JSON types, values outside an enum) or one, times the items or entries of a rule over a `*` (two
 * assumed: the fix-up decides how many there are), plus one per valid-side boundary (bounds and enum values; those
 * a fix-up pins are not sent). An estimate for load planning, not a limit.
 * Source: the request schema of `specs/operations/<Operation>.json`, with the document's narrowings.
 */
export function coverageSize(spec: OperationSpec): number {
  const { schema, narrowedOut } = narrowedRequestSchema(spec);
  const { rules } = breakableRules(schema, { narrowedOut });
  const places = (rule: (typeof rules)[number]): number => (rule.template.includes('*') ? 2 : 1);
  return rules.reduce(
    (sum, rule) => sum + (rule.edits?.length ?? 1) * places(rule) + (rule.validSide?.length ?? 0),
    0,
  );
}

/**
 * The deterministic cases of a round trip for `spec` (see {@link presenceAndBoundaryRequests}): each member
 * present at its smallest, then each boundary value, fixed up to name live resources. The same for every seed,
 * so a write the target reads back wrongly is found in every run, not only when the random phase meets it.
 */
export function roundTripCoverageRequests(
  spec: OperationSpec,
  fixup: RequestFixup | undefined,
  context: FixupContext,
  seed: number,
): Record<string, unknown>[] {
  const { schema, narrowedOut } = narrowedRequestSchema(spec);
  return presenceAndBoundaryRequests(schema, seed, {
    narrowedOut,
    ...(fixup === undefined
      ? {}
      : { prepare: (request: Record<string, unknown>) => fixup.apply(request, context) }),
  });
}
