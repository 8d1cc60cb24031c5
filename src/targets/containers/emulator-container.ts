import { AbstractStartedContainer, GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { DEFAULT_STARTUP_TIMEOUT_MS, startTargetContainer } from './start-target-container.ts';

/** What tells one emulator image from another: where it listens and how it says it is ready. */
export interface EmulatorImageTraits {
  /** The `--target` name, used in every error message. */
  readonly target: string;
  readonly port: number;
  readonly readyLog: string | RegExp;
}

/**
 * The part every emulator module shares, written like a testcontainers module: a pinned image, the wait
 * strategy on the emulator's ready line, bounded start-up, and `with*` builders for the other bounds.
 * Subclasses only name their traits and their started type.
 */
export abstract class EmulatorContainer<Started extends StartedTestContainer> extends GenericContainer {
  private pullTimeoutMs: number | undefined;
  private runtimeProbeTimeoutMs: number | undefined;

  protected constructor(
    protected readonly image: string,
    private readonly traits: EmulatorImageTraits,
  ) {
    super(image);
    this.withExposedPorts(traits.port)
      .withWaitStrategy(Wait.forLogMessage(traits.readyLog))
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

  override async start(): Promise<Started> {
    const started = await startTargetContainer(
      this,
      {
        target: this.traits.target,
        image: this.image,
        readyLog: this.traits.readyLog,
        startupTimeoutMs: this.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
        ...(this.pullTimeoutMs !== undefined ? { pullTimeoutMs: this.pullTimeoutMs } : {}),
        ...(this.runtimeProbeTimeoutMs !== undefined
          ? { runtimeProbeTimeoutMs: this.runtimeProbeTimeoutMs }
          : {}),
      },
      () => super.start(),
    );
    return this.started(started);
  }

  /** Wraps the running container in the module's own started type. */
  protected abstract started(container: StartedTestContainer): Started;
}

/** A running emulator. `stop()` (also run by `await using`) stops and removes it; it is idempotent. */
export class StartedEmulatorContainer extends AbstractStartedContainer {
  constructor(
    startedTestContainer: StartedTestContainer,
    private readonly image: string,
    private readonly port: number,
  ) {
    super(startedTestContainer);
  }

  /** The URL for an SDK client's `endpoint`: `http://<host>:<mapped port>`. */
  getEndpoint(): string {
    return `http://${this.getHost()}:${this.getMappedPort(this.port)}`;
  }

  /** The image reference the container was started from, as given. */
  getImage(): string {
    return this.image;
  }
}
