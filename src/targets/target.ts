import type { ReportTarget } from '../report/report-model.ts';

/** Static AWS-style credentials; emulators accept any, so the suite uses throwaway ones for them. */
export interface TargetCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Everything a client needs to talk to a target, and what the report says about it. */
export interface TargetDescriptor extends ReportTarget {
  readonly region: string;
  /** Undefined means the SDK's default credential chain (real AWS). */
  readonly credentials?: TargetCredentials;
}

/**
 * A target that is up. Stopping is idempotent and also runs on `await using`, so a failed test or an
 * exception in set-up still releases the emulator, port and data directory.
 */
export interface StartedTarget extends AsyncDisposable {
  readonly descriptor: TargetDescriptor;
  stop(): Promise<void>;
}

/** Credentials emulators accept; never real secrets, so they may appear in reproduction commands. */
export const EMULATOR_CREDENTIALS: TargetCredentials = {
  accessKeyId: 'conformance',
  secretAccessKey: 'conformance',
};
