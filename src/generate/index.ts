/**
 * Stage 6, request generation with fast-check: arbitraries for valid requests derived from the request
 * schemas, requests that break exactly one rule, and one small fix-up per operation for what a schema cannot say.
 */
export { fixupFor, hasOwnFixup } from './fixup-registry.ts';
export { identifierFixup, liveIdentifier } from './identifier-fixup.ts';
export type { FixupContext } from './request-fixup.ts';
export { getPointer } from './_internals/pointer.ts';
export type { BoundaryCase, CoveragePlan, CoveredRule, InvalidCase } from './coverage-cases.ts';
export { coverageBases } from './narrow-request-schema.ts';
export type { CoverageBase } from './narrow-request-schema.ts';
export {
  baseRequest,
  coverageRequests,
  coverageSize,
  fullRequest,
  invalidRequests,
  roundTripCoverageRequests,
  validRequests,
} from './request-generators.ts';
