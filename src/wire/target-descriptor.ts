import type { ReportTarget } from '../deviations/index.ts';

/** Static AWS-style credentials; emulators accept any, so the suite uses throwaway ones for them. */
export interface TargetCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/**
 * Everything a client needs to talk to a target (endpoint URL, signing region, credentials), and what the
 * report says about it (kind, name, version or image).
 */
export interface TargetDescriptor extends ReportTarget {
  readonly region: string;
  /** Undefined means the SDK's default credential chain (real AWS). */
  readonly credentials?: TargetCredentials;
}
