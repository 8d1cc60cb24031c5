import type { TargetCredentials, TargetDescriptor } from '../wire/index.ts';

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
