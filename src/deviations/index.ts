/**
 * Stage 5, the vocabulary every later stage shares: findings and deviations, the check names and deviation
 * kinds, the one identity of a deviation, normalisation of volatile values into tokens, redaction of secrets,
 * verdict rules, and the report model (`report.json`, schema version 1).
 */
export { CHECK_NAMES, checkNameOf } from './check-name.ts';
export type { CheckKey, CheckName } from './check-name.ts';
export { collapseDeviations } from './collapse-deviations.ts';
export type { ConformanceRecord } from './conformance-record.ts';
export { NO_COVERAGE, NO_REQUESTS, sumCoverage, sumRequests } from './coverage-counts.ts';
export { DEVIATION_KINDS, SEVERITIES } from './deviation-kind.ts';
export type { DeviationKind, Severity } from './deviation-kind.ts';
export type { CheckedFinding, Deviation, Evaluation, Finding, ReportDeviation } from './deviation.ts';
export { deviationIdentity, identityOf, locateDeviations, observationFingerprint } from './identity.ts';
export type { LocatedDeviation } from './identity.ts';
export { Normaliser, normaliseDeviation } from './normalise.ts';
export { isSecretMember, redactKnownSecrets, redactSecrets, redactString } from './redact.ts';
export type {
  ChangeVerdict,
  CheckTally,
  OperationReport,
  Report,
  ReportTarget,
  RequestCounts,
  RuleCoverage,
  TargetKind,
  Verdict,
} from './report-model.ts';
export { replayRunCommand, reproductionCommand } from './reproduce.ts';
export type { ReproductionTarget } from './reproduce.ts';
export { stableStringify } from './stable-json.ts';
export { isBlocking, summarise, verdictFor } from './verdict.ts';
