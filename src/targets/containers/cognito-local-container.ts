import { AbstractStartedContainer, GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { defaultImage } from './container-images.ts';
import { DEFAULT_STARTUP_TIMEOUT_MS, startTargetContainer } from './start-target-container.ts';

/** The port cognito-local listens on inside its container (its image sets `PORT=9229`). */
export const COGNITO_LOCAL_PORT = 9229;

/** What cognito-local logs once its server listens: `Cognito Local running on http://0.0.0.0:9229`. */
export const COGNITO_LOCAL_READY_LOG = 'Cognito Local running on';

/**
 * cognito-local in a container, written like a testcontainers module: configure with the inherited and the
 * `with*` builder methods, then `start()`. Use it to judge the published image (`--target
 * container:cognito-local`) rather than the copy in node_modules that the embedded target runs.
 *
 * Start-up is bounded (60 s by default, `withStartupTimeout`) and fails with a message naming the target and
 * what to do: see {@link startTargetContainer}.
 */
export class CognitoLocalContainer extends GenericContainer {
  private readonly image: string;
  private pullTimeoutMs: number | undefined;
  private runtimeProbeTimeoutMs: number | undefined;

  /** @param image Defaults to the pinned image for this machine (container-images.ts). */
  constructor(image: string = defaultImage('cognito-local')) {
    super(image);
    this.image = image;
    this.withExposedPorts(COGNITO_LOCAL_PORT)
      .withWaitStrategy(Wait.forLogMessage(COGNITO_LOCAL_READY_LOG))
      .withStartupTimeout(DEFAULT_STARTUP_TIMEOUT_MS);
  }

  /** Bounds pulling the image when it is not present (default in container-image-check.ts). */
  withPullTimeout(pullTimeoutMs: number): this {
    this.pullTimeoutMs = pullTimeoutMs;
    return this;
  }

  /** Bounds the check that a container engine answers at all (default 5 s). */
  withRuntimeProbeTimeout(runtimeProbeTimeoutMs: number): this {
    this.runtimeProbeTimeoutMs = runtimeProbeTimeoutMs;
    return this;
  }

  override async start(): Promise<StartedCognitoLocalContainer> {
    const started = await startTargetContainer(
      this,
      {
        target: 'container:cognito-local',
        image: this.image,
        readyLog: COGNITO_LOCAL_READY_LOG,
        startupTimeoutMs: this.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
        ...(this.pullTimeoutMs !== undefined ? { pullTimeoutMs: this.pullTimeoutMs } : {}),
        ...(this.runtimeProbeTimeoutMs !== undefined
          ? { runtimeProbeTimeoutMs: this.runtimeProbeTimeoutMs }
          : {}),
      },
      () => super.start(),
    );
    return new StartedCognitoLocalContainer(started, this.image);
  }
}

/**
 * A running cognito-local container. `stop()` (also run by `await using`) stops and removes it; it is
 * idempotent.
 */
export class StartedCognitoLocalContainer extends AbstractStartedContainer {
  constructor(
    startedTestContainer: StartedTestContainer,
    private readonly image: string,
  ) {
    super(startedTestContainer);
  }

  /** The URL for an SDK client's `endpoint`: `http://<host>:<mapped port>`. */
  getEndpoint(): string {
    return `http://${this.getHost()}:${this.getMappedPort(COGNITO_LOCAL_PORT)}`;
  }

  /** The image reference the container was started from, as given. */
  getImage(): string {
    return this.image;
  }
}
