import type {
  ChangeVerdict,
  CheckTally,
  RequestCounts,
  ReportTarget,
  RuleCoverage,
  RuleTally,
  SdkSent,
} from './report-model.ts';
import type { Deviation } from './deviation.ts';

/**
 * What one test hands the reporter through `task.meta.conformance`: structured data, never a message to
 * parse. The reporter merges the records of every test into the report.
 */
export interface ConformanceRecord {
  readonly operation: string;
  readonly target: ReportTarget;
  readonly run: { readonly profile: string; readonly seed: number; readonly startedAt: string };
  readonly checks: readonly CheckTally[];
  /** Exchanges that got a complete HTTP response; zero with only transport findings means inconclusive. */
  readonly completedExchanges: number;
  /** Of those, answered with a 5xx or an unknown-operation error (absent in records of older versions). */
  readonly notImplementedAnswers?: number;
  readonly deviations: readonly Deviation[];
  /** Set when the target does not implement the operation; the evidence in our own words. */
  readonly unsupported?: string;
  /** Set when nothing could be judged (set-up failed, throttled, no response). */
  readonly inconclusive?: string;
  readonly changes?: readonly ChangeVerdict[];
  /** Behaviour rules this test judged, with runs and failures (see {@link RuleTally}). */
  readonly rules?: readonly RuleTally[];
  /** What this test's coverage phase exercised (summed over the operation's records). */
  readonly coverage?: RuleCoverage;
  /** Requests this test sent for the operation, by phase (summed over the operation's records). */
  readonly requests?: RequestCounts;
  /** What the SDK sent for the operation in this test (see {@link SdkSent}). */
  readonly sdkSent?: SdkSent;
}
