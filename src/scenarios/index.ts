/**
 * Stage 15, scenarios: what each suite does with a target (generate, send, check, record), one context
 * type for all of them.
 */
export {
  runDisabledFlows,
  runExcludedFlows,
  runPasswordFlows,
  runRefreshFlow,
  runSecretClient,
  runWrongPassword,
} from './auth-runs.ts';
export { runChange } from './change-runs.ts';
export { guardSetup } from './guard-setup.ts';
export {
  fixupContextOf,
  runInvalidRequests,
  runUnknownIds,
  runValidRequests,
  unknownIdVariants,
} from './operation-runs.ts';
export { runCreatePoolRoundTrip, runUpdatePoolRoundTrip } from './round-trip-runs.ts';
export { runFamilyRoundTrip } from './family-round-trips.ts';
export { relatedListings, runRelatedListing } from './related-listings.ts';
export {
  createUserPoolClientRoundTrip,
  createUserPoolRoundTrip,
  updateUserPoolClientRoundTrip,
  POOL_LISTING_OPERATIONS,
  updateUserPoolClientLastModified,
  updateUserPoolLastModified,
  updateUserPoolRoundTrip,
} from './round-trip-scenarios.ts';
export {
  freshPrefix,
  MAX_SHOWN_EXCHANGES,
  replayScenarios,
  reproduceDeviation,
} from './reproduce-deviation.ts';
export type { Reproduction, ReproductionMethod, ReproductionParts } from './reproduce-deviation.ts';
export { createScenarioContext } from './scenario-context.ts';
export type { ScenarioContext } from './scenario-context.ts';
export { SIGNING_CERTIFICATE_OPERATION, runSigningCertificate } from './signing-certificate-run.ts';
export { STATEFUL_OPERATIONS, runStateful, sweepMaxResults } from './stateful-runs.ts';
export { behaviourOperations, runBehaviour } from './behaviour-runs.ts';
export type { BehaviourSummary } from './behaviour-runs.ts';
