/**
 * Stage 10, the checks: plain functions from exchanges (and specs) to findings, one file per check. No vitest,
 * no target: each is unit-tested on recorded exchanges.
 */
export { checkRefused } from './auth-refusal.ts';
export type { Refusal } from './auth-refusal.ts';
export { AUTH_CHECK, checkAuthenticationResult } from './auth-tokens.ts';
export {
  CHANGES_CHECK,
  acceptedOutcome,
  judgeReflection,
  judgeUse,
  setupFailedOutcome,
  toChangeVerdict,
} from './document-changes.ts';
export type { ChangeOutcome, Observed } from './document-changes.ts';
export { ERROR_SHAPE_CHECK, UNKNOWN_CLIENT_ID, UNKNOWN_USER_POOL_ID } from './error-shape.ts';
export {
  evaluateInvalidExchange,
  evaluateNotFoundExchange,
  evaluateValidExchange,
  isTransportFailure,
} from './evaluate-exchange.ts';
export { listAllPools, poolsOf } from './list-pages.ts';
export { allowedRejections } from './negative.ts';
export type { BrokenRule } from './negative.ts';
export { compareSent } from './compare-sent.ts';
export { describePlan, listPlan } from './round-trip-members.ts';
export type { RoundTripPlan } from './round-trip-members.ts';
export {
  LAST_MODIFIED_SETTLE_MS,
  ROUND_TRIP_CHECK,
  checkDescribed,
  checkLastModified,
  checkListed,
  checkListedMatchesDescribed,
} from './round-trip.ts';
export { RESPONSE_SCHEMA_CHECK, checkResponseSchema } from './response-schema.ts';
export { SDK_PARSE_CHECK, checkSdkParse } from './sdk-parse.ts';
export type { SdkKnowledge } from './sdk-parse.ts';
export {
  SIGNING_CERTIFICATE_CHECK,
  checkCertificateResponse,
  checkCertificateVerifiesToken,
} from './signing-certificate.ts';
export { CreatePool, ListPools, statefulLifecycles, statefulSequences } from './stateful-commands.ts';
export type { StatefulCommand, StatefulSequence } from './stateful-commands.ts';
export {
  STATEFUL_CHECK,
  emptyModel,
  livePools,
  newWorld,
  operationOfStatefulCheck,
  statefulCheckFor,
  statefulPlans,
} from './stateful-model.ts';
export type { PoolLifecycle, StatefulModel, StatefulPlans, StatefulWorld } from './stateful-model.ts';
export { tokenExpectations } from './token-claims.ts';
export { transportFinding } from './transport-finding.ts';
export {
  BEHAVIOUR_CHECK,
  behaviourCheckFor,
  judgeRule,
  newBehaviourWorld,
  operationOfBehaviourCheck,
} from './behaviour-model.ts';
export type {
  BehaviourCommand,
  BehaviourModel,
  BehaviourWorld,
  ClientModel,
  PoolSetting,
  RuleFinding,
  TokenSet,
  UserModel,
  UserStatus,
} from './behaviour-model.ts';
export { behaviourLifecycles, behaviourPrelude, behaviourSequences } from './behaviour-sequences.ts';
