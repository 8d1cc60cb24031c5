/**
 * Stage 5, the vocabulary every later stage shares: findings and deviations, the check names and deviation
 * kinds, the one identity of a deviation, normalisation of volatile values into tokens, redaction of secrets
 * (both keep the suite's own public unknown ids as they are), verdict rules, and the report model (`report.json`,
 * schema version 1).
 */
export {
  acceptingEntry,
  baselineEntryIdentity,
  isoDay,
  isUnreviewed,
  parseBaseline,
  readBaseline,
  unacceptedDeviations,
  UNREVIEWED_REASON,
} from './baseline-file.ts';
export type { Baseline, BaselineEntry } from './baseline-file.ts';
export { CHECK_NAMES, checkNameOf } from './check-name.ts';
export type { CheckKey, CheckName } from './check-name.ts';
export { collapseDeviations } from './collapse-deviations.ts';
export type { ConformanceRecord } from './conformance-record.ts';
export { NO_COVERAGE, NO_REQUESTS, sumCoverage, sumRequests } from './coverage-counts.ts';
export { memberPointers, mergeSdkSent } from './sdk-sent.ts';
export { DEVIATION_KINDS, SEVERITIES } from './deviation-kind.ts';
export type { DeviationKind, Severity } from './deviation-kind.ts';
export type {
  CheckedFinding,
  Deviation,
  Evaluation,
  Finding,
  ReportDeviation,
  RuleRef,
} from './deviation.ts';
export {
  deviationIdentity,
  identityOf,
  identityText,
  locateDeviations,
  observationFingerprint,
  rulePath,
} from './identity.ts';
export type { LocatedDeviation } from './identity.ts';
export { Normaliser, normaliseDeviation } from './normalise.ts';
export {
  isRedactionExempt,
  isSecretMember,
  redactKnownSecrets,
  redactSecrets,
  redactString,
} from './redact.ts';
export type {
  BehaviourVerdict,
  ChangeVerdict,
  CheckTally,
  CoverageCounts,
  GroupCoverage,
  ModelCoverage,
  OperationReport,
  Report,
  ReportTarget,
  RequestCounts,
  SdkSent,
  RuleCoverage,
  RuleTally,
  SpecDriftSummary,
  TargetKind,
  Verdict,
} from './report-model.ts';
export {
  replayRunCommand,
  reproductionCommand,
  reproductionScript,
  SCRIPT_SHEBANG,
  sentRaw,
  withReproductionScript,
} from './reproduce.ts';
export type { ReproductionScriptInput, ReproductionTarget } from './reproduce.ts';
export {
  fillReportTokens,
  isReplayedCheck,
  plannedValues,
  REPLAYED_CHECKS,
  REPORT_PREFIX_TOKEN,
  reproductionPlan,
  unsaidUnknownId,
} from './reproduction-plan.ts';
export type { PlannedValue, ReproductionPlan } from './reproduction-plan.ts';
export { stableStringify } from './stable-json.ts';
export {
  isUnknownId,
  UNKNOWN_CLIENT_ID,
  UNKNOWN_IDENTIFIERS,
  UNKNOWN_IDS,
  UNKNOWN_USER_POOL_ID,
} from './unknown-ids.ts';
export { isBlocking, summarise, verdictFor } from './verdict.ts';
