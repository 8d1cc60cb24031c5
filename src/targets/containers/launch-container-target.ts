import type { ContainerEmulator } from '../target-selection.ts';
import { CognitoLocalContainer } from './cognito-local-container.ts';
import { LocalStackProContainer } from './localstack-container.ts';
import { MotoContainer } from './moto-container.ts';

/** Options of {@link launchContainerTarget}; everything has a default. */
export interface ContainerTargetOptions {
  /** Overrides the pinned image (`--image`). */
  readonly image?: string;
  /** Bound on start-up until the emulator logs its ready line (60 s; LocalStack 120 s). */
  readonly startupTimeoutMs?: number;
  /** Bound on pulling a missing image (10 min). */
  readonly pullTimeoutMs?: number;
  /** Bound on finding a container engine at all (5 s). */
  readonly runtimeProbeTimeoutMs?: number;
}

/** A running container target, reduced to what the suite needs from it. */
export interface LaunchedContainerTarget {
  /** Where to send cognito-idp requests: `http://<host>:<mapped port>`. */
  readonly endpoint: string;
  /** The image reference it runs, for the report. */
  readonly image: string;
  /** Stops and removes the container; idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts the emulator behind `--target container:<kind>` and waits until it is ready. Every failure is
 * bounded in time and says what to do: no container engine, a missing LocalStack auth token, an image that is
 * missing and cannot be pulled, a container that exits or never becomes ready.
 */
export async function launchContainerTarget(
  kind: ContainerEmulator,
  options: ContainerTargetOptions = {},
): Promise<LaunchedContainerTarget> {
  const container =
    kind === 'cognito-local'
      ? new CognitoLocalContainer(options.image)
      : kind === 'moto'
        ? new MotoContainer(options.image)
        : new LocalStackProContainer(options.image);
  if (options.startupTimeoutMs !== undefined) container.withStartupTimeout(options.startupTimeoutMs);
  if (options.pullTimeoutMs !== undefined) container.withPullTimeout(options.pullTimeoutMs);
  if (options.runtimeProbeTimeoutMs !== undefined)
    container.withRuntimeProbeTimeout(options.runtimeProbeTimeoutMs);
  const started = await container.start();
  return {
    endpoint: started.getEndpoint(),
    image: started.getImage(),
    stop: async () => {
      await started.stop();
    },
  };
}
