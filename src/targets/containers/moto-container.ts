import { AbstractStartedContainer, GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { defaultImage } from './container-images.ts';
import { DEFAULT_STARTUP_TIMEOUT_MS, startTargetContainer } from './start-target-container.ts';

/** The port moto's server listens on inside its container. */
export const MOTO_PORT = 5000;

/** moto's server (werkzeug) logs ` * Running on http://127.0.0.1:5000` once it listens. */
export const MOTO_READY_LOG = /Running on http/;

/**
 * moto's server mode in a container (`--target container:moto`), written like a testcontainers module.
 * moto mocks every AWS service on one port; the suite only talks cognito-idp to it.
 *
 * Start-up is bounded (60 s by default, `withStartupTimeout`) and fails with a message naming the target and
 * what to do: see {@link startTargetContainer}.
 */
export class MotoContainer extends GenericContainer {
  private readonly image: string;
  private pullTimeoutMs: number | undefined;
  private runtimeProbeTimeoutMs: number | undefined;

  /** @param image Defaults to the pinned image (container-images.ts). */
  constructor(image: string = defaultImage('moto')) {
    super(image);
    this.image = image;
    this.withExposedPorts(MOTO_PORT)
      .withWaitStrategy(Wait.forLogMessage(MOTO_READY_LOG))
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

  override async start(): Promise<StartedMotoContainer> {
    const started = await startTargetContainer(
      this,
      {
        target: 'container:moto',
        image: this.image,
        readyLog: MOTO_READY_LOG,
        startupTimeoutMs: this.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
        ...(this.pullTimeoutMs !== undefined ? { pullTimeoutMs: this.pullTimeoutMs } : {}),
        ...(this.runtimeProbeTimeoutMs !== undefined
          ? { runtimeProbeTimeoutMs: this.runtimeProbeTimeoutMs }
          : {}),
      },
      () => super.start(),
    );
    return new StartedMotoContainer(started, this.image);
  }
}

/** A running moto container. `stop()` (also run by `await using`) stops and removes it; it is idempotent. */
export class StartedMotoContainer extends AbstractStartedContainer {
  constructor(
    startedTestContainer: StartedTestContainer,
    private readonly image: string,
  ) {
    super(startedTestContainer);
  }

  /** The URL for an SDK client's `endpoint`: `http://<host>:<mapped port>`. */
  getEndpoint(): string {
    return `http://${this.getHost()}:${this.getMappedPort(MOTO_PORT)}`;
  }

  /** The image reference the container was started from, as given. */
  getImage(): string {
    return this.image;
  }
}
