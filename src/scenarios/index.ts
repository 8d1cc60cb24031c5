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
export type { AuthRunContext } from './auth-runs.ts';
export { runChange } from './change-runs.ts';
export { guardSetup } from './guard-setup.ts';
export { createPrerequisites } from './operation-prerequisites.ts';
export type { LiveResources } from './operation-prerequisites.ts';
export { runInvalidRequests, runUnknownIds, runValidRequests, unknownIdVariants } from './operation-runs.ts';
export type { OperationRunContext } from './operation-runs.ts';
export {
  probeClientLastModified,
  probePoolLastModified,
  runCreateClientRoundTrip,
  runCreatePoolRoundTrip,
  runUpdateClientRoundTrip,
  runUpdatePoolRoundTrip,
} from './round-trip-runs.ts';
export type { RoundTripContext } from './round-trip-runs.ts';
export { SIGNING_CERTIFICATE_OPERATION, runSigningCertificate } from './signing-certificate-run.ts';
export { STATEFUL_OPERATIONS, maxResultsToSweep, runStateful, sweepMaxResults } from './stateful-runs.ts';
export type { StatefulRunContext } from './stateful-runs.ts';
